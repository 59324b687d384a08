using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video;

/// <summary>Reads a task once, following its <see cref="TaskRoute"/> past 404s.</summary>
internal sealed class TaskReader
{
    /// <summary>Parses a task answer; one instance, because a lambda capturing the task id would be a closure per call.</summary>
    public static readonly BodyParser<VideoTask> Parser = static (body, taskId, secret) => ParseTask(body, taskId, secret);

    private const string ReadingVerb = "getting task";

    private readonly ApiRequestSender _sender;

    public TaskReader(ApiRequestSender sender)
    {
        _sender = sender;
    }

    // Set once the canonical path answered 404 where the legacy one knew the task: this service is of the
    // first generation, and later routes start with the legacy path.
    private volatile bool _legacyFirst;

    /// <summary>A route for a task, in the order this service is known to answer.</summary>
    /// <param name="endpoint">The service's base address.</param>
    /// <param name="taskId">The task.</param>
    /// <param name="pollUrl">The service's <c>poll_url</c> for it, as it came, if known.</param>
    public TaskRoute RouteFor(ApiEndpoint endpoint, string taskId, string? pollUrl) =>
        RouteFor(endpoint, taskId, endpoint.TryResolvePollUrl(pollUrl, out var pollUri) ? pollUri : null);

    /// <summary>A route for a task whose <c>poll_url</c> is already resolved (or null).</summary>
    public TaskRoute RouteFor(ApiEndpoint endpoint, string taskId, Uri? pollUri) => new(endpoint, taskId, pollUri, _legacyFirst);

    public async ValueTask<ApiResponse<VideoTask>> ReadAsync(TaskRoute route, CancellationToken cancellationToken)
    {
        var canonicalMissing = false;
        while (true)
        {
            var call = new ApiCall(route.Operation, route.Uri, ReadingVerb, route.TaskId) { TaskId = route.TaskId };
            try
            {
                var response = await _sender.SendAsync(call, Parser, cancellationToken).ConfigureAwait(false);
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
    public static VideoTask ParseTask(ReadOnlySpan<byte> body, string? requestedTaskId, string? secret = null)
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
