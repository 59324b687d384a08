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

    // Set once the canonical path answered 404 where the legacy one knew the task: this service is of the
    // first generation, and later routes start with the legacy path.
    private volatile bool _legacyFirst;

    /// <summary>A route for a task, in the order this service is known to answer.</summary>
    public TaskRoute RouteFor(ApiEndpoint endpoint, string taskId, string? pollUrl) => new(endpoint, taskId, pollUrl, _legacyFirst);

    public async Task<ApiResponse<VideoTask>> ReadAsync(TaskRoute route, CancellationToken cancellationToken)
    {
        var canonicalMissing = false;
        while (true)
        {
            var call = new ApiCall(route.Operation, route.Uri, "getting task '" + route.TaskId + "'") { TaskId = route.TaskId };
            try
            {
                var response = await _sender.SendAsync(call, body => ParseTask(body, route.TaskId, _sender.ApiKey), cancellationToken).ConfigureAwait(false);
                if (canonicalMissing && route.Operation == LemonDataVideoOperations.GetVideoGeneration)
                {
                    _legacyFirst = true;
                }

                return response;
            }
            catch (LemonDataApiException exception) when (exception.StatusCode == 404 && route.TryFallBack())
            {
                // This path does not know the task (or does not exist on this service): try the next.
                canonicalMissing |= call.Operation == LemonDataVideoOperations.GetTask;
            }
        }
    }

    /// <summary>Reads a task body; the requested id stands in when the body names none.</summary>
    public static VideoTask ParseTask(byte[] body, string? requestedTaskId, string? secret = null)
    {
        var response = JsonSerializer.Deserialize(Utf8Bom.Skip(body), LemonDataJsonContext.Default.VideoTaskResponse)
            ?? throw new JsonException("The body is JSON null, not a task.");
        var task = VideoTaskMapper.ToVideoTask(response, requestedTaskId, secret)
            ?? throw new JsonException("The answer names no task: it has neither 'id' nor 'task_id'.");

        // "." and ".." cannot be polled (they would change the path): such an answer names no usable task.
        return WireOperation.IsDotSegment(task.Id)
            ? throw new JsonException("The answer's task id '" + task.Id + "' is not a usable task id.")
            : task;
    }
}
