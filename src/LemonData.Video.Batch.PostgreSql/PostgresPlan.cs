using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace LemonData.Video.Batch;

/// <summary>
/// Adds one chunk of planned jobs in one transaction. <c>INSERT ... ON CONFLICT DO NOTHING</c> makes many workers planning
/// the same file at once safe: each key is added once, and a worker whose insert meets another's waits for that one to
/// commit. A known job that was never sent (Planned, Refused) takes the new request; one that was sent must come unchanged.
/// </summary>
internal static class PostgresPlan
{
    /// <summary>
    /// Adds the chunk; a deadlock (two workers planning the same keys in different orders, each waiting on the other's
    /// uncommitted rows) rolls this chunk back whole, and it is tried again, a few times.
    /// </summary>
    public static async Task<int> AddWithRetryAsync(NpgsqlConnection connection, string schema, string where, IReadOnlyList<VideoJob> jobs, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AddAsync(connection, schema, where, jobs, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 4)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> AddAsync(NpgsqlConnection connection, string schema, string where, IReadOnlyList<VideoJob> jobs, CancellationToken cancellationToken)
    {
        var keys = new string[jobs.Count];
        var requests = new string[jobs.Count];
        var outputs = new string[jobs.Count];
        for (var i = 0; i < jobs.Count; i++)
        {
            keys[i] = jobs[i].Key;
            requests[i] = LedgerJson.Request(jobs[i].Request);
            outputs[i] = jobs[i].OutputPath;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var added = new HashSet<string>(StringComparer.Ordinal);
        await using (var insert = new NpgsqlCommand(
            PostgresSchema.Qualify(
                """
                INSERT INTO {schema}.jobs (job_key, state, request_json, output_path)
                SELECT key, 'Planned', request, output FROM unnest(@keys, @requests, @outputs) WITH ORDINALITY AS input (key, request, output, position)
                ORDER BY position
                ON CONFLICT (job_key) DO NOTHING
                RETURNING job_key;
                """,
                schema),
            connection,
            transaction))
        {
            insert.Parameters.AddWithValue("keys", keys);
            insert.Parameters.AddWithValue("requests", requests);
            insert.Parameters.AddWithValue("outputs", outputs);
            await using var rows = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                added.Add(rows.GetString(0));
            }
        }

        // Every job not inserted just now (a known key, or the same key twice in the input) is checked against the ledger:
        // read in one statement, and written only where the request or output path differs.
        var insertedOnce = new HashSet<string>(StringComparer.Ordinal);
        var known = new List<int>();
        for (var i = 0; i < jobs.Count; i++)
        {
            if (!(added.Contains(keys[i]) && insertedOnce.Add(keys[i])))
            {
                known.Add(i);
            }
        }

        if (known.Count > 0)
        {
            var stored = await ReadStoredAsync(connection, transaction, schema, known.ConvertAll(i => keys[i]).ToArray(), cancellationToken).ConfigureAwait(false);
            foreach (var i in known)
            {
                if (stored.TryGetValue(keys[i], out var row) && row.Request == requests[i] && row.Output == outputs[i])
                {
                    continue;
                }

                await ReconcileAsync(connection, transaction, schema, where, keys[i], requests[i], outputs[i], cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added.Count;
    }

    private static async Task<Dictionary<string, (string Request, string Output)>> ReadStoredAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, string[] keys, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, (string Request, string Output)>(StringComparer.Ordinal);
        await using var read = new NpgsqlCommand(PostgresSchema.Qualify("SELECT job_key, request_json, output_path FROM {schema}.jobs WHERE job_key = ANY(@keys);", schema), connection, transaction);
        read.Parameters.AddWithValue("keys", keys);
        await using var rows = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            stored[rows.GetString(0)] = (rows.GetString(1), rows.GetString(2));
        }

        return stored;
    }

    private static async Task ReconcileAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, string where, string key, string request, string output, CancellationToken cancellationToken)
    {
        // Never sent (or provably refused): nothing was paid for under this key, so the job may still change. The state is
        // part of the condition, so a worker that claimed the job meanwhile is never overwritten.
        await using (var update = new NpgsqlCommand(
            PostgresSchema.Qualify(
                "UPDATE {schema}.jobs SET request_json = @request, output_path = @output, updated_at = now() WHERE job_key = @key AND state IN ('Planned', 'Refused') AND (request_json <> @request OR output_path <> @output);",
                schema),
            connection,
            transaction))
        {
            update.Parameters.AddWithValue("request", request);
            update.Parameters.AddWithValue("output", output);
            update.Parameters.AddWithValue("key", key);
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                return;
            }
        }

        await using var read = new NpgsqlCommand(PostgresSchema.Qualify("SELECT state, request_json, output_path FROM {schema}.jobs WHERE job_key = @key;", schema), connection, transaction);
        read.Parameters.AddWithValue("key", key);
        string state, storedRequest, storedOutput;
        await using (var row = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await row.ReadAsync(cancellationToken).ConfigureAwait(false);
            (state, storedRequest, storedOutput) = (row.GetString(0), row.GetString(1), row.GetString(2));
        }

        if (storedRequest == request && storedOutput == output)
        {
            return;
        }

        var what = storedRequest == request ? "output path ('" + storedOutput + "' before, '" + output + "' now)" : "request";
        throw new VideoJobLedgerException(
            "Job '" + key + "' is " + state + " in the batch ledger (PostgreSQL " + where + "), but its " + what + " has changed. "
            + "A job that was sent keeps what it was sent with: give the changed job a new key (nothing was sent this run).");
    }
}
