using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video;

/// <summary>Reads a task once, following its <see cref="TaskRoute"/> past 404s.</summary>
internal sealed class TaskReader
{
    private readonly ApiRequestSender _sender;

    public TaskReader(ApiRequestSender sender)
    {
        _sender = sender;
    }

    public async Task<ApiResponse<VideoTask>> ReadAsync(TaskRoute route, CancellationToken cancellationToken)
    {
        while (true)
        {
            var call = new ApiCall(route.Operation, route.Uri, "getting task '" + route.TaskId + "'") { TaskId = route.TaskId };
            try
            {
                return await _sender.SendAsync(call, body => ParseTask(body, route.TaskId), cancellationToken).ConfigureAwait(false);
            }
            catch (LemonDataApiException exception) when (exception.StatusCode == 404 && route.TryFallBack())
            {
                // This path does not know the task (or does not exist on this service): try the next.
            }
        }
    }

    /// <summary>Reads a task body; the requested id stands in when the body names none.</summary>
    public static VideoTask ParseTask(byte[] body, string? requestedTaskId)
    {
        var response = JsonSerializer.Deserialize(body, LemonDataJsonContext.Default.VideoTaskResponse)
            ?? throw new JsonException("The body is JSON null, not a task.");
        return VideoTaskMapper.ToVideoTask(response, requestedTaskId)
            ?? throw new JsonException("The answer names no task: it has neither 'id' nor 'task_id'.");
    }
}
