using System;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace LemonData.Video.Batch;

/// <summary>
/// A ledger in one PostgreSQL schema, shared by many workers: any worker (a runner with its own instance of this ledger,
/// in any process on any machine) can pick up any job, no two workers are ever handed the same planned job, and the tasks
/// of a worker that died are finished by the others once its lease expires.
/// </summary>
/// <remarks>
/// <para>
/// Open one instance per worker with <see cref="OpenAsync(string, PostgresVideoJobLedgerOptions?, CancellationToken)"/> (a
/// connection string) or <see cref="OpenAsync(NpgsqlDataSource, PostgresVideoJobLedgerOptions?, CancellationToken)"/> (a
/// data source the application already has). Opening creates or upgrades the schema by numbered migrations, in one
/// transaction under an advisory lock (workers starting together migrate once), and refuses a schema of a newer version.
/// </para>
/// <para>
/// A planned job is claimed with <c>FOR UPDATE SKIP LOCKED</c> and recorded Submitting, held by the claiming worker, in the
/// same committed statement, before its create is sent. A Submitting job whose worker's lease expired becomes
/// OutcomeUnknown and is never sent again; a Created or Completed one is taken over by its task id. Every statement is
/// committed before the call returns, with the server's own durability (<c>synchronous_commit</c>).
/// </para>
/// </remarks>
public sealed class PostgresVideoJobLedger : IVideoJobLedger, IAsyncDisposable
{
    /// <summary>The schema version this version of the SDK writes (and the newest it reads).</summary>
    public const int SchemaVersion = PostgresSchema.CurrentVersion;

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly PostgresVideoJobLedgerOptions _options;
    private readonly string _where;
    private PostgresWorker? _worker;
    private int _disposed;

    private PostgresVideoJobLedger(NpgsqlDataSource dataSource, bool ownsDataSource, PostgresVideoJobLedgerOptions options, string where)
    {
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _options = options;
        _where = where;
    }

    /// <summary>The schema that holds this ledger's tables.</summary>
    public string Schema => _options.Schema;

    /// <summary>
    /// Opens the ledger in the database a connection string names, creating or upgrading its schema. The ledger owns the
    /// connections it opens, and closes them when disposed.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string, for example <c>Host=db;Database=videos;Username=batch;Password=...</c>.</param>
    /// <param name="options">The schema and the lease; the defaults when null.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <exception cref="VideoJobLedgerException">
    /// The connection string is not valid, the server cannot be reached or refuses the login, or the schema is of a newer
    /// version. The message names the host, port, database and user, never the password.
    /// </exception>
#pragma warning disable RS0026, RS0027 // See the other OpenAsync.
    public static async Task<PostgresVideoJobLedger> OpenAsync(string connectionString, PostgresVideoJobLedgerOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("The PostgreSQL ledger needs a connection string.", nameof(connectionString));
        }

        NpgsqlDataSource dataSource;
        try
        {
            dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString));
        }
        catch (ArgumentException exception)
        {
            // The message names the keyword at fault, never a value: the string may hold a password.
            throw new VideoJobLedgerException("The PostgreSQL batch ledger's connection string is not valid: " + exception.Message, innerException: exception);
        }

        try
        {
            return await OpenAsync(dataSource, ownsDataSource: true, options ?? new PostgresVideoJobLedgerOptions(), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
#pragma warning restore RS0026, RS0027

    /// <summary>
    /// Opens the ledger in the database of a data source the caller owns (and keeps owning: disposing the ledger leaves it
    /// open), creating or upgrading its schema.
    /// </summary>
    /// <param name="dataSource">Where the connections come from.</param>
    /// <param name="options">The schema and the lease; the defaults when null.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <exception cref="VideoJobLedgerException">
    /// The server cannot be reached or refuses the login, or the schema is of a newer version. The message names the host,
    /// port, database and user, never the password.
    /// </exception>
#pragma warning disable RS0026, RS0027 // Two factories whose first parameters (a string, a data source) never convert into each other: no call can be ambiguous, which is what these rules guard against.
    public static Task<PostgresVideoJobLedger> OpenAsync(NpgsqlDataSource dataSource, PostgresVideoJobLedgerOptions? options = null, CancellationToken cancellationToken = default) =>
        OpenAsync(dataSource ?? throw new ArgumentNullException(nameof(dataSource)), ownsDataSource: false, options ?? new PostgresVideoJobLedgerOptions(), cancellationToken);
#pragma warning restore RS0026, RS0027

    /// <inheritdoc />
    /// <remarks>
    /// Registers this instance as one worker beside the others (never an exclusive lock) and renews its lease in the
    /// background until the handle is disposed, which lets go of the jobs it still holds.
    /// </remarks>
    public async Task<IAsyncDisposable> ClaimAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        if (Volatile.Read(ref _worker) is not null)
        {
            throw AlreadyClaimed();
        }

        var worker = await PostgresWorker.RegisterAsync(this, _options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (Interlocked.CompareExchange(ref _worker, worker, null) is not null)
        {
            await worker.DisposeAsync().ConfigureAwait(false);
            throw AlreadyClaimed();
        }

        return new Release(this, worker);
    }

    /// <inheritdoc />
    public Task<int> PlanAsync(IEnumerable<VideoJob> jobs, CancellationToken cancellationToken = default) =>
        PlanChunks.AddAsync(jobs, chunk => InConnectionAsync(connection => PostgresPlan.AddWithRetryAsync(connection, Schema, _where, chunk, cancellationToken), cancellationToken));

    /// <inheritdoc />
    /// <remarks>A worker is gone when its lease has expired (or it has no row); this instance's own worker never is.</remarks>
    public Task<int> MarkInterruptedSubmissionsAsync(CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            """
            UPDATE {schema}.jobs AS j SET state = 'OutcomeUnknown', updated_at = now(), error = @error, worker_id = NULL
            WHERE j.state = 'Submitting' AND (@me::text IS NULL OR j.worker_id IS DISTINCT FROM @me)
              AND NOT EXISTS (SELECT 1 FROM {schema}.workers AS w WHERE w.worker_id = j.worker_id AND w.expires_at > now());
            """,
            command =>
            {
                command.Parameters.AddWithValue("error", InterruptedSubmission.Message);
                command.Parameters.Add(new NpgsqlParameter<string?>("me", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = _worker?.Id });
            },
            cancellationToken);

    /// <inheritdoc />
    public async Task<VideoJobRecord?> ClaimNextPlannedAsync(CancellationToken cancellationToken = default)
    {
        var me = RequireWorker();

        // One statement, so one transaction: the row is locked (skipped by every other claimer), recorded Submitting and
        // this worker's, and committed before the caller sends anything. A worker whose own lease has lapsed claims nothing:
        // the others may already count it as dead.
        var claimed = await QueryJobsAsync(
            """
            WITH next AS (
                SELECT seq FROM {schema}.jobs
                WHERE state = 'Planned'
                  AND EXISTS (SELECT 1 FROM {schema}.workers WHERE worker_id = @me AND expires_at > now())
                ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED)
            UPDATE {schema}.jobs AS j SET state = 'Submitting', worker_id = @me, error = NULL, updated_at = now()
            FROM next WHERE j.seq = next.seq
            RETURNING
            """ + " " + PostgresJobRows.Columns + ";",
            command => command.Parameters.AddWithValue("me", me),
            cancellationToken).ConfigureAwait(false);
        return claimed.Count == 0 ? null : claimed[0];
    }

    /// <inheritdoc />
    public async Task<VideoJobRecord?> LeaseNextAsync(VideoJobState state, CancellationToken cancellationToken = default)
    {
        if (state is not (VideoJobState.Created or VideoJobState.Completed))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "Only Created and Completed jobs are leased; Planned jobs are claimed with ClaimNextPlannedAsync.");
        }

        var me = RequireWorker();
        var leased = await QueryJobsAsync(
            """
            WITH next AS (
                SELECT seq FROM {schema}.jobs AS free
                WHERE free.state = @state AND free.worker_id IS DISTINCT FROM @me
                  AND NOT EXISTS (SELECT 1 FROM {schema}.workers AS w WHERE w.worker_id = free.worker_id AND w.expires_at > now())
                  AND EXISTS (SELECT 1 FROM {schema}.workers WHERE worker_id = @me AND expires_at > now())
                ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED)
            UPDATE {schema}.jobs AS j SET worker_id = @me
            FROM next WHERE j.seq = next.seq
            RETURNING
            """ + " " + PostgresJobRows.Columns + ";",
            command =>
            {
                command.Parameters.AddWithValue("me", me);
                command.Parameters.AddWithValue("state", state.ToString());
            },
            cancellationToken).ConfigureAwait(false);
        return leased.Count == 0 ? null : leased[0];
    }

    /// <inheritdoc />
    public Task<int> CountHeldByOtherWorkersAsync(CancellationToken cancellationToken = default) =>
        ScalarAsync<int>(
            """
            SELECT COUNT(*)::integer FROM {schema}.jobs AS j JOIN {schema}.workers AS w ON w.worker_id = j.worker_id
            WHERE j.state IN ('Submitting', 'Created', 'Completed') AND w.expires_at > now() AND j.worker_id IS DISTINCT FROM @me;
            """,
            command => command.Parameters.Add(new NpgsqlParameter<string?>("me", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = _worker?.Id }),
            cancellationToken);

    /// <inheritdoc />
    public Task<string> BindServiceAsync(string service, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(service))
        {
            throw new ArgumentException("Name the service the batch runs against.", nameof(service));
        }

        return BindServiceNowAsync(service, cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> ReplanAsync(VideoJobState state, string reason, CancellationToken cancellationToken = default)
    {
        if (state is not (VideoJobState.Refused or VideoJobState.OutcomeUnknown))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "Only Refused and OutcomeUnknown jobs can be planned again.");
        }

        return ExecuteAsync(
            """
            UPDATE {schema}.jobs SET state = 'Planned', updated_at = now(), worker_id = NULL, output_urls_json = NULL, files_json = NULL, task_id = NULL, poll_url = NULL,
                error = @reason || COALESCE(' The earlier attempt named task ' || task_id || '.', '')
            WHERE state = @state;
            """,
            command =>
            {
                command.Parameters.AddWithValue("reason", reason ?? string.Empty);
                command.Parameters.AddWithValue("state", state.ToString());
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<VideoJobRecord> RecordAsync(VideoJobChange change, CancellationToken cancellationToken = default)
    {
        if (change is null)
        {
            throw new ArgumentNullException(nameof(change));
        }

        return InConnectionAsync(connection => PostgresChange.RecordAsync(connection, Schema, _where, Volatile.Read(ref _worker)?.Id, change, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<VideoJobRecord>> ReadPageAsync(VideoJobState? state, long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        if (limit <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "A page holds at least one job.");
        }

        return QueryJobsAsync(
            "SELECT " + PostgresJobRows.Columns + " FROM {schema}.jobs AS j WHERE " + (state is null ? string.Empty : "j.state = @state AND ")
            + "j.seq > @after ORDER BY j.seq LIMIT @limit;",
            command =>
            {
                if (state is { } only)
                {
                    command.Parameters.AddWithValue("state", only.ToString());
                }

                command.Parameters.AddWithValue("after", afterSequence);
                command.Parameters.AddWithValue("limit", limit);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<VideoJobRecord?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        var found = await QueryJobsAsync(
            "SELECT " + PostgresJobRows.Columns + " FROM {schema}.jobs AS j WHERE j.job_key = @key;",
            command => command.Parameters.AddWithValue("key", key ?? throw new ArgumentNullException(nameof(key))),
            cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<VideoJobState, int>> CountAsync(CancellationToken cancellationToken = default) =>
        InConnectionAsync<IReadOnlyDictionary<VideoJobState, int>>(
            async connection =>
            {
                var counts = new Dictionary<VideoJobState, int>();
                foreach (var state in Enum.GetValues<VideoJobState>())
                {
                    counts[state] = 0;
                }

                await using var command = new NpgsqlCommand(PostgresSchema.Qualify("SELECT state, COUNT(*)::integer FROM {schema}.jobs GROUP BY state;", Schema), connection);
                await using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    counts[LedgerRows.ParseState(rows.GetString(0))] = rows.GetInt32(1);
                }

                return counts;
            },
            cancellationToken);

    /// <summary>Lets go of this instance's worker (when still claimed) and closes the connections it opened; a data source passed in stays open.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        if (Interlocked.Exchange(ref _worker, null) is { } worker)
        {
            await worker.DisposeAsync().ConfigureAwait(false);
        }

        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override string ToString() => "PostgreSQL ledger " + _where;

    internal Task<int> ExecuteAsync(string sql, Action<NpgsqlCommand>? bind, CancellationToken cancellationToken) =>
        InConnectionAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(PostgresSchema.Qualify(sql, Schema), connection);
                bind?.Invoke(command);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    private static async Task<PostgresVideoJobLedger> OpenAsync(NpgsqlDataSource dataSource, bool ownsDataSource, PostgresVideoJobLedgerOptions options, CancellationToken cancellationToken)
    {
        var where = PostgresLocation.Describe(dataSource.ConnectionString, options.Schema);
        NpgsqlConnection connection;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or SocketException or TimeoutException)
        {
            throw new VideoJobLedgerException("The PostgreSQL batch ledger " + where + " cannot be opened: " + exception.Message, innerException: exception);
        }

        await using (connection.ConfigureAwait(false))
        {
            try
            {
                await PostgresSchema.MigrateAsync(connection, options.Schema, where, cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException exception)
            {
                throw new VideoJobLedgerException("The PostgreSQL batch ledger " + where + " could not be created or upgraded: " + exception.Message, innerException: exception);
            }
        }

        return new PostgresVideoJobLedger(dataSource, ownsDataSource, options, where);
    }

    private async Task<T> InConnectionAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or SocketException or TimeoutException)
        {
            throw new VideoJobLedgerException("The PostgreSQL batch ledger " + _where + " could not be read or written: " + exception.Message, innerException: exception);
        }
    }

    private Task<IReadOnlyList<VideoJobRecord>> QueryJobsAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken) =>
        InConnectionAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(PostgresSchema.Qualify(sql, Schema), connection);
                bind(command);
                await using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                return await PostgresJobRows.ReadAllAsync(rows, _where, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    private Task<T> ScalarAsync<T>(string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken) =>
        InConnectionAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(PostgresSchema.Qualify(sql, Schema), connection);
                bind(command);
                var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return value is DBNull ? default! : (T)value!;
            },
            cancellationToken);

    private async Task<string> BindServiceNowAsync(string service, CancellationToken cancellationToken)
    {
        // The insert and the read share one snapshot: a worker that lost the race to insert reads the winner's row once
        // that has committed, by looking again.
        while (true)
        {
            var bound = await ScalarAsync<string?>(
                """
                WITH inserted AS (INSERT INTO {schema}.ledger_facts (name, value) VALUES ('service', @service) ON CONFLICT (name) DO NOTHING RETURNING value)
                SELECT value FROM inserted UNION ALL SELECT value FROM {schema}.ledger_facts WHERE name = 'service' LIMIT 1;
                """,
                command => command.Parameters.AddWithValue("service", service),
                cancellationToken).ConfigureAwait(false);
            if (bound is not null)
            {
                return bound;
            }
        }
    }

    private static InvalidOperationException AlreadyClaimed() =>
        new("This ledger instance is already claimed by a run: open one instance per worker (per runner).");

    private string RequireWorker()
    {
        ThrowIfDisposed();
        return Volatile.Read(ref _worker)?.Id
            ?? throw new InvalidOperationException("Claim the ledger (ClaimAsync) before taking jobs: the claim is the worker that holds them.");
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    // The claim's handle: disposing it ends this instance's worker, once.
    private sealed class Release : IAsyncDisposable
    {
        private readonly PostgresVideoJobLedger _ledger;
        private readonly PostgresWorker _worker;

        public Release(PostgresVideoJobLedger ledger, PostgresWorker worker)
        {
            _ledger = ledger;
            _worker = worker;
        }

        public async ValueTask DisposeAsync()
        {
            Interlocked.CompareExchange(ref _ledger._worker, null, _worker);
            await _worker.DisposeAsync().ConfigureAwait(false);
        }
    }
}
