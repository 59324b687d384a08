using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading.Tasks;
using LemonData.Video.Batch.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LemonData.Video.Batch.Tests.Ledger;

/// <summary>Files the ledger will not use: refused with their name, and left byte for byte as they were.</summary>
public class LedgerRefusalTests
{
    [Fact]
    public async Task A_ledger_of_a_newer_schema_is_refused_naming_the_file_and_both_versions_and_is_not_changed()
    {
        using var folder = new TempFolder();
        await using (var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath))
        {
            await ledger.PlanAsync(TestJobs.Many(folder.Path, 3));
        }

        using (var connection = Open(folder.LedgerPath))
        {
            Execute(connection, "PRAGMA user_version = " + (SqliteVideoJobLedger.SchemaVersion + 1) + ";");
        }

        var before = Hash(folder.LedgerPath);
        var refused = await Assert.ThrowsAsync<VideoJobLedgerException>(() => SqliteVideoJobLedger.OpenAsync(folder.LedgerPath));

        Assert.Contains(folder.LedgerPath, refused.Message);
        Assert.Contains("newer version", refused.Message);
        Assert.Contains("schema " + (SqliteVideoJobLedger.SchemaVersion + 1), refused.Message);
        Assert.Equal(folder.LedgerPath, refused.LedgerPath);
        Assert.Equal(before, Hash(folder.LedgerPath));
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_naming_it_and_left_as_it_was()
    {
        using var folder = new TempFolder();
        var path = folder.File("jobs.db");
        File.WriteAllText(path, "{\"these\": \"are not the droids\"}\n");
        var before = Hash(path);

        var refused = await Assert.ThrowsAsync<VideoJobLedgerException>(() => SqliteVideoJobLedger.OpenAsync(path));

        Assert.Contains(path, refused.Message);
        Assert.Contains("not a LemonData batch ledger", refused.Message);
        Assert.Equal(before, Hash(path));
        Assert.False(File.Exists(path + "-wal"));
    }

    [Fact]
    public async Task Another_programs_SQLite_database_is_refused_naming_it_and_left_as_it_was()
    {
        using var folder = new TempFolder();
        var path = folder.File("app.db");
        using (var connection = Open(path))
        {
            Execute(connection, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Ada');");
        }

        var before = Hash(path);
        var refused = await Assert.ThrowsAsync<VideoJobLedgerException>(() => SqliteVideoJobLedger.OpenAsync(path));

        Assert.Contains(path, refused.Message);
        Assert.Contains("SQLite database of something else", refused.Message);
        Assert.Equal(before, Hash(path));
    }

    [Fact]
    public async Task A_database_whose_pages_are_garbage_is_refused_naming_it()
    {
        using var folder = new TempFolder();
        await using (var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath))
        {
            await ledger.PlanAsync(TestJobs.Many(folder.Path, 50));
        }

        // The header survives, the schema page does not.
        var bytes = File.ReadAllBytes(folder.LedgerPath);
        new Random(7).NextBytes(bytes.AsSpan(100, Math.Min(bytes.Length - 100, 8000)));
        File.WriteAllBytes(folder.LedgerPath, bytes);

        var refused = await Assert.ThrowsAsync<VideoJobLedgerException>(async () =>
        {
            await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
            await LedgerContents.AllAsync(ledger);
        });
        Assert.Contains(folder.LedgerPath, refused.Message);
    }

    [Fact]
    public async Task An_empty_file_becomes_a_new_ledger()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.LedgerPath, Array.Empty<byte>());

        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        Assert.Equal(1, await ledger.PlanAsync(TestJobs.Many(folder.Path, 1)));
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection("Data Source=" + path + ";Pooling=False");
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
