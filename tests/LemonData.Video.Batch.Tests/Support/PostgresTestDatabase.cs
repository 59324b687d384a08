using System;
using System.Threading.Tasks;
using Npgsql;

namespace LemonData.Video.Batch.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests run against, named by <c>LEMONDATA_TEST_POSTGRES</c> (a connection string to a
/// database the tests may create schemas and databases in; .ci/run starts one). Without it every PostgreSQL test is
/// skipped, saying so. Each test gets a schema of its own, dropped when disposed.
/// </summary>
internal sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string Variable = "LEMONDATA_TEST_POSTGRES";

    private PostgresTestDatabase(string connectionString, string schema)
    {
        ConnectionString = connectionString;
        Schema = schema;
    }

    public string ConnectionString { get; }

    public string Schema { get; }

    /// <summary>The server's connection string; skips the calling test, with the reason, when none is configured.</summary>
    public static string RequireServer()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        Skip.If(
            string.IsNullOrWhiteSpace(connectionString),
            Variable + " is not set: no PostgreSQL server to test the shared ledger against (.ci/run starts one; see its PostgreSQL step to start one by hand).");
        return connectionString!;
    }

    public static PostgresTestDatabase Create() => new(RequireServer(), "t_" + Guid.NewGuid().ToString("N"));

    public PostgresVideoJobLedgerOptions Options(TimeSpan? lease = null) =>
        new() { Schema = Schema, LeaseDuration = lease ?? TimeSpan.FromSeconds(30) };

    public Task<PostgresVideoJobLedger> OpenAsync(TimeSpan? lease = null) => PostgresVideoJobLedger.OpenAsync(ConnectionString, Options(lease));

    /// <summary>Runs SQL on the test's schema (<c>{schema}</c> in <paramref name="sql"/> is its quoted name).</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql.Replace("{schema}", "\"" + Schema + "\"", StringComparison.Ordinal), connection);
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await ScalarAsync("DROP SCHEMA IF EXISTS {schema} CASCADE;");
    }
}
