using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace LemonData.Video.Batch;

/// <summary>
/// Records one change of one job, only from the states the change allows and only by the worker that holds it (or any
/// caller when no worker does), and says why when it cannot. A worker whose lease lapsed while it was working on a job
/// is refused, rather than the worker that took the job over.
/// </summary>
internal static class PostgresChange
{
    public static async Task<VideoJobRecord> RecordAsync(NpgsqlConnection connection, string schema, string where, string? worker, VideoJobChange change, CancellationToken cancellationToken)
    {
        var to = change.To;
        var setTask = to is VideoJobState.Created or VideoJobState.OutcomeUnknown or VideoJobState.Planned;
        var setUrls = to is VideoJobState.Completed or VideoJobState.Planned;
        var setFiles = to is VideoJobState.Downloaded or VideoJobState.Completed or VideoJobState.Planned;
        var from = new List<string>(change.AllowedFrom.Count);
        foreach (var state in change.AllowedFrom)
        {
            from.Add(state.ToString());
        }

        var sql = "UPDATE {schema}.jobs AS j SET state = @to, error = @error, updated_at = now()"
            + (change.LetsGoOfJob ? ", worker_id = NULL" : string.Empty)
            + (setTask ? ", task_id = @task, poll_url = @poll" : string.Empty)
            + (setUrls ? ", output_urls_json = @urls" : string.Empty)
            + (setFiles ? ", files_json = @files" : string.Empty)
            + " WHERE j.job_key = @key AND j.state = ANY(@from) AND (j.worker_id IS NULL OR @me::text IS NULL OR j.worker_id = @me) RETURNING " + PostgresJobRows.Columns + ";";
        await using (var command = new NpgsqlCommand(PostgresSchema.Qualify(sql, schema), connection))
        {
            command.Parameters.AddWithValue("to", to.ToString());
            command.Parameters.Add(Text("error", change.Error));
            command.Parameters.AddWithValue("key", change.Key);
            command.Parameters.AddWithValue("from", from.ToArray());
            command.Parameters.Add(Text("me", worker));
            if (setTask)
            {
                command.Parameters.Add(Text("task", change.TaskId));
                command.Parameters.Add(Text("poll", change.PollUrl));
            }

            if (setUrls)
            {
                command.Parameters.Add(Text("urls", change.OutputUrls is { } urls ? LedgerJson.Urls(urls) : null));
            }

            if (setFiles)
            {
                command.Parameters.Add(Text("files", change.Files is { } files ? LedgerJson.Files(files) : null));
            }

            await using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var recorded = await PostgresJobRows.ReadAllAsync(rows, where, cancellationToken).ConfigureAwait(false);
            if (recorded.Count == 1)
            {
                return recorded[0];
            }
        }

        await using var read = new NpgsqlCommand(PostgresSchema.Qualify("SELECT state, worker_id FROM {schema}.jobs WHERE job_key = @key;", schema), connection);
        read.Parameters.AddWithValue("key", change.Key);
        await using var row = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await row.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new VideoJobLedgerException("Job '" + change.Key + "' is not in the batch ledger (PostgreSQL " + where + ").");
        }

        var current = row.GetString(0);
        var holder = row.IsDBNull(1) ? null : row.GetString(1);
        if (holder is not null && worker is not null && holder != worker && change.AllowedFrom.Contains(LedgerRows.ParseState(current)))
        {
            throw new VideoJobLedgerException(
                "Job '" + change.Key + "' is held by another worker (" + holder + ") in the batch ledger (PostgreSQL " + where + "): this worker's lease lapsed "
                + "and the job was taken over, so this worker's " + to + " was not recorded.");
        }

        throw new VideoJobLedgerException(
            "Job '" + change.Key + "' is " + current + " in the batch ledger (PostgreSQL " + where + "): it cannot become " + to
            + " from there (only from " + string.Join(" or ", change.AllowedFrom) + "). Has another worker taken it over?");
    }

    private static NpgsqlParameter Text(string name, string? value) =>
        new NpgsqlParameter<string?>(name, NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = value };
}
