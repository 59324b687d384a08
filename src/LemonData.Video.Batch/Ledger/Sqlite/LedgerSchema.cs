using System;
using System.Globalization;
using System.IO;
using Microsoft.Data.Sqlite;

namespace LemonData.Video.Batch;

/// <summary>
/// What makes an SQLite file a ledger, and which version of it: the header's <c>application_id</c> says "a LemonData batch
/// ledger" (so another program's database is never mistaken for one) and <c>user_version</c> the schema version (so an
/// older SDK never writes a ledger it does not understand). A file is only ever created here, never replaced.
/// </summary>
internal static class LedgerSchema
{
    /// <summary>"LDVB" in ASCII: the SQLite header field that names the application whose file this is.</summary>
    public const int ApplicationId = 0x4C445642;

    public const int CurrentVersion = 2;

    // Version 2: the worker that holds a job (the claim id of the run working on it), so that a run never hands itself a
    // job it is already working on or gave up on, and lets go of them all when it ends.
    private const string UpgradeToVersion2 = "ALTER TABLE jobs ADD COLUMN worker_id TEXT;";

    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    // The current version, for a new file. Job states are stored by name: a person reading the file with sqlite3 sees what the contract says.
    private const string CreateCurrentVersion = """
        CREATE TABLE jobs (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            job_key TEXT NOT NULL UNIQUE,
            state TEXT NOT NULL,
            request_json TEXT NOT NULL,
            output_path TEXT NOT NULL,
            task_id TEXT,
            poll_url TEXT,
            output_urls_json TEXT,
            files_json TEXT,
            error TEXT,
            worker_id TEXT,
            planned_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX jobs_by_state ON jobs (state, seq);
        CREATE TABLE run_claim (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            claim_id TEXT NOT NULL,
            process_id INTEGER NOT NULL,
            host TEXT NOT NULL,
            process_started_at TEXT,
            started_at TEXT NOT NULL
        );
        """;

    /// <summary>Refuses, before SQLite touches it, a file that is not an SQLite database at all (an empty file is a new ledger).</summary>
    public static void RequireSqliteFileOrNone(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var header = new byte[SqliteHeader.Length];
        int read;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (read == 0)
        {
            return;
        }

        if (read < header.Length || !header.AsSpan().SequenceEqual(SqliteHeader))
        {
            throw NotALedger(path, "it is not an SQLite database");
        }
    }

    /// <summary>Creates the schema in a new file, accepts a ledger of this version, and refuses anything else by name.</summary>
    public static void CreateOrVerify(SqliteConnection connection, string path)
    {
        var applicationId = Convert.ToInt32(Scalar(connection, "PRAGMA application_id;"), CultureInfo.InvariantCulture);
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
        var objects = Convert.ToInt64(Scalar(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%';"), CultureInfo.InvariantCulture);

        if (applicationId == ApplicationId)
        {
            if (version > CurrentVersion)
            {
                throw new VideoJobLedgerException(
                    "The batch ledger '" + path + "' was written by a newer version of LemonData.Video.Batch (ledger schema "
                    + version.ToString(CultureInfo.InvariantCulture) + "; this version reads schema " + CurrentVersion.ToString(CultureInfo.InvariantCulture)
                    + " and older). It was left as it is: update the SDK or the tool to run this batch.",
                    path);
            }

            if (version < 1)
            {
                throw NotALedger(path, "it is marked as a ledger but has no schema version");
            }

            if (version < CurrentVersion)
            {
                Upgrade(connection);
            }

            return;
        }

        if (applicationId != 0 || objects != 0)
        {
            throw NotALedger(path, "it is an SQLite database of something else");
        }

        // BEGIN IMMEDIATE, then look again: another process creating the same new ledger at this instant has won the race.
        using var transaction = connection.BeginTransaction();
        using (var again = connection.CreateCommand())
        {
            again.Transaction = transaction;
            again.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%';";
            if (Convert.ToInt64(again.ExecuteScalar(), CultureInfo.InvariantCulture) != 0)
            {
                transaction.Rollback();
                CreateOrVerify(connection, path);
                return;
            }
        }

        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = CreateCurrentVersion
                + "PRAGMA application_id = " + ApplicationId.ToString(CultureInfo.InvariantCulture) + ";"
                + "PRAGMA user_version = " + CurrentVersion.ToString(CultureInfo.InvariantCulture) + ";";
            create.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    // BEGIN IMMEDIATE, then read the version again: another process opening the same old ledger may have upgraded it.
    private static void Upgrade(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        if (Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture) < 2)
        {
            command.CommandText = UpgradeToVersion2 + "PRAGMA user_version = 2;";
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public static VideoJobLedgerException NotALedger(string path, string why, Exception? inner = null) =>
        new("The file '" + path + "' is not a LemonData batch ledger (" + why + "). It was left as it is: "
            + "choose another ledger file, or move this one away.", path, inner);

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
