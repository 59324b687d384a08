using System;

namespace LemonData.Video;

/// <summary>
/// Where to read a task, in order: the service's <c>poll_url</c> when it gave one, the canonical
/// <c>/v1/tasks/{id}</c>, then the legacy <c>/v1/videos/generations/{id}</c> for services of the
/// first generation, which answer 404 on the canonical path. Once a path works it is kept.
/// </summary>
/// <remarks>
/// A path is built only when it is reached: almost every read succeeds on the first, so the others would be
/// addresses parsed for nothing on every <see cref="LemonDataVideoClient.GetVideoTaskAsync"/>.
/// </remarks>
internal sealed class TaskRoute
{
    private const int PollUrlStep = 0;
    private const int FirstPathStep = 1;
    private const int LastStep = 2;

    private readonly ApiEndpoint _endpoint;
    private readonly Uri? _pollUri;
    private readonly bool _legacyFirst;
    private Uri? _firstPath;
    private int _step = -1;

    /// <param name="endpoint">The service's base address.</param>
    /// <param name="taskId">The task.</param>
    /// <param name="pollUri">The service's <c>poll_url</c> for it, resolved, if known and usable.</param>
    /// <param name="legacyFirst">
    /// Whether this service was seen to lack <c>/v1/tasks/{id}</c> (a first-generation service): then the
    /// legacy path is tried first, and every poll does not pay for a 404.
    /// </param>
    public TaskRoute(ApiEndpoint endpoint, string taskId, Uri? pollUri, bool legacyFirst = false)
    {
        // Refused here, as when every path was built up front, not only once a 404 reaches one.
        WireOperation.ThrowIfDotSegment(taskId);
        _endpoint = endpoint;
        TaskId = taskId;
        _pollUri = pollUri;
        _legacyFirst = legacyFirst;
        TryFallBack();
    }

    public string TaskId { get; }

    public WireOperation Operation { get; private set; } = null!;

    public Uri Uri { get; private set; } = null!;

    /// <summary>Moves to the next path after a 404; false when none is left.</summary>
    public bool TryFallBack()
    {
        while (_step < LastStep)
        {
            _step++;
            if (_step == PollUrlStep)
            {
                if (_pollUri is not null)
                {
                    Operation = LemonDataVideoOperations.GetTask;
                    Uri = _pollUri;
                    return true;
                }

                continue;
            }

            // The first path is the legacy one on a first-generation service, else the canonical one.
            var legacy = (_step == FirstPathStep) == _legacyFirst;
            var operation = legacy ? LemonDataVideoOperations.GetVideoGeneration : LemonDataVideoOperations.GetTask;
            var uri = _endpoint.ResolveApiPath(operation.PathFor(TaskId));
            if (_step == FirstPathStep)
            {
                _firstPath = uri;
            }

            // A poll_url that is the canonical path is not asked twice.
            if (uri == _pollUri || (_step != FirstPathStep && uri == _firstPath))
            {
                continue;
            }

            Operation = operation;
            Uri = uri;
            return true;
        }

        return false;
    }
}
