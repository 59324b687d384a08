using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace LemonData.Video.Batch;

/// <summary>How a job row is selected and read back as a <see cref="VideoJobRecord"/>.</summary>
internal static class PostgresJobRows
{
    /// <summary>The columns of a job, in the order <see cref="ReadAllAsync"/> reads them, qualified by the table's alias <c>j</c>.</summary>
    public const string Columns = "j.seq, j.job_key, j.state, j.request_json, j.output_path, j.task_id, j.output_urls_json, j.files_json, j.error, j.updated_at, j.poll_url";

    public static async Task<IReadOnlyList<VideoJobRecord>> ReadAllAsync(NpgsqlDataReader rows, string where, CancellationToken cancellationToken)
    {
        var jobs = new List<VideoJobRecord>();
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            jobs.Add(Read(rows, where));
        }

        return jobs;
    }

    public static VideoJobState ParseState(string name) =>
        Enum.TryParse<VideoJobState>(name, ignoreCase: false, out var state)
            ? state
            : throw new VideoJobLedgerException("The ledger holds a job in state '" + name + "', which this version does not know.");

    private static VideoJobRecord Read(NpgsqlDataReader row, string where)
    {
        var key = row.GetString(1);
        try
        {
            return new VideoJobRecord(row.GetInt64(0), key, ParseState(row.GetString(2)), LedgerJson.ReadRequest(row.GetString(3)), row.GetString(4))
            {
                TaskId = row.IsDBNull(5) ? null : row.GetString(5),
                OutputUrls = LedgerJson.ReadUrls(row.IsDBNull(6) ? null : row.GetString(6)),
                Files = LedgerJson.ReadFiles(row.IsDBNull(7) ? null : row.GetString(7)),
                Error = row.IsDBNull(8) ? null : row.GetString(8),
                UpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(row.GetDateTime(9), DateTimeKind.Utc)),
                PollUrl = row.IsDBNull(10) ? null : row.GetString(10),
            };
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new VideoJobLedgerException("Job '" + key + "' in the PostgreSQL batch ledger " + where + " cannot be read: " + exception.Message, innerException: exception);
        }
    }
}
