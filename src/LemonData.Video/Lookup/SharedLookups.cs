using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video;

/// <summary>
/// Lookups by key with one in flight per key: every caller asking for a key while its lookup runs gets the same task,
/// and a finished result is kept as long as <c>retention</c> says (<see cref="Timeout.InfiniteTimeSpan"/>: for the
/// life of this object). The lookup runs on its own, not on any caller's token: a caller that gives up does not cancel
/// it for the others, so a lookup must bound its own time.
/// </summary>
/// <typeparam name="TResult">What a lookup finds; a lookup reports failure as a result, never by throwing.</typeparam>
internal sealed class SharedLookups<TResult>
{
    // Past this many keys, finished results whose time is up are dropped when a new key comes: ids that only a typo
    // made (each a 404 kept ten minutes) cannot grow the table without bound.
    private const int PurgeThreshold = 256;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Func<string, Task<TResult>> _lookUp;
    private readonly Func<TResult, TimeSpan> _retention;
    private readonly TimeProvider _timeProvider;

    /// <param name="lookUp">Looks a key up; runs once per key at a time.</param>
    /// <param name="retention">How long a result is kept.</param>
    /// <param name="timeProvider">The clock retention is measured on (a fake one in tests).</param>
    public SharedLookups(Func<string, Task<TResult>> lookUp, Func<TResult, TimeSpan> retention, TimeProvider timeProvider)
    {
        _lookUp = lookUp;
        _retention = retention;
        _timeProvider = timeProvider;
    }

    /// <summary>The result for <paramref name="key"/>: kept, in flight, or of a lookup started now.</summary>
    public Task<TResult> GetOrStart(string key)
    {
        TaskCompletionSource<TResult> started;
        lock (_entries)
        {
            if (_entries.TryGetValue(key, out var entry) && !HasExpired(entry))
            {
                return entry.Result;
            }

            if (_entries.Count >= PurgeThreshold)
            {
                PurgeExpired();
            }

            // Continuations run elsewhere: a waiter's code must never run inside this class's completion.
            started = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            _entries[key] = new Entry(started.Task);
        }

        // Started outside the lock: the lookup runs synchronously up to its first await.
        _ = CompleteAsync(key, started);
        return started.Task;
    }

    /// <summary>How many keys are held (kept or in flight): for tests.</summary>
    internal int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    private async Task CompleteAsync(string key, TaskCompletionSource<TResult> started)
    {
        TResult result;
        try
        {
            result = await _lookUp(key).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // A lookup reports its failures as results; one that throws anyway is not kept, so the next caller tries again.
            lock (_entries)
            {
                if (_entries.TryGetValue(key, out var failed) && failed.Result == started.Task)
                {
                    _entries.Remove(key);
                }
            }

            started.SetException(exception);
            return;
        }

        lock (_entries)
        {
            // The time is set before the waiters resume, so that none of them sees a finished entry without it.
            if (_entries.TryGetValue(key, out var entry) && entry.Result == started.Task)
            {
                entry.Finish(_timeProvider.GetTimestamp(), _retention(result));
            }
        }

        started.SetResult(result);
    }

    private bool HasExpired(Entry entry) =>
        entry.FinishedAt is { } finishedAt
        && entry.Retention != Timeout.InfiniteTimeSpan
        && _timeProvider.GetElapsedTime(finishedAt) >= entry.Retention;

    private void PurgeExpired()
    {
        List<string>? expired = null;
        foreach (var pair in _entries)
        {
            if (HasExpired(pair.Value))
            {
                (expired ??= new List<string>()).Add(pair.Key);
            }
        }

        if (expired is not null)
        {
            foreach (var key in expired)
            {
                _entries.Remove(key);
            }
        }
    }

    private sealed class Entry
    {
        public Entry(Task<TResult> result) => Result = result;

        public Task<TResult> Result { get; }

        /// <summary>When the lookup finished (a <see cref="TimeProvider"/> timestamp), or null while it runs.</summary>
        public long? FinishedAt { get; private set; }

        public TimeSpan Retention { get; private set; }

        public void Finish(long finishedAt, TimeSpan retention)
        {
            Retention = retention;
            FinishedAt = finishedAt;
        }
    }
}
