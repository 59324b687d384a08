using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using LemonData.Video.DependencyInjection.Tests.Support;
using LemonData.Video.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace LemonData.Video.DependencyInjection.Tests.Resilience;

/// <summary>
/// Microsoft.Extensions.Http.Resilience's standard handler retries every method on 5xx, 408, 429, transport
/// errors and its own attempt timeout. Added to the client's builder, it must still never send a create
/// twice unless the first send provably created nothing.
/// </summary>
public sealed class StandardResilienceHandlerTests
{
    private static readonly VideoGenerationRequest Request = new() { Prompt = "a paper boat on a river", Model = VideoModels.Sora2 };

    [Fact]
    public async Task Without_the_guard_the_standard_handler_sends_a_create_twice_after_a_5xx()
    {
        // The hazard the guard exists for: the same handler on a plain factory client pays for two videos.
        await using var simulator = Containers.FastSimulator();
        var services = new ServiceCollection();
        services.AddHttpClient("plain").AddStandardResilienceHandler(FastRetries);
        await using var provider = services.BuildServiceProvider();
        var client = new LemonDataVideoClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient("plain"),
            new LemonDataVideoClientOptions { Endpoint = simulator.Endpoint, ApiKey = simulator.ApiKey });
        simulator.Script.ServerErrorNext(1, 503, SimulatorTarget.Create);

        await client.CreateVideoAsync(Request);

        Assert.Equal(2, simulator.CreatesReceived);
    }

    [Fact]
    public async Task A_create_answered_5xx_is_not_sent_again_and_the_caller_learns_a_task_may_exist()
    {
        await using var simulator = Containers.FastSimulator();
        var client = ClientWithStandardHandler(simulator, FastRetries, out var provider);
        await using var _ = provider;
        simulator.Script.ServerErrorNext(1, 503, SimulatorTarget.Create);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.Equal(1, simulator.CreatesReceived);
        Assert.True(error.TaskMayExist);
        Assert.Contains("LemonData.Video stopped it: the first send was answered 503", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_create_that_timed_out_in_the_handler_is_not_sent_again()
    {
        await using var simulator = Containers.FastSimulator();
        var client = ClientWithStandardHandler(simulator, options =>
        {
            FastRetries(options);
            options.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(300);
        }, out var provider);
        await using var _ = provider;
        simulator.Script.DelayNext(1, TimeSpan.FromSeconds(2), SimulatorTarget.Create);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.True(error.TaskMayExist);
        Assert.Equal(1, simulator.CreatesReceived);
        Assert.Single(simulator.CreatedTasks);
    }

    [Fact]
    public async Task A_create_refused_with_429_may_be_sent_again_because_nothing_was_created()
    {
        await using var simulator = Containers.FastSimulator();
        var client = ClientWithStandardHandler(simulator, FastRetries, out var provider, sdkRetries: 0);
        await using var _ = provider;
        simulator.Script.RateLimitNext(1, TimeSpan.Zero, SimulatorTarget.Create);

        var task = await client.CreateVideoAsync(Request);

        Assert.Equal(2, simulator.CreatesReceived);
        Assert.Equal(task.Id, Assert.Single(simulator.CreatedTasks).CreatedTaskId);
    }

    [Fact]
    public async Task Reads_are_retried_by_the_handler()
    {
        await using var simulator = Containers.FastSimulator();
        var client = ClientWithStandardHandler(simulator, FastRetries, out var provider, sdkRetries: 0);
        await using var _ = provider;
        var created = await client.CreateVideoAsync(Request);
        simulator.Script.ServerErrorNext(2, 503, SimulatorTarget.Poll);

        var task = await client.GetVideoTaskAsync(created.Id);

        Assert.Equal(created.Id, task.Id);
        Assert.Equal(3, simulator.Requests.Count(r => r.Method == "GET"));
    }

    [Fact]
    public async Task A_generation_completes_through_the_handler()
    {
        await using var simulator = Containers.FastSimulator();
        var client = ClientWithStandardHandler(simulator, FastRetries, out var provider);
        await using var _ = provider;

        var task = await client.GenerateVideoAsync(Request);

        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.Equal(1, simulator.CreatesReceived);
    }

    internal static void FastRetries(HttpStandardResilienceOptions options)
    {
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.UseJitter = false;
    }

    private static LemonDataVideoClient ClientWithStandardHandler(
        LemonDataSimulator simulator, Action<HttpStandardResilienceOptions> configure, out ServiceProvider provider, int sdkRetries = 3)
    {
        var services = Containers.ForSimulator(simulator, sdkRetries);
        services.AddLemonDataVideoClient().AddStandardResilienceHandler(configure);
        provider = services.BuildServiceProvider();
        return provider.GetRequiredService<LemonDataVideoClient>();
    }
}
