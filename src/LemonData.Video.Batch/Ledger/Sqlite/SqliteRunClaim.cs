using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace LemonData.Video.Batch;

/// <summary>
/// The one row that says which run holds an SQLite ledger. Read and written inside one <c>BEGIN IMMEDIATE</c> transaction,
/// so two runs starting at the same instant cannot both see the ledger free. A row left by a process that died (its id no
/// longer alive on this host, or alive with another start time) is taken over; a row from another host is never judged
/// from here, since its process cannot be seen.
/// </summary>
internal sealed class SqliteRunClaim : IAsyncDisposable
{
    private readonly SqliteVideoJobLedger _ledger;
    public string ClaimId { get; }
    private int _released;

    private SqliteRunClaim(SqliteVideoJobLedger ledger, string claimId)
    {
        _ledger = ledger;
        ClaimId = claimId;
    }

    public static SqliteRunClaim Take(SqliteVideoJobLedger ledger, SqliteConnection connection)
    {
        var host = Environment.MachineName;
        var claimId = Guid.NewGuid().ToString("N");
        using var transaction = connection.BeginTransaction();
        if (ReadHolder(connection, transaction) is { } holder)
        {
            var (who, processStartedAt) = holder;
            var deadOnThisHost = string.Equals(who.Host, host, StringComparison.OrdinalIgnoreCase)
                && !ProcessLiveness.IsAlive(who.ProcessId, processStartedAt);
            if (!deadOnThisHost)
            {
                throw new VideoJobLedgerLockedException(ledger.Path, who);
            }
        }

        using (var write = connection.CreateCommand())
        {
            write.Transaction = transaction;
            write.CommandText = """
                INSERT OR REPLACE INTO run_claim (id, claim_id, process_id, host, process_started_at, started_at)
                VALUES (1, $claim, $pid, $host, $processStartedAt, $startedAt);
                """;
            write.Parameters.AddWithValue("$claim", claimId);
            write.Parameters.AddWithValue("$pid", ProcessLiveness.CurrentId);
            write.Parameters.AddWithValue("$host", host);
            write.Parameters.AddWithValue("$processStartedAt", (object?)ProcessLiveness.CurrentStartTime?.ToString("O", CultureInfo.InvariantCulture) ?? DBNull.Value);
            write.Parameters.AddWithValue("$startedAt", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            write.ExecuteNonQuery();
        }

        transaction.Commit();
        return new SqliteRunClaim(ledger, claimId);
    }

    public static (VideoJobLedgerHolder Holder, DateTimeOffset? ProcessStartedAt)? ReadHolder(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT process_id, host, process_started_at, started_at FROM run_claim WHERE id = 1;";
        using var row = read.ExecuteReader();
        if (!row.Read())
        {
            return null;
        }

        var processStartedAt = row.IsDBNull(2) ? (DateTimeOffset?)null : DateTimeOffset.Parse(row.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        var startedAt = DateTimeOffset.Parse(row.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        return (new VideoJobLedgerHolder(row.GetInt32(0), row.GetString(1), startedAt), processStartedAt);
    }

    public async ValueTask DisposeAsync()
    {
        if (System.Threading.Interlocked.Exchange(ref _released, 1) == 0)
        {
            await _ledger.ReleaseClaimAsync(ClaimId).ConfigureAwait(false);
        }
    }
}
