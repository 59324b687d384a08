using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace LemonData.Video.Batch;

/// <summary>
/// The ledger's tables, created and upgraded by numbered migrations. All of it runs in one transaction under a
/// transaction-scoped advisory lock on the schema's name, so that workers starting at the same instant migrate once: the
/// first applies what is missing, the others wait for its commit and then find nothing to do. A schema that a newer version
/// migrated further is refused and left as it is.
/// </summary>
internal static class PostgresSchema
{
    public const int CurrentVersion = 1;

    // "LDVB" in ASCII: the first key of the advisory lock, so that it cannot collide with another application's locks.
    private const int LockNamespace = 0x4C445642;

    // Migration n (1-based) brings the schema from version n - 1 to n. Applied ones are never edited: add the next.
    private static readonly string[] Migrations =
    {
        // 1. Job states stored by name, as in the SQLite ledger. worker_id: the worker holding the job (the workers row
        // whose lease, expires_at, says whether it is alive). Times are the server's, so the workers' clocks never matter.
        """
        CREATE TABLE {schema}.jobs (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            job_key text NOT NULL UNIQUE,
            state text NOT NULL,
            request_json text NOT NULL,
            output_path text NOT NULL,
            task_id text,
            poll_url text,
            output_urls_json text,
            files_json text,
            error text,
            worker_id text,
            planned_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX jobs_by_state ON {schema}.jobs (state, seq);
        CREATE INDEX jobs_by_worker ON {schema}.jobs (worker_id) WHERE worker_id IS NOT NULL;
        CREATE TABLE {schema}.workers (
            worker_id text PRIMARY KEY,
            host text NOT NULL,
            process_id integer NOT NULL,
            started_at timestamptz NOT NULL DEFAULT now(),
            expires_at timestamptz NOT NULL
        );
        CREATE TABLE {schema}.ledger_facts (name text PRIMARY KEY, value text NOT NULL);
        """,
    };

    public static async Task MigrateAsync(NpgsqlConnection connection, string schema, string where, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@namespace, hashtext(@schema));", connection, transaction))
        {
            command.Parameters.AddWithValue("namespace", LockNamespace);
            command.Parameters.AddWithValue("schema", schema);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(
            connection,
            transaction,
            "CREATE SCHEMA IF NOT EXISTS {schema}; CREATE TABLE IF NOT EXISTS {schema}.schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());",
            schema,
            cancellationToken).ConfigureAwait(false);

        int version;
        await using (var read = new NpgsqlCommand(Qualify("SELECT COALESCE(MAX(version), 0) FROM {schema}.schema_migrations;", schema), connection, transaction))
        {
            version = (int)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        if (version > CurrentVersion)
        {
            throw new VideoJobLedgerException(
                "The PostgreSQL batch ledger " + where + " was written by a newer version of LemonData.Video.Batch.PostgreSql (ledger schema "
                + version.ToString(CultureInfo.InvariantCulture) + "; this version reads schema " + CurrentVersion.ToString(CultureInfo.InvariantCulture)
                + " and older). It was left as it is: update the SDK or the tool to run this batch.");
        }

        for (var next = version + 1; next <= CurrentVersion; next++)
        {
            await ExecuteAsync(
                connection,
                transaction,
                Migrations[next - 1] + "INSERT INTO {schema}.schema_migrations (version) VALUES (" + next.ToString(CultureInfo.InvariantCulture) + ");",
                schema,
                cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Puts the schema's quoted name where a statement says <c>{schema}</c>.</summary>
    public static string Qualify(string sql, string schema) => sql.Replace("{schema}", "\"" + schema + "\"", System.StringComparison.Ordinal);

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, string schema, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Qualify(sql, schema), connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
