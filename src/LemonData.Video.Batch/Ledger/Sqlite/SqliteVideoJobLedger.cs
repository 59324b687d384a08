using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace LemonData.Video.Batch;

/// <summary>
/// A ledger in one SQLite file (WAL): the default ledger of a batch, for one run at a time. The changes that could pay for
/// a video twice or lose a task id (Submitting, before the create is sent; Created, with the id, as soon as the answer is
/// read; OutcomeUnknown) are committed with <c>synchronous=FULL</c>, so they survive a power cut; every other change with
/// <c>NORMAL</c>, which survives any crash of the process (losing one to a power cut only repeats a poll or a download).
/// </summary>
/// <remarks>
/// Open it with <see cref="OpenAsync"/>. A file that is not a ledger, or a ledger of a newer schema, is refused with a
/// message naming it and never replaced. The ledger is thread-safe: its calls take turns on one connection.
/// </remarks>
public sealed class SqliteVideoJobLedger : IVideoJobLedger, IAsyncDisposable
{
    /// <summary>The schema version this version of the SDK writes (and the newest it reads).</summary>
    public const int SchemaVersion = LedgerSchema.CurrentVersion;

    private const string JobColumns = "seq, job_key, state, request_json, output_path, task_id, output_urls_json, files_json, error, updated_at, poll_url";

    // Planned jobs read ahead by the claims of a run.
    private const int PlannedPage = 64;

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private bool _fullSync;
    private int _disposed;

    private readonly GroupCommit _groupCommit;

    // The claim id of the run that holds this ledger through this instance: the worker its jobs are held by.
    private string? _workerId;

    // The claim's pass over the Planned jobs: the page read ahead (so that a claim costs no read of its own), and where
    // the next page starts.
    private readonly Queue<string> _plannedPage = new();
    private long _plannedAfter;

    private SqliteVideoJobLedger(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
        _groupCommit = new GroupCommit(changes => InTurnAsync(() => RecordGroupNow(changes), CancellationToken.None));
    }

    /// <summary>The ledger's file.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens the ledger in <paramref name="path"/>, creating it (and its folder) when the file does not exist or is empty.
    /// </summary>
    /// <param name="path">The ledger's file, for example <c>videos/.lemondata-batch.db</c>.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <exception cref="VideoJobLedgerException">The file is not a ledger, is a ledger of a newer version, or cannot be read; it is left as it is.</exception>
    public static Task<SqliteVideoJobLedger> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The ledger needs a file path.", nameof(path));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var fullPath = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(fullPath) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        LedgerSchema.RequireSqliteFileOrNone(fullPath);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Closing the ledger closes the file: no pooled handle keeps it (or its WAL) open behind the caller's back.
            Pooling = false,
            // How long a statement waits for another connection's lock (a `batch status` reading meanwhile) before failing.
            DefaultTimeout = 30,
        }.ToString());
        try
        {
            connection.Open();
            LedgerSchema.CreateOrVerify(connection, fullPath);
            using (var pragmas = connection.CreateCommand())
            {
                // WAL: a reader never blocks the runner, and a commit is one append. FULL until a change says otherwise.
                pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
                pragmas.ExecuteNonQuery();
            }
        }
        catch (SqliteException exception)
        {
            connection.Dispose();
            throw exception.SqliteErrorCode is 26 or 11
                ? LedgerSchema.NotALedger(fullPath, "SQLite cannot read it: " + exception.Message, exception)
                : new VideoJobLedgerException("The batch ledger '" + fullPath + "' cannot be opened: " + exception.Message, fullPath, exception);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return Task.FromResult(new SqliteVideoJobLedger(fullPath, connection) { _fullSync = true });
    }

    /// <summary>Who holds the ledger's claim now, or <see langword="null"/> when no run does (or the holder died without releasing it).</summary>
    public Task<VideoJobLedgerHolder?> ReadHolderAsync(CancellationToken cancellationToken = default) =>
        InTurnAsync(() => SqliteRunClaim.ReadHolder(_connection, transaction: null)?.Holder, cancellationToken);

    /// <inheritdoc />
    public Task<string> BindServiceAsync(string service, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(service))
        {
            throw new ArgumentException("Name the service the batch runs against.", nameof(service));
        }

        return InTurnAsync(
            () =>
            {
                // A table of its own, created when first needed: a schema-1 ledger written before it existed reads the same,
                // and the binding is part of the ledger file, so it cannot be lost or copied apart from the jobs.
                using var command = _connection.CreateCommand();
                command.CommandText = """
                    CREATE TABLE IF NOT EXISTS ledger_facts (name TEXT PRIMARY KEY, value TEXT NOT NULL);
                    INSERT OR IGNORE INTO ledger_facts (name, value) VALUES ('service', $service);
                    SELECT value FROM ledger_facts WHERE name = 'service';
                    """;
                command.Parameters.AddWithValue("$service", service);
                return (string)command.ExecuteScalar()!;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IAsyncDisposable> ClaimAsync(CancellationToken cancellationToken = default) =>
        InTurnAsync<IAsyncDisposable>(
            () =>
            {
                var claim = SqliteRunClaim.Take(this, _connection);
                _workerId = claim.ClaimId;
                lock (_plannedPage)
                {
                    _plannedPage.Clear();
                    _plannedAfter = 0;
                }

                return claim;
            },
            cancellationToken);

    // Only our own claim: had it been taken over (this run judged dead), the row is the new holder's. A ledger already
    // closed keeps its row, which the next run on this host takes over once this process has ended.
    internal async Task ReleaseClaimAsync(string claimId)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        // The jobs the run still held (a wait that timed out, a download that failed) are free for the next run.
        await InTurnAsync(
            () =>
            {
                if (_workerId == claimId)
                {
                    _workerId = null;
                }

                return Execute(
                    "UPDATE jobs SET worker_id = NULL WHERE worker_id = $claim; DELETE FROM run_claim WHERE id = 1 AND claim_id = $claim;",
                    command => command.Parameters.AddWithValue("$claim", claimId));
            },
            CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<int> PlanAsync(IEnumerable<VideoJob> jobs, CancellationToken cancellationToken = default) =>
        PlanChunks.AddAsync(jobs, chunk => InTurnAsync(() => PlanChunkNow(chunk), cancellationToken));

    /// <inheritdoc />
    /// <remarks>The claim is exclusive: every Submitting job but this run's own was left by a run that died.</remarks>
    public Task<int> MarkInterruptedSubmissionsAsync(CancellationToken cancellationToken = default) =>
        InTurnAsync(
            () =>
            {
                UseFullSync(true);
                return Execute(
                    "UPDATE jobs SET state = 'OutcomeUnknown', updated_at = $now, error = $error, worker_id = NULL WHERE state = 'Submitting' AND ($me IS NULL OR worker_id IS NOT $me);",
                    command =>
                    {
                        command.Parameters.AddWithValue("$now", Now());
                        command.Parameters.AddWithValue("$error", InterruptedSubmission.Message);
                        command.Parameters.AddWithValue("$me", (object?)_workerId ?? DBNull.Value);
                    });
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Jobs are handed out in planned order, each once per claim: they are read a page at a time, and each one's Submitting
    /// goes through the group commit with the changes arriving at the same time (one transaction, one full sync) before
    /// the caller sends anything. The run's claim is exclusive, so nothing else changes a planned job meanwhile; a job put
    /// back to Planned during the run (a 402) lies behind the page and waits for the next run.
    /// </remarks>
    public async Task<VideoJobRecord?> ClaimNextPlannedAsync(CancellationToken cancellationToken = default)
    {
        var key = await InTurnAsync(PickPlannedJob, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return null;
        }

        return await _groupCommit.RecordAsync(VideoJobChange.Submitting(key)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<VideoJobRecord?> LeaseNextAsync(VideoJobState state, CancellationToken cancellationToken = default)
    {
        RequireLeasable(state);
        return InTurnAsync(
            () =>
            {
                var me = RequireWorker();
                UseFullSync(false);
                var leased = ReadJobs(
                    """
                    UPDATE jobs SET worker_id = $me
                    WHERE seq = (SELECT seq FROM jobs WHERE state = $state AND worker_id IS NOT $me ORDER BY seq LIMIT 1)
                    RETURNING
                    """ + " " + JobColumns + ";",
                    command =>
                    {
                        command.Parameters.AddWithValue("$me", me);
                        command.Parameters.AddWithValue("$state", state.ToString());
                    });
                return leased.Count == 0 ? null : leased[0];
            },
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Always 0: the claim is exclusive, so no other worker is alive on this ledger.</remarks>
    public Task<int> CountHeldByOtherWorkersAsync(CancellationToken cancellationToken = default) =>
        InTurnAsync(() => 0, cancellationToken);

    /// <inheritdoc />
    public Task<int> ReplanAsync(VideoJobState state, string reason, CancellationToken cancellationToken = default)
    {
        if (state is not (VideoJobState.Refused or VideoJobState.OutcomeUnknown))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "Only Refused and OutcomeUnknown jobs can be planned again.");
        }

        return InTurnAsync(
            () =>
            {
                UseFullSync(false);
                return Execute(
                    """
                    UPDATE jobs SET state = 'Planned', updated_at = $now, worker_id = NULL, output_urls_json = NULL, files_json = NULL, task_id = NULL, poll_url = NULL,
                        error = $reason || COALESCE(' The earlier attempt named task ' || task_id || '.', '')
                    WHERE state = $state;
                    """,
                    command =>
                    {
                        command.Parameters.AddWithValue("$now", Now());
                        command.Parameters.AddWithValue("$reason", reason ?? string.Empty);
                        command.Parameters.AddWithValue("$state", state.ToString());
                    });
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

        // Honoured until the change is handed over, never after: a change given up while its group commits could still be
        // on disk (a Submitting whose create was then never sent would read OutcomeUnknown for nothing).
        cancellationToken.ThrowIfCancellationRequested();
        return _groupCommit.RecordAsync(change);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<VideoJobRecord>> ReadPageAsync(VideoJobState? state, long afterSequence, int limit, CancellationToken cancellationToken = default) =>
        InTurnAsync(
            () => ReadJobs(
                "SELECT " + JobColumns + " FROM jobs WHERE " + (state is null ? string.Empty : "state = $state AND ") + "seq > $after ORDER BY seq LIMIT $limit;",
                command =>
                {
                    if (state is { } only)
                    {
                        command.Parameters.AddWithValue("$state", only.ToString());
                    }

                    command.Parameters.AddWithValue("$after", afterSequence);
                    command.Parameters.AddWithValue("$limit", RequirePageSize(limit));
                }),
            cancellationToken);

    /// <inheritdoc />
    public async Task<VideoJobRecord?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        var found = await InTurnAsync(
            () => ReadJobs("SELECT " + JobColumns + " FROM jobs WHERE job_key = $key;", command => command.Parameters.AddWithValue("$key", key)),
            cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<VideoJobState, int>> CountAsync(CancellationToken cancellationToken = default) =>
        InTurnAsync<IReadOnlyDictionary<VideoJobState, int>>(
            () =>
            {
                var counts = new Dictionary<VideoJobState, int>();
                foreach (VideoJobState state in Enum.GetValues<VideoJobState>())
                {
                    counts[state] = 0;
                }

                using var command = _connection.CreateCommand();
                command.CommandText = "SELECT state, COUNT(*) FROM jobs GROUP BY state;";
                using var rows = command.ExecuteReader();
                while (rows.Read())
                {
                    counts[LedgerRows.ParseState(rows.GetString(0))] = rows.GetInt32(1);
                }

                return counts;
            },
            cancellationToken);

    /// <summary>Closes the file. A claim not yet released stays recorded (and is taken over by the next run on this host once this process ends).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _turn.WaitAsync().ConfigureAwait(false);
        try
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <inheritdoc />
    public override string ToString() => "SQLite ledger " + Path;

    internal int Execute(string sql, Action<SqliteCommand>? bind = null)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        bind?.Invoke(command);
        return command.ExecuteNonQuery();
    }

    internal static void RequireLeasable(VideoJobState state)
    {
        if (state is not (VideoJobState.Created or VideoJobState.Completed))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "Only Created and Completed jobs are leased; Planned jobs are claimed with ClaimNextPlannedAsync.");
        }
    }

    // The next Planned job of this claim's pass over the ledger, reading a page when the last one is used up.
    private string? PickPlannedJob()
    {
        RequireWorker();
        lock (_plannedPage)
        {
            if (_plannedPage.Count == 0)
            {
                var page = ReadJobs(
                    "SELECT " + JobColumns + " FROM jobs WHERE state = 'Planned' AND seq > $after ORDER BY seq LIMIT $limit;",
                    command =>
                    {
                        command.Parameters.AddWithValue("$after", _plannedAfter);
                        command.Parameters.AddWithValue("$limit", PlannedPage);
                    });
                foreach (var job in page)
                {
                    _plannedPage.Enqueue(job.Key);
                    _plannedAfter = job.Sequence;
                }
            }

            return _plannedPage.Count == 0 ? null : _plannedPage.Dequeue();
        }
    }

    private string RequireWorker() =>
        _workerId ?? throw new InvalidOperationException("Claim the ledger (ClaimAsync) before taking jobs: the claim is what a job is held by.");

    private static int RequirePageSize(int limit) =>
        limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), limit, "A page holds at least one job.");

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    private async Task<T> InTurnAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return work();
        }
        catch (SqliteException exception)
        {
            throw new VideoJobLedgerException("The batch ledger '" + Path + "' could not be read or written: " + exception.Message, Path, exception);
        }
        finally
        {
            _turn.Release();
        }
    }

    // PRAGMA synchronous applies to the connection's next commits, so it is switched only when a change needs the other level.
    private void UseFullSync(bool full)
    {
        if (_fullSync != full)
        {
            Execute(full ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;");
            _fullSync = full;
        }
    }

    private int PlanChunkNow(List<VideoJob> jobs)
    {
        UseFullSync(false);
        var added = 0;
        var now = Now();
        using var transaction = _connection.BeginTransaction();
        using var insert = _connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO jobs (job_key, state, request_json, output_path, planned_at, updated_at)
            VALUES ($key, 'Planned', $request, $output, $now, $now)
            ON CONFLICT (job_key) DO NOTHING;
            """;
        var key = insert.Parameters.Add("$key", SqliteType.Text);
        var request = insert.Parameters.Add("$request", SqliteType.Text);
        var output = insert.Parameters.Add("$output", SqliteType.Text);
        insert.Parameters.AddWithValue("$now", now);
        foreach (var job in jobs)
        {
            var requestJson = LedgerJson.Request(job.Request);
            key.Value = job.Key;
            request.Value = requestJson;
            output.Value = job.OutputPath;
            if (insert.ExecuteNonQuery() == 1)
            {
                added++;
            }
            else
            {
                ReconcileKnownJob(transaction, job, requestJson, now);
            }
        }

        transaction.Commit();
        return added;
    }

    private void ReconcileKnownJob(SqliteTransaction transaction, VideoJob job, string requestJson, string now)
    {
        using var read = _connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT state, request_json, output_path FROM jobs WHERE job_key = $key;";
        read.Parameters.AddWithValue("$key", job.Key);
        string state, storedRequest, storedOutput;
        using (var row = read.ExecuteReader())
        {
            row.Read();
            (state, storedRequest, storedOutput) = (row.GetString(0), row.GetString(1), row.GetString(2));
        }

        if (storedRequest == requestJson && storedOutput == job.OutputPath)
        {
            return;
        }

        // Never sent (or provably refused): nothing was paid for under this key, so the job may still change.
        if (state is nameof(VideoJobState.Planned) or nameof(VideoJobState.Refused))
        {
            using var update = _connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE jobs SET request_json = $request, output_path = $output, updated_at = $now WHERE job_key = $key;";
            update.Parameters.AddWithValue("$request", requestJson);
            update.Parameters.AddWithValue("$output", job.OutputPath);
            update.Parameters.AddWithValue("$now", now);
            update.Parameters.AddWithValue("$key", job.Key);
            update.ExecuteNonQuery();
            return;
        }

        var what = storedRequest == requestJson ? "output path ('" + storedOutput + "' before, '" + job.OutputPath + "' now)" : "request";
        throw new VideoJobLedgerException(
            "Job '" + job.Key + "' is " + state + " in the batch ledger '" + Path + "', but its " + what + " has changed. "
            + "A job that was sent keeps what it was sent with: give the changed job a new key (nothing was sent this run).",
            Path);
    }

    // One transaction, one sync: at the level the most demanding change of the group needs. Each change in a savepoint of
    // its own, so that one refused leaves the others in.
    private IReadOnlyList<GroupCommit.ChangeOutcome> RecordGroupNow(IReadOnlyList<VideoJobChange> changes)
    {
        var full = false;
        foreach (var change in changes)
        {
            full |= change.MustSurvivePowerLoss;
        }

        UseFullSync(full);
        var outcomes = new GroupCommit.ChangeOutcome[changes.Count];
        using var transaction = _connection.BeginTransaction();
        for (var i = 0; i < changes.Count; i++)
        {
            transaction.Save("change");
            try
            {
                outcomes[i] = new GroupCommit.ChangeOutcome(RecordNow(transaction, changes[i]), null);
                transaction.Release("change");
            }
            catch (VideoJobLedgerException refused)
            {
                transaction.Rollback("change");
                transaction.Release("change");
                outcomes[i] = new GroupCommit.ChangeOutcome(null, refused);
            }
        }

        transaction.Commit();
        return outcomes;
    }

    private VideoJobRecord RecordNow(SqliteTransaction transaction, VideoJobChange change)
    {
        using var command = _connection.CreateCommand();
        var to = change.To;
        var setTask = to is VideoJobState.Created or VideoJobState.OutcomeUnknown or VideoJobState.Planned;
        var setUrls = to is VideoJobState.Completed or VideoJobState.Planned;
        var setFiles = to is VideoJobState.Downloaded or VideoJobState.Completed or VideoJobState.Planned;
        var from = new List<string>();
        for (var i = 0; i < change.AllowedFrom.Count; i++)
        {
            from.Add("$from" + i.ToString(CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$from" + i.ToString(CultureInfo.InvariantCulture), change.AllowedFrom[i].ToString());
        }

        command.CommandText =
            "UPDATE jobs SET state = $to, error = $error, updated_at = $now"
            + (change.LetsGoOfJob ? ", worker_id = NULL" : string.Empty)
            + (to == VideoJobState.Submitting ? ", worker_id = $worker" : string.Empty)
            + (setTask ? ", task_id = $task, poll_url = $poll" : string.Empty)
            + (setUrls ? ", output_urls_json = $urls" : string.Empty)
            + (setFiles ? ", files_json = $files" : string.Empty)
            + " WHERE job_key = $key AND state IN (" + string.Join(", ", from) + ") RETURNING " + JobColumns + ";";
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$to", to.ToString());
        if (to == VideoJobState.Submitting)
        {
            command.Parameters.AddWithValue("$worker", (object?)_workerId ?? DBNull.Value);
        }

        command.Parameters.AddWithValue("$error", (object?)change.Error ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", Now());
        command.Parameters.AddWithValue("$key", change.Key);
        if (setTask)
        {
            command.Parameters.AddWithValue("$task", (object?)change.TaskId ?? DBNull.Value);
            command.Parameters.AddWithValue("$poll", (object?)change.PollUrl ?? DBNull.Value);
        }

        if (setUrls)
        {
            command.Parameters.AddWithValue("$urls", change.OutputUrls is { } urls ? LedgerJson.Urls(urls) : DBNull.Value);
        }

        if (setFiles)
        {
            command.Parameters.AddWithValue("$files", change.Files is { } files ? LedgerJson.Files(files) : DBNull.Value);
        }

        using (var row = command.ExecuteReader())
        {
            if (row.Read())
            {
                return ReadJob(row);
            }
        }

        var current = ReadJobs("SELECT " + JobColumns + " FROM jobs WHERE job_key = $key;", bind =>
        {
            bind.Transaction = transaction;
            bind.Parameters.AddWithValue("$key", change.Key);
        });
        throw new VideoJobLedgerException(
            current.Count == 0
                ? "Job '" + change.Key + "' is not in the batch ledger '" + Path + "'."
                : "Job '" + change.Key + "' is " + current[0].State + " in the batch ledger '" + Path + "': it cannot become " + to
                  + " from there (only from " + string.Join(" or ", change.AllowedFrom) + "). Is another run using the ledger?",
            Path);
    }

    private IReadOnlyList<VideoJobRecord> ReadJobs(string sql, Action<SqliteCommand> bind)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        using var rows = command.ExecuteReader();
        var jobs = new List<VideoJobRecord>();
        while (rows.Read())
        {
            jobs.Add(ReadJob(rows));
        }

        return jobs;
    }

    private VideoJobRecord ReadJob(SqliteDataReader row) =>
        LedgerRows.Read(row, static (reader, column) => DateTimeOffset.Parse(reader.GetString(column), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), "'" + Path + "'", Path);
}
