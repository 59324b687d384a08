using System;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Batch.Tests.Support;
using Npgsql;

namespace LemonData.Video.Batch.Tests.Postgres;

/// <summary>Opening a PostgreSQL ledger: migrations run once however many workers start together, and what cannot be opened says where.</summary>
public class PostgresOpeningTests
{
    [SkippableFact]
    public async Task Eight_workers_opening_a_new_schema_at_once_migrate_it_once_and_all_open()
    {
        await using var database = PostgresTestDatabase.Create();

        var ledgers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => database.OpenAsync())));
        try
        {
            Assert.Equal(PostgresVideoJobLedger.SchemaVersion, Convert.ToInt32(await database.ScalarAsync("SELECT COUNT(*) FROM {schema}.schema_migrations;")));
            Assert.Equal(PostgresVideoJobLedger.SchemaVersion, Convert.ToInt32(await database.ScalarAsync("SELECT MAX(version) FROM {schema}.schema_migrations;")));
            Assert.Equal(0, (await ledgers[7].CountAsync())[VideoJobState.Planned]);
        }
        finally
        {
            foreach (var ledger in ledgers)
            {
                await ledger.DisposeAsync();
            }
        }
    }

    [SkippableFact]
    public async Task A_schema_of_a_newer_version_is_refused_naming_both_versions_and_where_it_is_and_is_left_as_it_was()
    {
        await using var database = PostgresTestDatabase.Create();
        await using (var ledger = await database.OpenAsync())
        {
            await ledger.PlanAsync(TestJobs.Many("/tmp", 3));
        }

        var newer = PostgresVideoJobLedger.SchemaVersion + 1;
        await database.ScalarAsync("INSERT INTO {schema}.schema_migrations (version) VALUES (" + newer + ");");

        var refused = await Assert.ThrowsAsync<VideoJobLedgerException>(() => database.OpenAsync());
        Assert.Contains("newer version", refused.Message);
        Assert.Contains("schema " + newer, refused.Message);
        Assert.Contains("reads schema " + PostgresVideoJobLedger.SchemaVersion, refused.Message);
        Assert.Contains(database.Schema, refused.Message);
        Assert.Contains("database '", refused.Message);
        Assert.Equal(3L, await database.ScalarAsync("SELECT COUNT(*) FROM {schema}.jobs;"));
        Assert.Equal(newer, Convert.ToInt32(await database.ScalarAsync("SELECT MAX(version) FROM {schema}.schema_migrations;")));
    }

    [SkippableFact]
    public async Task A_server_that_cannot_be_reached_is_named_by_host_port_and_database_never_by_its_password()
    {
        PostgresTestDatabase.RequireServer();
        var port = FreePort();
        var connectionString = "Host=127.0.0.1;Port=" + port + ";Database=videos_farm;Username=batch;Password=s3cret-Pa55word;Timeout=5";

        var refused = await Assert.ThrowsAsync<VideoJobLedgerException>(() => PostgresVideoJobLedger.OpenAsync(connectionString));

        Assert.Contains("127.0.0.1", refused.Message);
        Assert.Contains("port " + port, refused.Message);
        Assert.Contains("database 'videos_farm'", refused.Message);
        Assert.DoesNotContain("s3cret-Pa55word", refused.ToString());
    }

    [SkippableFact]
    public async Task A_database_that_does_not_exist_is_named_and_a_malformed_connection_string_is_refused_without_echoing_it()
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresTestDatabase.RequireServer()) { Database = "no_such_db_" + Guid.NewGuid().ToString("N")[..8], Password = "s3cret-Pa55word" };

        var missing = await Assert.ThrowsAsync<VideoJobLedgerException>(() => PostgresVideoJobLedger.OpenAsync(server.ConnectionString));
        Assert.Contains("database '" + server.Database + "'", missing.Message);
        Assert.Contains("does not exist", missing.Message);
        Assert.DoesNotContain("s3cret-Pa55word", missing.ToString());

        var malformed = await Assert.ThrowsAsync<VideoJobLedgerException>(() => PostgresVideoJobLedger.OpenAsync("Host=127.0.0.1;Password=s3cret-Pa55word;Porrt=5432"));
        Assert.Contains("connection string is not valid", malformed.Message);
        Assert.DoesNotContain("s3cret-Pa55word", malformed.Message);
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
