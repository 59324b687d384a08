using System;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Batch.Tests.Support;
using LemonData.Video.Testing;

namespace LemonData.Video.Batch.Tests.Runner;

/// <summary>A ledger that fails just when a task id must be written: the id still reaches the caller, and the run stops at once.</summary>
public class LedgerFailureTests
{
    [Fact]
    public async Task A_task_id_the_ledger_cannot_record_is_in_the_exception_and_the_run_stops_without_waiting_for_the_task()
    {
        using var folder = new TempFolder();

        // The task would take a minute: a run that waited for it before stopping would poll it hundreds of times.
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { ProcessingTime = TimeSpan.FromMinutes(1) });
        var client = BatchClients.For(simulator);
        await using var sqlite = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        var ledger = new RefusingLedger(sqlite, VideoJobState.Created);

        var failure = await Assert.ThrowsAsync<VideoJobLedgerException>(
            () => new VideoBatchRunner(client, ledger, new VideoBatchOptions { MaxConcurrentTasks = 1 }).RunAsync(TestJobs.Many(folder.Path, 3)));

        var made = Assert.Single(simulator.CreatedTasks);
        Assert.Contains(made.CreatedTaskId!, failure.Message, StringComparison.Ordinal);
        Assert.Contains("WaitForCompletionAsync(\"" + made.CreatedTaskId + "\")", failure.Message, StringComparison.Ordinal);
        Assert.Contains("disk full", failure.Message, StringComparison.Ordinal);

        // No other job was created, and the task was hardly polled: the wait ended with the failed write.
        Assert.Equal(1, simulator.CreatesReceived);
        Assert.InRange(simulator.Requests.Count(request => request.Method == "GET" && request.Path.Contains(made.CreatedTaskId!, StringComparison.Ordinal)), 0, 5);

        // The job reads Submitting, which the next run turns into OutcomeUnknown: never sent again.
        Assert.Equal(VideoJobState.Submitting, (await sqlite.FindAsync(TestJobs.Key(1)))!.State);
    }
}
