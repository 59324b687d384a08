using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Batch.Tests.Support;
using LemonData.Video.Testing;

namespace LemonData.Video.Batch.Tests.Ledger.Contract;

/// <summary>
/// What every ledger promises, run against each (<see cref="SqliteLedgerContractTests"/>, <see cref="PostgresLedgerContractTests"/>):
/// the state machine, planning, paging, claims and leases, and a batch run on it.
/// </summary>
public abstract class LedgerContractTests
{
    [SkippableFact]
    public async Task A_job_goes_from_Planned_to_Downloaded_and_a_reopened_ledger_reads_every_recorded_field()
    {
        await using var store = CreateStore();
        var ledger = await store.OpenAsync();
        Assert.Equal(2, await ledger.PlanAsync(TestJobs.Many(store.Path, 2)));
        await ledger.RecordAsync(VideoJobChange.Submitting("job-0001"));
        await ledger.RecordAsync(VideoJobChange.Created("job-0001", "ldtask_1", "/v1/tasks/ldtask_1"));
        await ledger.RecordAsync(VideoJobChange.Completed("job-0001", new[] { "http://cdn/1.mp4", "http://cdn/1b.mp4" }));
        await ledger.RecordAsync(VideoJobChange.Downloaded("job-0001", new[] { new VideoJobFile("/x/1.mp4", 10, "ab"), new VideoJobFile("/x/1-2.mp4", 11, "cd") }));
        await store.CloseAsync(ledger);

        var reopened = await store.OpenAsync();
        var job = await reopened.FindAsync("job-0001");
        Assert.NotNull(job);
        Assert.Equal(VideoJobState.Downloaded, job!.State);
        Assert.Equal("ldtask_1", job.TaskId);
        Assert.Equal("/v1/tasks/ldtask_1", job.PollUrl);
        Assert.Equal(new[] { "http://cdn/1.mp4", "http://cdn/1b.mp4" }, job.OutputUrls);
        Assert.Equal(new[] { "/x/1.mp4:10:ab", "/x/1-2.mp4:11:cd" }, job.Files.Select(file => file.Path + ":" + file.Bytes + ":" + file.Sha256));
        Assert.Equal(TestJobs.Prompt(1), job.Request.Prompt);
        Assert.Equal(VideoModels.Sora2, job.Request.Model);
        Assert.InRange(job.UpdatedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));

        var counts = await reopened.CountAsync();
        Assert.Equal(1, counts[VideoJobState.Downloaded]);
        Assert.Equal(1, counts[VideoJobState.Planned]);
        Assert.Equal(0, counts[VideoJobState.OutcomeUnknown]);
        Assert.Equal(Enum.GetValues<VideoJobState>().Length, counts.Count);
    }

    [SkippableFact]
    public async Task A_change_from_a_state_that_does_not_allow_it_is_refused_naming_the_job_and_its_state()
    {
        await using var store = CreateStore();
        var ledger = await store.OpenAsync();
        await ledger.PlanAsync(TestJobs.Many(store.Path, 1));

        // Created only ever follows Submitting: a task id for a job that was never recorded as being sent is a bug.
        var skipped = await Assert.ThrowsAsync<VideoJobLedgerException>(() => ledger.RecordAsync(VideoJobChange.Created("job-0001", "ldtask_1")));
        Assert.Contains("job-0001", skipped.Message);
        Assert.Contains("Planned", skipped.Message);
        Assert.Equal(VideoJobState.Planned, (await ledger.FindAsync("job-0001"))!.State);

        await ledger.RecordAsync(VideoJobChange.Submitting("job-0001"));
        var twice = await Assert.ThrowsAsync<VideoJobLedgerException>(() => ledger.RecordAsync(VideoJobChange.Submitting("job-0001")));
        Assert.Contains("Submitting", twice.Message);

        var unknown = await Assert.ThrowsAsync<VideoJobLedgerException>(() => ledger.RecordAsync(VideoJobChange.Submitting("job-9999")));
        Assert.Contains("job-9999", unknown.Message);
        Assert.Contains("not in the batch ledger", unknown.Message);
    }

    [SkippableFact]
    public async Task A_job_found_Submitting_becomes_OutcomeUnknown_and_is_planned_again_only_when_asked_keeping_its_task_id_in_the_reason()
    {
        await using var store = CreateStore();
        var ledger = await store.OpenAsync();
        await ledger.PlanAsync(TestJobs.Many(store.Path, 3));
        await ledger.RecordAsync(VideoJobChange.Submitting("job-0001"));
        await ledger.RecordAsync(VideoJobChange.Submitting("job-0002"));
        await ledger.RecordAsync(VideoJobChange.OutcomeUnknown("job-0002", "ldtask_lost", "503"));

        Assert.Equal(1, await ledger.MarkInterruptedSubmissionsAsync());
        var interrupted = (await ledger.FindAsync("job-0001"))!;
        Assert.Equal(VideoJobState.OutcomeUnknown, interrupted.State);
        Assert.Contains("may have made", interrupted.Error);

        Assert.Equal(2, await ledger.ReplanAsync(VideoJobState.OutcomeUnknown, "Sent again."));
        var replanned = (await ledger.FindAsync("job-0002"))!;
        Assert.Equal(VideoJobState.Planned, replanned.State);
        Assert.Null(replanned.TaskId);
        Assert.Contains("ldtask_lost", replanned.Error);
    }

    [SkippableFact]
    public async Task Planning_again_keeps_states_updates_an_unsent_job_and_refuses_a_sent_job_whose_request_changed()
    {
        await using var store = CreateStore();
        var ledger = await store.OpenAsync();
        await ledger.PlanAsync(TestJobs.Many(store.Path, 2));
        await ledger.RecordAsync(VideoJobChange.Submitting("job-0002"));
        await ledger.RecordAsync(VideoJobChange.Created("job-0002", "ldtask_2"));

        // The same jobs again: nothing added, nothing moved.
        Assert.Equal(0, await ledger.PlanAsync(TestJobs.Many(store.Path, 2)));
        Assert.Equal(VideoJobState.Created, (await ledger.FindAsync("job-0002"))!.State);

        // An unsent job may change: nothing was paid for under its key.
        var changed = new VideoJob("job-0001", new VideoGenerationRequest { Model = VideoModels.Sora2, Prompt = "Another prompt" }, Path.Combine(store.Path, "one.mp4"));
        await ledger.PlanAsync(new[] { changed });
        Assert.Equal("Another prompt", (await ledger.FindAsync("job-0001"))!.Request.Prompt);

        // A sent one may not: its key is what it was paid for with.
        var sentChanged = new VideoJob("job-0002", new VideoGenerationRequest { Model = VideoModels.Sora2, Prompt = "Changed after sending" }, TestJobs.One(store.Path, 2).OutputPath);
        var refused = await Assert.ThrowsAsync<VideoJobLedgerException>(() => ledger.PlanAsync(new[] { sentChanged }));
        Assert.Contains("job-0002", refused.Message);
        Assert.Contains("new key", refused.Message);
        Assert.Equal(TestJobs.Prompt(2), (await ledger.FindAsync("job-0002"))!.Request.Prompt);
    }

    [SkippableFact]
    public async Task Pages_are_read_in_planned_order_by_state_never_more_than_asked()
    {
        await using var store = CreateStore();
        var ledger = await store.OpenAsync();
        await ledger.PlanAsync(TestJobs.Many(store.Path, 10));
        await ledger.RecordAsync(VideoJobChange.Submitting("job-0003"));

        var first = await ledger.ReadPageAsync(VideoJobState.Planned, 0, 4);
        Assert.Equal(new[] { "job-0001", "job-0002", "job-0004", "job-0005" }, first.Select(job => job.Key));
        var second = await ledger.ReadPageAsync(VideoJobState.Planned, first[^1].Sequence, 4);
        Assert.Equal(new[] { "job-0006", "job-0007", "job-0008", "job-0009" }, second.Select(job => job.Key));
        Assert.Equal(10, (await LedgerContents.AllAsync(ledger)).Count);
    }

    [SkippableFact]
    public async Task Planning_reads_the_jobs_as_they_come_and_commits_them_in_chunks_never_holding_them_all()
    {
        await using var store = CreateStore();
        var ledger = await store.OpenAsync();

        // A source that fails after 1,200 jobs: the chunks before the failure are already in the ledger, so the ledger
        // took them as they came rather than after reading the whole input.
        IEnumerable<VideoJob> Source()
        {
            for (var number = 1; number <= 1200; number++)
            {
                yield return TestJobs.One(store.Path, number);
            }

            throw new IOException("the input broke off");
        }

        await Assert.ThrowsAsync<IOException>(() => ledger.PlanAsync(Source()));
        Assert.Equal(1000, (await ledger.CountAsync())[VideoJobState.Planned]);

        // Planning the same input again adds only what is missing.
        Assert.Equal(200, await ledger.PlanAsync(TestJobs.Many(store.Path, 1200)));
    }

    [SkippableFact]
    public async Task Planned_jobs_are_claimed_once_each_in_order_and_recorded_Submitting_before_they_are_handed_out()
    {
        await using var store = CreateStore();
        var ledger = await store.OpenAsync();
        await ledger.PlanAsync(TestJobs.Many(store.Path, 3));

        // Without a claim there is no worker to hold the job.
        await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.ClaimNextPlannedAsync());

        await using (await ledger.ClaimAsync())
        {
            var claimed = new List<string>();
            while (await ledger.ClaimNextPlannedAsync() is { } job)
            {
                Assert.Equal(VideoJobState.Submitting, job.State);
                Assert.Equal(VideoJobState.Submitting, (await ledger.FindAsync(job.Key))!.State);
                claimed.Add(job.Key);
            }

            Assert.Equal(new[] { "job-0001", "job-0002", "job-0003" }, claimed);

            // The worker's own creates in flight are never judged interrupted.
            Assert.Equal(0, await ledger.MarkInterruptedSubmissionsAsync());
            Assert.Equal(3, (await ledger.CountAsync())[VideoJobState.Submitting]);
        }
    }

    [SkippableFact]
    public async Task A_task_is_leased_once_by_its_worker_and_is_free_again_when_the_worker_ends()
    {
        await using var store = CreateStore();
        var ledger = await store.OpenAsync();
        await ledger.PlanAsync(TestJobs.Many(store.Path, 3));
        foreach (var number in new[] { 1, 2 })
        {
            await ledger.RecordAsync(VideoJobChange.Submitting(TestJobs.Key(number)));
            await ledger.RecordAsync(VideoJobChange.Created(TestJobs.Key(number), "ldtask_" + number));
        }

        await ledger.RecordAsync(VideoJobChange.Completed("job-0002", new[] { "http://cdn/2.mp4" }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ledger.LeaseNextAsync(VideoJobState.Planned));

        await using (await ledger.ClaimAsync())
        {
            Assert.Equal("ldtask_2", (await ledger.LeaseNextAsync(VideoJobState.Completed))!.TaskId);
            Assert.Equal("ldtask_1", (await ledger.LeaseNextAsync(VideoJobState.Created))!.TaskId);

            // Held by this worker: never handed out again, not even after a change that keeps it in hand.
            Assert.Null(await ledger.LeaseNextAsync(VideoJobState.Created));
            await ledger.RecordAsync(VideoJobChange.Completed("job-0001", new[] { "http://cdn/1.mp4" }));
            Assert.Null(await ledger.LeaseNextAsync(VideoJobState.Completed));
            Assert.Equal(0, await ledger.CountHeldByOtherWorkersAsync());
        }

        // The worker ended without finishing them: the next worker takes them up.
        await using (await ledger.ClaimAsync())
        {
            Assert.Equal(new[] { "job-0001", "job-0002" }, new[] { (await ledger.LeaseNextAsync(VideoJobState.Completed))!.Key, (await ledger.LeaseNextAsync(VideoJobState.Completed))!.Key }.Order());
        }
    }

    [SkippableFact]
    public async Task The_first_service_is_recorded_and_kept_across_reopening()
    {
        await using var store = CreateStore();
        var ledger = await store.OpenAsync();
        await ledger.PlanAsync(TestJobs.Many(store.Path, 2));
        Assert.Equal("simulator", await ledger.BindServiceAsync("simulator"));
        Assert.Equal("simulator", await ledger.BindServiceAsync("service"));
        await store.CloseAsync(ledger);

        var reopened = await store.OpenAsync();
        Assert.Equal("simulator", await reopened.BindServiceAsync("service"));
        Assert.Equal(2, (await reopened.CountAsync())[VideoJobState.Planned]);
    }

    [SkippableFact]
    public async Task A_batch_runs_to_the_end_on_the_ledger_and_a_second_run_sends_nothing_more()
    {
        await using var store = CreateStore();
        await using var simulator = LemonDataSimulator.Start();
        var client = BatchClients.For(simulator);
        var jobs = TestJobs.Many(store.Path, 12);

        var ledger = await store.OpenAsync();
        var summary = await new VideoBatchRunner(client, ledger, new VideoBatchOptions { MaxConcurrentTasks = 3 }).RunAsync(jobs);
        Assert.True(summary.IsComplete, summary.ToString());
        Assert.Equal(12, summary.CreatesSent);

        var again = await new VideoBatchRunner(client, ledger).RunAsync(jobs);
        Assert.True(again.IsComplete, again.ToString());
        Assert.Equal(0, again.CreatesSent);
        Assert.Equal(12, simulator.CreatesReceived);
        Assert.All(await LedgerContents.AllAsync(ledger), job => Assert.Equal(LemonDataSimulator.SampleVideo.ToArray(), File.ReadAllBytes(Assert.Single(job.Files).Path)));
    }

    private protected abstract LedgerStore CreateStore();
}

/// <summary>The ledger contract on an SQLite file.</summary>
public sealed class SqliteLedgerContractTests : LedgerContractTests
{
    private protected override LedgerStore CreateStore() => new SqliteLedgerStore();
}

/// <summary>The ledger contract on a PostgreSQL schema (skipped, saying why, without LEMONDATA_TEST_POSTGRES).</summary>
public sealed class PostgresLedgerContractTests : LedgerContractTests
{
    private protected override LedgerStore CreateStore() => new PostgresLedgerStore();
}
