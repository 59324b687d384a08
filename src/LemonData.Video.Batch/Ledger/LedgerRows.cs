using System;
using System.Data.Common;

namespace LemonData.Video.Batch;

/// <summary>
/// Reads a job from a row of either ledger, whose columns come in the same order:
/// <c>seq, job_key, state, request_json, output_path, task_id, output_urls_json, files_json, error, updated_at, poll_url</c>.
/// Only the time is stored differently (text in SQLite, a timestamp in PostgreSQL), so each engine reads it its way.
/// </summary>
internal static class LedgerRows
{
    public static VideoJobRecord Read(DbDataReader row, Func<DbDataReader, int, DateTimeOffset> readTime, string where, string? ledgerPath = null)
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
                UpdatedAt = readTime(row, 9),
                PollUrl = row.IsDBNull(10) ? null : row.GetString(10),
            };
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new VideoJobLedgerException("Job '" + key + "' in the batch ledger " + where + " cannot be read: " + exception.Message, ledgerPath, exception);
        }
    }

    public static VideoJobState ParseState(string name) =>
        Enum.TryParse<VideoJobState>(name, ignoreCase: false, out var state)
            ? state
            : throw new VideoJobLedgerException("The ledger holds a job in state '" + name + "', which this version does not know.");
}
