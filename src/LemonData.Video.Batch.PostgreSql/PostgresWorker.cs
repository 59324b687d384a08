using System;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace LemonData.Video.Batch;

/// <summary>
/// One worker of a shared ledger, from its claim until the handle is disposed: its row in <c>workers</c>, whose lease
/// (<c>expires_at</c>, the server's time) a background loop renews every third of the lease. While the lease holds, the
/// worker's jobs are its own; once it expires (the process died, or lost the database for longer than the lease), its
/// Submitting jobs become OutcomeUnknown and its tasks are taken over by the other workers.
/// </summary>
internal sealed class PostgresWorker : IAsyncDisposable
{
    private readonly PostgresVideoJobLedger _ledger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;
    private int _released;

    private PostgresWorker(PostgresVideoJobLedger ledger, string id, TimeSpan lease)
    {
        _ledger = ledger;
        Id = id;
        _renewing = RenewAsync(lease, _stop.Token);
    }

    public string Id { get; }

    public static async Task<PostgresWorker> RegisterAsync(PostgresVideoJobLedger ledger, TimeSpan lease, CancellationToken cancellationToken)
    {
        var id = Environment.MachineName + ":" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + Guid.NewGuid().ToString("N");

        // Rows of workers long gone say nothing any more (a missing row is a dead worker just the same): cleared on the way.
        await ledger.ExecuteAsync(
            """
            DELETE FROM {schema}.workers WHERE expires_at < now() - interval '1 day';
            INSERT INTO {schema}.workers (worker_id, host, process_id, expires_at) VALUES (@id, @host, @pid, now() + @lease);
            """,
            command =>
            {
                command.Parameters.AddWithValue("id", id);
                command.Parameters.AddWithValue("host", Environment.MachineName);
                command.Parameters.AddWithValue("pid", Environment.ProcessId);
                command.Parameters.AddWithValue("lease", lease);
            },
            cancellationToken).ConfigureAwait(false);
        return new PostgresWorker(ledger, id, lease);
    }

    /// <summary>Stops renewing, lets go of every job the worker still holds, and removes its row: its tasks are free at once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        _stop.Cancel();
        await _renewing.ConfigureAwait(false);
        _stop.Dispose();
        try
        {
            await _ledger.ExecuteAsync(
                "UPDATE {schema}.jobs SET worker_id = NULL WHERE worker_id = @id; DELETE FROM {schema}.workers WHERE worker_id = @id;",
                command => command.Parameters.AddWithValue("id", Id),
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (VideoJobLedgerException)
        {
            // The database is gone (the run is stopping for that very reason): the lease expires on its own, and the jobs
            // are then taken over just the same. Throwing here would hide the error that stopped the run.
        }
        catch (ObjectDisposedException)
        {
            // The ledger was closed first: the same as above.
        }
    }

    private async Task RenewAsync(TimeSpan lease, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(lease / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                try
                {
                    // Only a lease still running is renewed: once it has expired, the other workers may already have judged
                    // this worker's creates and taken over its tasks, so it stays dead (it claims and takes nothing more)
                    // rather than coming back to jobs that are no longer its own.
                    await _ledger.ExecuteAsync(
                        "UPDATE {schema}.workers SET expires_at = now() + @lease WHERE worker_id = @id AND expires_at > now();",
                        command =>
                        {
                            command.Parameters.AddWithValue("lease", lease);
                            command.Parameters.AddWithValue("id", Id);
                        },
                        stop).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is VideoJobLedgerException or NpgsqlException or ObjectDisposedException)
                {
                    // Tried again at the next tick; the run's own statements fail meanwhile and stop it if the database is gone.
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
