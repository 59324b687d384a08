using System;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Batch.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LemonData.Video.Batch.Tests.Ledger;

/// <summary>The SQLite ledger's state machine: each change only from the states that allow it, and all of it on disk.</summary>
public class LedgerTransitionTests
{
    [Fact]
    public async Task A_job_goes_from_Planned_to_Downloaded_and_a_reopened_ledger_reads_every_recorded_field()
    {
        using var folder = new TempFolder();
        await using (var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath))
        {
            Assert.Equal(2, await ledger.PlanAsync(TestJobs.Many(folder.Path, 2)));
            await ledger.RecordAsync(VideoJobChange.Submitting("job-0001"));
            await ledger.RecordAsync(VideoJobChange.Created("job-0001", "ldtask_1", "/v1/tasks/ldtask_1"));
            await ledger.RecordAsync(VideoJobChange.Completed("job-0001", new[] { "http://cdn/1.mp4", "http://cdn/1b.mp4" }));
            await ledger.RecordAsync(VideoJobChange.Downloaded("job-0001", new[] { new VideoJobFile("/x/1.mp4", 10, "ab"), new VideoJobFile("/x/1-2.mp4", 11, "cd") }));
        }

        await using var reopened = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        var job = await reopened.FindAsync("job-0001");
        Assert.NotNull(job);
        Assert.Equal(VideoJobState.Downloaded, job!.State);
        Assert.Equal("ldtask_1", job.TaskId);
        Assert.Equal("/v1/tasks/ldtask_1", job.PollUrl);
        Assert.Equal(new[] { "http://cdn/1.mp4", "http://cdn/1b.mp4" }, job.OutputUrls);
        Assert.Equal(new[] { "/x/1.mp4:10:ab", "/x/1-2.mp4:11:cd" }, job.Files.Select(file => file.Path + ":" + file.Bytes + ":" + file.Sha256));
        Assert.Equal(TestJobs.Prompt(1), job.Request.Prompt);
        Assert.Equal(VideoModels.Sora2, job.Request.Model);

        var counts = await reopened.CountAsync();
        Assert.Equal(1, counts[VideoJobState.Downloaded]);
        Assert.Equal(1, counts[VideoJobState.Planned]);
        Assert.Equal(0, counts[VideoJobState.OutcomeUnknown]);
        Assert.Equal(Enum.GetValues<VideoJobState>().Length, counts.Count);
    }

    [Fact]
    public async Task A_change_from_a_state_that_does_not_allow_it_is_refused_naming_the_job_and_its_state()
    {
        using var folder = new TempFolder();
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        await ledger.PlanAsync(TestJobs.Many(folder.Path, 1));

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

    [Fact]
    public async Task A_job_found_Submitting_becomes_OutcomeUnknown_and_is_planned_again_only_when_asked_keeping_its_task_id_in_the_reason()
    {
        using var folder = new TempFolder();
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        await ledger.PlanAsync(TestJobs.Many(folder.Path, 3));
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

    [Fact]
    public async Task Planning_again_keeps_states_updates_an_unsent_job_and_refuses_a_sent_job_whose_request_changed()
    {
        using var folder = new TempFolder();
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        await ledger.PlanAsync(TestJobs.Many(folder.Path, 2));
        await ledger.RecordAsync(VideoJobChange.Submitting("job-0002"));
        await ledger.RecordAsync(VideoJobChange.Created("job-0002", "ldtask_2"));

        // The same jobs again: nothing added, nothing moved.
        Assert.Equal(0, await ledger.PlanAsync(TestJobs.Many(folder.Path, 2)));
        Assert.Equal(VideoJobState.Created, (await ledger.FindAsync("job-0002"))!.State);

        // An unsent job may change: nothing was paid for under its key.
        var changed = new VideoJob("job-0001", new VideoGenerationRequest { Model = VideoModels.Sora2, Prompt = "Another prompt" }, folder.File("one.mp4"));
        await ledger.PlanAsync(new[] { changed });
        Assert.Equal("Another prompt", (await ledger.FindAsync("job-0001"))!.Request.Prompt);

        // A sent one may not: its key is what it was paid for with.
        var sentChanged = new VideoJob("job-0002", new VideoGenerationRequest { Model = VideoModels.Sora2, Prompt = "Changed after sending" }, TestJobs.One(folder.Path, 2).OutputPath);
        var refused = await Assert.ThrowsAsync<VideoJobLedgerException>(() => ledger.PlanAsync(new[] { sentChanged }));
        Assert.Contains("job-0002", refused.Message);
        Assert.Contains("new key", refused.Message);
        Assert.Equal(TestJobs.Prompt(2), (await ledger.FindAsync("job-0002"))!.Request.Prompt);
    }

    [Fact]
    public async Task The_file_is_in_WAL_mode_and_marked_with_its_application_id_and_schema_version()
    {
        using var folder = new TempFolder();
        await using (await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath))
        {
        }

        using var connection = new SqliteConnection("Data Source=" + folder.LedgerPath + ";Pooling=False");
        connection.Open();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal(SqliteVideoJobLedger.SchemaVersion.ToString(), Scalar(connection, "PRAGMA user_version;"));
        Assert.Equal(0x4C445642.ToString(), Scalar(connection, "PRAGMA application_id;"));
    }

    [Fact]
    public async Task Pages_are_read_in_planned_order_by_state_never_more_than_asked()
    {
        using var folder = new TempFolder();
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        await ledger.PlanAsync(TestJobs.Many(folder.Path, 10));
        await ledger.RecordAsync(VideoJobChange.Submitting("job-0003"));

        var first = await ledger.ReadPageAsync(VideoJobState.Planned, 0, 4);
        Assert.Equal(new[] { "job-0001", "job-0002", "job-0004", "job-0005" }, first.Select(job => job.Key));
        var second = await ledger.ReadPageAsync(VideoJobState.Planned, first[^1].Sequence, 4);
        Assert.Equal(new[] { "job-0006", "job-0007", "job-0008", "job-0009" }, second.Select(job => job.Key));
        Assert.Equal(10, (await LedgerContents.AllAsync(ledger)).Count);
    }

    [Fact]
    public async Task Planning_reads_the_jobs_as_they_come_and_commits_them_in_chunks_never_holding_them_all()
    {
        using var folder = new TempFolder();
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);

        // A source that fails after 1,200 jobs: the chunks before the failure are already in the ledger, so the ledger
        // took them as they came rather than after reading the whole input.
        System.Collections.Generic.IEnumerable<VideoJob> Source()
        {
            for (var number = 1; number <= 1200; number++)
            {
                yield return TestJobs.One(folder.Path, number);
            }

            throw new System.IO.IOException("the input broke off");
        }

        await Assert.ThrowsAsync<System.IO.IOException>(() => ledger.PlanAsync(Source()));
        Assert.Equal(1000, (await ledger.CountAsync())[VideoJobState.Planned]);

        // Planning the same input again adds only what is missing.
        Assert.Equal(200, await ledger.PlanAsync(TestJobs.Many(folder.Path, 1200)));
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
