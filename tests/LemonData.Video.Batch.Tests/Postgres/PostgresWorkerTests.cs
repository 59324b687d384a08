using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Batch.Tests.Support;
using Npgsql;

namespace LemonData.Video.Batch.Tests.Postgres;

/// <summary>Many workers on one PostgreSQL ledger: claims never collide, and a dead worker's jobs are judged or taken over.</summary>
public class PostgresWorkerTests
{
    // A worker that is going to die holds a short lease, so that the test need not wait long for it to expire; a worker
    // that must stay alive holds the default (30 s), which no pause of a busy test machine outlasts.
    private static readonly TimeSpan ShortLease = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DyingLease = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan PastDyingLease = DyingLease + TimeSpan.FromSeconds(1);

    [SkippableFact]
    public async Task Many_workers_claiming_at_once_are_never_handed_the_same_job_and_together_claim_every_one()
    {
        await using var database = PostgresTestDatabase.Create();
        const int Jobs = 400;
        await using (var planner = await database.OpenAsync())
        {
            await planner.PlanAsync(TestJobs.Many("/tmp", Jobs));
        }

        var claimed = new ConcurrentBag<(string Worker, string Key)>();
        async Task WorkAsync(int worker)
        {
            await using var ledger = await database.OpenAsync();
            await using var claim = await ledger.ClaimAsync();

            // Four claimers per worker, all on the same ledger instance, as a runner's slots are.
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                while (await ledger.ClaimNextPlannedAsync() is { } job)
                {
                    Assert.Equal(VideoJobState.Submitting, job.State);
                    claimed.Add(("worker-" + worker, job.Key));
                }
            })));
        }

        await Task.WhenAll(Enumerable.Range(0, 6).Select(worker => Task.Run(() => WorkAsync(worker))));

        var keys = claimed.Select(claim => claim.Key).ToList();
        Assert.Equal(Jobs, keys.Count);
        Assert.Equal(Jobs, keys.Distinct().Count());
        Assert.True(claimed.Select(claim => claim.Worker).Distinct().Count() >= 2, "the claims were spread over several workers");
        Assert.Equal(Jobs, Convert.ToInt32(await database.ScalarAsync("SELECT COUNT(*) FROM {schema}.jobs WHERE state = 'Submitting';")));
    }

    [SkippableFact]
    public async Task Workers_planning_the_same_jobs_at_once_add_each_once()
    {
        await using var database = PostgresTestDatabase.Create();
        var ledgers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => database.OpenAsync()));
        try
        {
            var added = await Task.WhenAll(ledgers.Select(ledger => Task.Run(() => ledger.PlanAsync(TestJobs.Many("/tmp", 1200)))));
            Assert.Equal(1200, added.Sum());
            Assert.Equal(1200, (await ledgers[0].CountAsync())[VideoJobState.Planned]);
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
    public async Task A_plan_caught_in_a_deadlock_with_another_writer_is_rolled_back_and_planned_again_whole()
    {
        await using var database = PostgresTestDatabase.Create();

        // Which side of a deadlock the server rolls back depends on whose deadlock_timeout runs out first: the plan's
        // (3 s, time enough for the writer to start waiting on it, however busy the machine), never the writer's (60 s).
        var planConnection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Options = "-c deadlock_timeout=3s" };
        await using var ledger = await PostgresVideoJobLedger.OpenAsync(planConnection.ConnectionString, database.Options());
        var jobs = TestJobs.Many("/tmp", 400);

        // Another writer holds the last key uncommitted; the plan takes every other key and waits on it.
        await using var other = new NpgsqlConnection(database.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var patient = new NpgsqlCommand("SET LOCAL deadlock_timeout = '60s';", other, transaction))
        {
            await patient.ExecuteNonQueryAsync();
        }

        await InsertAsync(other, transaction, database.Schema, "job-0400");
        var planning = Task.Run(() => ledger.PlanAsync(jobs));
        while (Convert.ToInt32(await database.ScalarAsync(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%unnest(%' AND query LIKE '%" + database.Schema + "%';")) == 0)
        {
            await Task.Delay(20);
        }

        // Then the writer wants the first key, which the plan holds: a deadlock. The plan, waiting longest, is the one the
        // server rolls back, so the writer's insert goes through; the plan, tried again, waits for the writer to finish.
        await InsertAsync(other, transaction, database.Schema, "job-0001");
        Assert.False(planning.IsCompleted);
        await transaction.RollbackAsync();

        Assert.Equal(400, await planning);
        Assert.Equal(400, (await ledger.CountAsync())[VideoJobState.Planned]);
    }

    [SkippableFact]
    public async Task A_dead_workers_Submitting_job_becomes_OutcomeUnknown_once_its_lease_expires_and_never_before()
    {
        await using var database = PostgresTestDatabase.Create();
        var (dying, dyingSource) = await OpenOwnAsync(database);
        await using var claim = await dying.ClaimAsync();
        await dying.PlanAsync(TestJobs.Many("/tmp", 2));
        var sending = await dying.ClaimNextPlannedAsync();

        await using var other = await database.OpenAsync();
        await using var otherClaim = await other.ClaimAsync();

        // The sending worker is alive: its create is its own.
        Assert.Equal(0, await other.MarkInterruptedSubmissionsAsync());
        Assert.Equal(1, await other.CountHeldByOtherWorkersAsync());

        // It dies: its database connection is gone, so it can neither renew its lease nor record anything.
        await dyingSource.DisposeAsync();
        await Task.Delay(PastDyingLease);

        Assert.Equal(0, await other.CountHeldByOtherWorkersAsync());
        Assert.Equal(1, await other.MarkInterruptedSubmissionsAsync());
        var judged = (await other.FindAsync(sending!.Key))!;
        Assert.Equal(VideoJobState.OutcomeUnknown, judged.State);
        Assert.Contains("may have made", judged.Error);

        // And it is never claimed again: only the other planned job is.
        Assert.Equal("job-0002", (await other.ClaimNextPlannedAsync())!.Key);
        Assert.Null(await other.ClaimNextPlannedAsync());
    }

    [SkippableFact]
    public async Task A_task_held_by_a_live_worker_is_not_taken_and_is_taken_over_by_its_task_id_once_that_worker_is_dead()
    {
        await using var database = PostgresTestDatabase.Create();
        var (dying, dyingSource) = await OpenOwnAsync(database);
        await using var claim = await dying.ClaimAsync();
        await dying.PlanAsync(TestJobs.Many("/tmp", 1));
        await dying.ClaimNextPlannedAsync();
        await dying.RecordAsync(VideoJobChange.Created("job-0001", "ldtask_taken_over", "/v1/tasks/ldtask_taken_over"));

        await using var other = await database.OpenAsync();
        await using var otherClaim = await other.ClaimAsync();
        Assert.Null(await other.LeaseNextAsync(VideoJobState.Created));

        await dyingSource.DisposeAsync();
        await Task.Delay(PastDyingLease);

        var taken = await other.LeaseNextAsync(VideoJobState.Created);
        Assert.NotNull(taken);
        Assert.Equal("ldtask_taken_over", taken!.TaskId);
        Assert.Equal("/v1/tasks/ldtask_taken_over", taken.PollUrl);
        Assert.Null(await other.LeaseNextAsync(VideoJobState.Created));
    }

    [SkippableFact]
    public async Task A_live_worker_keeps_its_jobs_past_its_lease_duration_by_renewing_it()
    {
        await using var database = PostgresTestDatabase.Create();
        var lease = TimeSpan.FromSeconds(3);
        await using var worker = await database.OpenAsync(lease);
        await using var claim = await worker.ClaimAsync();
        await worker.PlanAsync(TestJobs.Many("/tmp", 1));
        await worker.ClaimNextPlannedAsync();

        await Task.Delay(lease * 2 + TimeSpan.FromSeconds(1));

        await using var other = await database.OpenAsync();
        Assert.Equal(0, await other.MarkInterruptedSubmissionsAsync());
        Assert.Equal(1, await other.CountHeldByOtherWorkersAsync());
    }

    [SkippableFact]
    public async Task A_worker_whose_lease_lapsed_stays_dead_and_claims_nothing_more_since_others_may_have_taken_its_jobs()
    {
        await using var database = PostgresTestDatabase.Create();
        await using var worker = await database.OpenAsync(ShortLease);
        await using var claim = await worker.ClaimAsync();
        await worker.PlanAsync(TestJobs.Many("/tmp", 2));

        // The lease runs out (a pause longer than the lease, as the others see it).
        await database.ScalarAsync("UPDATE {schema}.workers SET expires_at = now() - interval '1 second';");
        await Task.Delay(ShortLease);

        Assert.Null(await worker.ClaimNextPlannedAsync());
        Assert.Equal(0L, await database.ScalarAsync("SELECT COUNT(*) FROM {schema}.workers WHERE expires_at > now();"));
        Assert.Equal(2, (await worker.CountAsync())[VideoJobState.Planned]);
    }

    [SkippableFact]
    public async Task A_worker_whose_job_was_taken_over_cannot_record_on_it_and_the_worker_that_took_it_over_can()
    {
        await using var database = PostgresTestDatabase.Create();
        await using var slow = await database.OpenAsync(ShortLease);
        await using var slowClaim = await slow.ClaimAsync();
        await slow.PlanAsync(TestJobs.Many("/tmp", 1));
        await slow.ClaimNextPlannedAsync();
        await slow.RecordAsync(VideoJobChange.Created("job-0001", "ldtask_1"));

        // The slow worker's lease lapses (it was paused longer than the lease), and another worker takes the task over.
        await database.ScalarAsync("UPDATE {schema}.workers SET expires_at = now() - interval '1 second';");
        await using var other = await database.OpenAsync();
        await using var otherClaim = await other.ClaimAsync();
        Assert.Equal("ldtask_1", (await other.LeaseNextAsync(VideoJobState.Created))!.TaskId);

        var refused = await Assert.ThrowsAsync<VideoJobLedgerException>(() => slow.RecordAsync(VideoJobChange.Completed("job-0001", new[] { "http://cdn/slow.mp4" })));
        Assert.Contains("held by another worker", refused.Message);
        Assert.Contains("lease lapsed", refused.Message);

        var recorded = await other.RecordAsync(VideoJobChange.Completed("job-0001", new[] { "http://cdn/1.mp4" }));
        Assert.Equal(new[] { "http://cdn/1.mp4" }, recorded.OutputUrls);
    }

    [SkippableFact]
    public async Task An_instance_is_one_worker_claimed_by_one_run_at_a_time_and_a_second_instance_is_another_worker_beside_it()
    {
        await using var database = PostgresTestDatabase.Create();
        await using var ledger = await database.OpenAsync();
        await using var claim = await ledger.ClaimAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.ClaimAsync());

        await using var beside = await database.OpenAsync();
        await using var besideClaim = await beside.ClaimAsync();
        Assert.Equal(2L, await database.ScalarAsync("SELECT COUNT(*) FROM {schema}.workers WHERE expires_at > now();"));

        await claim.DisposeAsync();
        Assert.Equal(1L, await database.ScalarAsync("SELECT COUNT(*) FROM {schema}.workers;"));
    }

    private static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, string key)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO \"" + schema + "\".jobs (job_key, state, request_json, output_path) VALUES (@key, 'Planned', '{}', '/tmp/other.mp4');", connection, transaction);
        insert.Parameters.AddWithValue("key", key);
        await insert.ExecuteNonQueryAsync();
    }

    // A worker whose data source the test owns: disposing it is the worker losing its database for good.
    private static async Task<(PostgresVideoJobLedger Ledger, NpgsqlDataSource Source)> OpenOwnAsync(PostgresTestDatabase database)
    {
        var source = NpgsqlDataSource.Create(database.ConnectionString);
        return (await PostgresVideoJobLedger.OpenAsync(source, database.Options(DyingLease)), source);
    }
}
