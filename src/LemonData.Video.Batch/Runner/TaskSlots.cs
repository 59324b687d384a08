using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Batch;

/// <summary>
/// The jobs in flight: at most <c>capacity</c> at once. A job's work that fails unexpectedly (the ledger cannot be written)
/// stops the run: no new job starts, the others finish, and the failure is thrown once they have.
/// </summary>
internal sealed class TaskSlots
{
    private readonly int _capacity;
    private readonly List<Task> _running = new();
    private readonly List<Task> _trailing = new();
    private ExceptionDispatchInfo? _fault;

    public TaskSlots(int capacity) => _capacity = capacity;

    public int InFlight
    {
        get
        {
            lock (_running)
            {
                var count = 0;
                foreach (var task in _running)
                {
                    if (!task.IsCompleted)
                    {
                        count++;
                    }
                }

                return count;
            }
        }
    }

    public bool Faulted => Volatile.Read(ref _fault) is not null;

    /// <summary>Waits until fewer than the capacity run.</summary>
    public async Task WaitForFreeSlotAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task[] running;
            lock (_running)
            {
                _running.RemoveAll(task => task.IsCompleted);
                if (_running.Count < _capacity)
                {
                    return;
                }

                running = _running.ToArray();
            }

            await Task.WhenAny(running).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until a job in flight ends, or <paramref name="atMost"/> has passed (at once when none is in flight and no time is given).</summary>
    public async Task WaitForAnyToEndAsync(TimeSpan atMost, CancellationToken cancellationToken)
    {
        Task[] running;
        lock (_running)
        {
            _running.RemoveAll(task => task.IsCompleted);
            running = _running.ToArray();
        }

        var delay = Task.Delay(atMost, cancellationToken);
        await (running.Length == 0 ? delay : Task.WhenAny(Task.WhenAny(running), delay)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Starts a job's work in a slot (call <see cref="WaitForFreeSlotAsync"/> first).</summary>
    public void Start(Func<Task> work, CancellationToken runToken)
    {
        var task = Run(work, runToken);
        lock (_running)
        {
            _running.Add(task);
        }
    }

    /// <summary>
    /// Starts the last, local part of a job (its file to the disk, its last record) outside the slots: the task's last
    /// request is done, so the slot goes to the next job meanwhile. Waited for by <see cref="DrainAsync"/> like the rest.
    /// </summary>
    public void StartTrailing(Func<Task> work)
    {
        var task = Run(work, CancellationToken.None);
        lock (_trailing)
        {
            _trailing.RemoveAll(done => done.IsCompleted);
            _trailing.Add(task);
        }
    }

    private Task Run(Func<Task> work, CancellationToken runToken) =>
        Task.Run(async () =>
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (runToken.IsCancellationRequested)
            {
                // The run was cancelled: the job stays where its last recorded change left it.
            }
            catch (Exception exception)
            {
                Interlocked.CompareExchange(ref _fault, ExceptionDispatchInfo.Capture(exception), null);
            }
        });

    /// <summary>Waits for every job in flight, then throws the first unexpected failure, if any.</summary>
    public async Task DrainAsync()
    {
        Task[] running;
        lock (_running)
        {
            running = _running.ToArray();
        }

        // Slots first: a job ending in one may still hand its last part to the trailing work.
        await Task.WhenAll(running).ConfigureAwait(false);
        Task[] trailing;
        lock (_trailing)
        {
            trailing = _trailing.ToArray();
        }

        await Task.WhenAll(trailing).ConfigureAwait(false);
        Volatile.Read(ref _fault)?.Throw();
    }
}
