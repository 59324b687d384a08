using System;
using System.Threading.Tasks;
using Npgsql;

namespace LemonData.Video.Cli.Tests.SharedLedger;

/// <summary>
/// A database of its own for one test, on the server <c>LEMONDATA_TEST_POSTGRES</c> names (.ci/run starts one); the tool
/// is given its connection string as a user would. Without a server the test is skipped, saying so.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public const string Variable = "LEMONDATA_TEST_POSTGRES";

    private readonly string _server;
    private readonly string _name;

    private TestDatabase(string server, string name, string connectionString)
    {
        _server = server;
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <summary>Lets no connection in and cuts every open one: the database "goes away" (<see cref="ComeBackAsync"/> undoes it).</summary>
    public Task GoAwayAsync() => ExecuteAsync(_server, "ALTER DATABASE " + _name + " WITH ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + _name + "';");

    public async Task ComeBackAsync()
    {
        await ExecuteAsync(_server, "ALTER DATABASE " + _name + " WITH ALLOW_CONNECTIONS true;");
        NpgsqlConnection.ClearAllPools();
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        Skip.If(string.IsNullOrWhiteSpace(server), Variable + " is not set: no PostgreSQL server for the shared-ledger tests (.ci/run starts one).");
        var name = "ldv_cli_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(server!, "CREATE DATABASE " + name + ";");
        return new TestDatabase(server!, name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_server, "DROP DATABASE IF EXISTS " + _name + " WITH (FORCE);");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
