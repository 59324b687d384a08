using System.Threading.Tasks;
using LemonData.Video.Batch.Tests.Support;
using LemonData.Video.Testing;

namespace LemonData.Video.Batch.Tests.Runner;

/// <summary>MaxConcurrentTasks, as the service sees it: from a task's create to the last request about it.</summary>
public class ConcurrencyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public async Task The_service_never_sees_more_tasks_in_flight_than_MaxConcurrentTasks_and_sees_that_many(int maxConcurrentTasks)
    {
        using var folder = new TempFolder();

        // Several polls per stage: each task stays in flight long enough for the others to overlap it.
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { PollsPerStage = 3 });
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        var runner = new VideoBatchRunner(BatchClients.For(simulator), ledger, new VideoBatchOptions { MaxConcurrentTasks = maxConcurrentTasks });

        var summary = await runner.RunAsync(TestJobs.Many(folder.Path, 24));

        Assert.True(summary.IsComplete, summary.ToString());
        Assert.Equal(maxConcurrentTasks, SimulatorObservations.MaxTasksInFlight(simulator));
    }

    [Fact]
    public async Task Waiting_on_many_tasks_costs_each_the_polls_of_waiting_on_it_alone()
    {
        using var folder = new TempFolder();
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { PollsPerStage = 2 });
        var client = BatchClients.For(simulator);

        // Alone: one task through the client's own wait.
        var alone = await client.GenerateVideoAsync(new VideoGenerationRequest { Model = VideoModels.Sora2, Prompt = "Alone" });
        var pollsAlone = simulator.CountRequests("GET", "/v1/tasks/" + alone.Id);

        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        await new VideoBatchRunner(client, ledger, new VideoBatchOptions { MaxConcurrentTasks = 8 }).RunAsync(TestJobs.Many(folder.Path, 16));

        foreach (var create in simulator.CreatedTasks)
        {
            if (create.CreatedTaskId != alone.Id)
            {
                Assert.Equal(pollsAlone, simulator.CountRequests("GET", "/v1/tasks/" + create.CreatedTaskId));
            }
        }
    }
}
