using System;
using System.Collections.Generic;

namespace LemonData.Video;

/// <summary>
/// Where to read a task, in order: the service's <c>poll_url</c> when it gave one, the canonical
/// <c>/v1/tasks/{id}</c>, then the legacy <c>/v1/videos/generations/{id}</c> for services of the
/// first generation, which answer 404 on the canonical path. Once a path works it is kept.
/// </summary>
internal sealed class TaskRoute
{
    private readonly List<Candidate> _candidates = new(3);
    private int _current;

    /// <param name="endpoint">The service's base address.</param>
    /// <param name="taskId">The task.</param>
    /// <param name="pollUrl">The service's <c>poll_url</c> for it, if known.</param>
    /// <param name="legacyFirst">
    /// Whether this service was seen to lack <c>/v1/tasks/{id}</c> (a first-generation service): then the
    /// legacy path is tried first, and every poll does not pay for a 404.
    /// </param>
    public TaskRoute(ApiEndpoint endpoint, string taskId, string? pollUrl, bool legacyFirst = false)
    {
        TaskId = taskId;
        if (endpoint.TryResolvePollUrl(pollUrl, out var pollUri))
        {
            Add(LemonDataVideoOperations.GetTask, pollUri);
        }

        var canonical = endpoint.Resolve(LemonDataVideoOperations.GetTask.PathFor(taskId));
        var legacy = endpoint.Resolve(LemonDataVideoOperations.GetVideoGeneration.PathFor(taskId));
        if (legacyFirst)
        {
            Add(LemonDataVideoOperations.GetVideoGeneration, legacy);
            Add(LemonDataVideoOperations.GetTask, canonical);
        }
        else
        {
            Add(LemonDataVideoOperations.GetTask, canonical);
            Add(LemonDataVideoOperations.GetVideoGeneration, legacy);
        }
    }

    public string TaskId { get; }

    public WireOperation Operation => _candidates[_current].Operation;

    public Uri Uri => _candidates[_current].Uri;

    /// <summary>Moves to the next path after a 404; false when none is left.</summary>
    public bool TryFallBack()
    {
        if (_current + 1 >= _candidates.Count)
        {
            return false;
        }

        _current++;
        return true;
    }

    private void Add(WireOperation operation, Uri uri)
    {
        foreach (var candidate in _candidates)
        {
            if (candidate.Uri == uri)
            {
                return;
            }
        }

        _candidates.Add(new Candidate(operation, uri));
    }

    private readonly struct Candidate
    {
        public Candidate(WireOperation operation, Uri uri)
        {
            Operation = operation;
            Uri = uri;
        }

        public WireOperation Operation { get; }

        public Uri Uri { get; }
    }
}
