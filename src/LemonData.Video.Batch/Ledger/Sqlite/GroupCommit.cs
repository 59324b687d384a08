using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Batch;

/// <summary>
/// Records the changes that arrive together in one transaction and one sync to disk (a group commit, as databases do with
/// their logs). Each caller still waits until its own change is committed: nothing is acknowledged before it is durable,
/// but eight jobs that change state at once cost one <c>fsync</c>, not eight, which is what keeps a batch of instant tasks
/// as fast as a loop with no ledger at all.
/// </summary>
/// <remarks>
/// The first caller to find no commit under way leads: it commits what is waiting, then what arrived meanwhile, until
/// nothing waits. A change refused (a state it cannot come from) fails alone; the others of its group are committed.
/// </remarks>
internal sealed class GroupCommit
{
    private readonly Func<IReadOnlyList<VideoJobChange>, Task<IReadOnlyList<ChangeOutcome>>> _commit;
    private readonly object _gate = new();
    private List<Waiting> _waiting = new();
    private bool _leading;

    /// <param name="commit">Commits a group in one transaction, returning each change's record or the exception that refused it alone.</param>
    public GroupCommit(Func<IReadOnlyList<VideoJobChange>, Task<IReadOnlyList<ChangeOutcome>>> commit) => _commit = commit;

    /// <summary>Completes once <paramref name="change"/> is committed (or refused).</summary>
    public Task<VideoJobRecord> RecordAsync(VideoJobChange change)
    {
        var waiting = new Waiting(change);
        bool lead;
        lock (_gate)
        {
            _waiting.Add(waiting);
            lead = !_leading;
            _leading = true;
        }

        if (lead)
        {
            _ = Task.Run(LeadAsync);
        }

        return waiting.Done.Task;
    }

    private async Task LeadAsync()
    {
        while (true)
        {
            List<Waiting> group;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _leading = false;
                    return;
                }

                group = _waiting;
                _waiting = new List<Waiting>();
            }

            var changes = new VideoJobChange[group.Count];
            for (var i = 0; i < group.Count; i++)
            {
                changes[i] = group[i].Change;
            }

            try
            {
                var outcomes = await _commit(changes).ConfigureAwait(false);
                for (var i = 0; i < group.Count; i++)
                {
                    if (outcomes[i].Refusal is { } refusal)
                    {
                        group[i].Done.TrySetException(refusal);
                    }
                    else
                    {
                        group[i].Done.TrySetResult(outcomes[i].Record!);
                    }
                }
            }
            catch (Exception exception)
            {
                // The transaction as a whole failed (a full disk, a closed ledger): no change of the group was recorded.
                foreach (var waiting in group)
                {
                    waiting.Done.TrySetException(exception);
                }
            }
        }
    }

    /// <summary>What became of one change of a group: its record, or why it alone was refused.</summary>
    internal readonly record struct ChangeOutcome(VideoJobRecord? Record, Exception? Refusal);

    private sealed class Waiting
    {
        public Waiting(VideoJobChange change) => Change = change;

        public VideoJobChange Change { get; }

        // Continuations run elsewhere: the leader goes on committing instead of running its followers' next steps.
        public TaskCompletionSource<VideoJobRecord> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
