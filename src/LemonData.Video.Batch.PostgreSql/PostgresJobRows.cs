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

    private static VideoJobRecord Read(NpgsqlDataReader row, string where) =>
        LedgerRows.Read(row, static (reader, column) => new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(column), DateTimeKind.Utc)), where);
}
