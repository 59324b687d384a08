using System;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Batch.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LemonData.Video.Batch.Tests.Ledger;

/// <summary>The SQLite ledger's file (the state machine every ledger shares is in Contract/LedgerContractTests).</summary>
public class SqliteLedgerFileTests
{
    [Fact]
    public async Task The_file_is_in_WAL_mode_and_marked_with_its_application_id_and_schema_version()
    {
        using var folder = new TempFolder();
        await using (await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath))
        {
        }

        using var connection = new SqliteConnection("Data Source=" + folder.LedgerPath + ";Pooling=False");
        connection.Open();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal(SqliteVideoJobLedger.SchemaVersion.ToString(), Scalar(connection, "PRAGMA user_version;"));
        Assert.Equal(0x4C445642.ToString(), Scalar(connection, "PRAGMA application_id;"));
    }

    [Fact]
    public async Task A_ledger_of_schema_1_is_upgraded_in_place_keeping_its_jobs_and_a_run_then_claims_them()
    {
        using var folder = new TempFolder();
        using (var connection = new SqliteConnection("Data Source=" + folder.LedgerPath + ";Pooling=False"))
        {
            connection.Open();
            using var create = connection.CreateCommand();

            // The schema as version 1 wrote it, with one planned job.
            create.CommandText = """
                CREATE TABLE jobs (seq INTEGER PRIMARY KEY AUTOINCREMENT, job_key TEXT NOT NULL UNIQUE, state TEXT NOT NULL, request_json TEXT NOT NULL,
                    output_path TEXT NOT NULL, task_id TEXT, poll_url TEXT, output_urls_json TEXT, files_json TEXT, error TEXT, planned_at TEXT NOT NULL, updated_at TEXT NOT NULL);
                CREATE INDEX jobs_by_state ON jobs (state, seq);
                CREATE TABLE run_claim (id INTEGER PRIMARY KEY CHECK (id = 1), claim_id TEXT NOT NULL, process_id INTEGER NOT NULL, host TEXT NOT NULL,
                    process_started_at TEXT, started_at TEXT NOT NULL);
                INSERT INTO jobs (job_key, state, request_json, output_path, planned_at, updated_at)
                VALUES ('old-job', 'Planned', '{"model":"sora-2","prompt":"An old job"}', '/tmp/old.mp4', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
                PRAGMA application_id = 1279546946;
                PRAGMA user_version = 1;
                """;
            create.ExecuteNonQuery();
        }

        await using (var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath))
        await using (await ledger.ClaimAsync())
        {
            var claimed = await ledger.ClaimNextPlannedAsync();
            Assert.Equal("old-job", claimed!.Key);
            Assert.Equal("An old job", claimed.Request.Prompt);
        }

        using var upgraded = new SqliteConnection("Data Source=" + folder.LedgerPath + ";Pooling=False");
        upgraded.Open();
        Assert.Equal("2", Scalar(upgraded, "PRAGMA user_version;"));
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
