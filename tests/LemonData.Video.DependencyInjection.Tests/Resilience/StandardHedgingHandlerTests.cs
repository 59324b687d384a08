using System;
using System.Threading.Tasks;
using LemonData.Video.DependencyInjection.Tests.Support;
using LemonData.Video.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace LemonData.Video.DependencyInjection.Tests.Resilience;

/// <summary>
/// The standard hedging handler sends copies of a slow request while the first is still in flight. For a
/// create, the copy waits at the guard until the first send ends, and is never sent.
/// </summary>
public sealed class StandardHedgingHandlerTests
{
    [Fact]
    public async Task A_slow_create_is_not_hedged_and_its_answer_is_used()
    {
        await using var simulator = Containers.FastSimulator();
        var services = Containers.ForSimulator(simulator);
        services.AddLemonDataVideoClient().AddStandardHedgingHandler().Configure(options =>
        {
            options.Hedging.Delay = TimeSpan.FromMilliseconds(100);
            options.Hedging.MaxHedgedAttempts = 2;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<LemonDataVideoClient>();
        simulator.Script.DelayNext(1, TimeSpan.FromMilliseconds(800), SimulatorTarget.Create);

        var task = await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a slow create" });

        Assert.Equal(1, simulator.CreatesReceived);
        Assert.Equal(task.Id, Assert.Single(simulator.CreatedTasks).CreatedTaskId);
    }

    [Fact]
    public async Task Slow_reads_are_hedged()
    {
        await using var simulator = Containers.FastSimulator();
        var services = Containers.ForSimulator(simulator);
        services.AddLemonDataVideoClient().AddStandardHedgingHandler().Configure(options => options.Hedging.Delay = TimeSpan.FromMilliseconds(100));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<LemonDataVideoClient>();
        var created = await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a fast read" });
        simulator.Script.DelayNext(1, TimeSpan.FromSeconds(2), SimulatorTarget.Poll);

        var task = await client.GetVideoTaskAsync(created.Id);

        Assert.Equal(created.Id, task.Id);
        Assert.True(simulator.CountRequests("GET", "/v1/tasks/" + created.Id) >= 2);
    }
}
