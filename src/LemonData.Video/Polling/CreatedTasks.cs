using System;
using System.Collections.Generic;

namespace LemonData.Video;

/// <summary>
/// What this client learnt from the service about the tasks it created: where to poll them (<c>poll_url</c>)
/// and when the create was answered (with any <c>Retry-After</c>), so that waiting by task id alone still
/// polls where the service asked, and a wait on a task just created does not poll before the service could
/// have moved it. Bounded: the oldest entries are dropped. Entries are structs, so remembering a task costs
/// no allocation once the table has grown.
/// </summary>
internal sealed class CreatedTasks
{
    private const int Capacity = 1024;

    private readonly Dictionary<string, CreatedTask> _tasks = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly object _gate = new();

    /// <param name="taskId">The created task.</param>
    /// <param name="pollUrl">Its <c>poll_url</c>, if the service gave one.</param>
    /// <param name="answeredAt">When the create was answered, as a timestamp of the client's <see cref="TimeProvider"/>.</param>
    /// <param name="retryAfter">The create answer's <c>Retry-After</c>, if any.</param>
    public void Remember(string taskId, string? pollUrl, long answeredAt, TimeSpan? retryAfter)
    {
        lock (_gate)
        {
            if (_tasks.TryGetValue(taskId, out var known))
            {
                // An answer without a poll_url does not forget the one the service gave before.
                pollUrl ??= known.PollUrl;
            }
            else
            {
                _order.Enqueue(taskId);
                if (_order.Count > Capacity)
                {
                    _tasks.Remove(_order.Dequeue());
                }
            }

            _tasks[taskId] = new CreatedTask(pollUrl, answeredAt, retryAfter);
        }
    }

    public bool TryFind(string taskId, out CreatedTask task)
    {
        lock (_gate)
        {
            return _tasks.TryGetValue(taskId, out task);
        }
    }

    /// <summary>The task's <c>poll_url</c>, resolved against the endpoint once and kept; null when none or unusable.</summary>
    public Uri? FindPollUri(string taskId, ApiEndpoint endpoint)
    {
        CreatedTask task;
        lock (_gate)
        {
            if (!_tasks.TryGetValue(taskId, out task) || task.PollUrl is null)
            {
                return null;
            }

            if (task.PollUriResolved)
            {
                return task.PollUri;
            }
        }

        // Resolved outside the lock (it parses a URI); two threads doing it at once store the same answer.
        var uri = endpoint.TryResolvePollUrl(task.PollUrl, out var resolved) ? resolved : null;
        lock (_gate)
        {
            if (_tasks.TryGetValue(taskId, out var current) && ReferenceEquals(current.PollUrl, task.PollUrl))
            {
                _tasks[taskId] = current.WithPollUri(uri);
            }
        }

        return uri;
    }
}

/// <summary>One task this client created, as <see cref="CreatedTasks"/> remembers it.</summary>
internal readonly struct CreatedTask
{
    public CreatedTask(string? pollUrl, long answeredAt, TimeSpan? retryAfter)
        : this(pollUrl, pollUri: null, pollUriResolved: false, answeredAt, retryAfter)
    {
    }

    private CreatedTask(string? pollUrl, Uri? pollUri, bool pollUriResolved, long answeredAt, TimeSpan? retryAfter)
    {
        PollUrl = pollUrl;
        PollUri = pollUri;
        PollUriResolved = pollUriResolved;
        AnsweredAt = answeredAt;
        RetryAfter = retryAfter;
    }

    public string? PollUrl { get; }

    /// <summary>The resolved <see cref="PollUrl"/>, once looked up (see <see cref="PollUriResolved"/>).</summary>
    public Uri? PollUri { get; }

    public bool PollUriResolved { get; }

    /// <summary>When the create was answered (a timestamp of the client's <see cref="TimeProvider"/>).</summary>
    public long AnsweredAt { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>The same task with its poll URL resolved (null: the URL is not one to follow).</summary>
    public CreatedTask WithPollUri(Uri? pollUri) => new(PollUrl, pollUri, pollUriResolved: true, AnsweredAt, RetryAfter);
}
