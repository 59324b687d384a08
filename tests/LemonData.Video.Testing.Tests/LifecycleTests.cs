using System;
using System.Net.Http;
using System.Threading.Tasks;
using LemonData.Video.Testing.Tests.Support;

namespace LemonData.Video.Testing.Tests;

/// <summary>Starting, addressing and stopping the simulator.</summary>
public class LifecycleTests
{
    [Fact]
    public async Task It_listens_on_loopback_on_a_free_port_with_an_sk_key()
    {
        using var first = LemonDataSimulator.Start();
        using var second = LemonDataSimulator.Start();

        Assert.Equal("127.0.0.1", first.Endpoint.Host);
        Assert.Equal("http", first.Endpoint.Scheme);
        Assert.NotEqual(0, first.Endpoint.Port);
        Assert.NotEqual(first.Endpoint.Port, second.Endpoint.Port);
        Assert.StartsWith("sk-simulator-", first.ApiKey);
        Assert.NotEqual(first.ApiKey, second.ApiKey);
        Assert.Equal(200, (await Raw.SendAsync(first, HttpMethod.Post, "/v1/videos/generations", "{\"prompt\":\"A cat\"}")).Status);
    }

    [Fact]
    public async Task After_Stop_nothing_listens_and_Stop_and_Dispose_may_repeat()
    {
        var simulator = LemonDataSimulator.Start();
        var endpoint = simulator.Endpoint;

        simulator.Stop();
        simulator.Stop();
        simulator.Dispose();
        await simulator.DisposeAsync();

        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(endpoint, "/v1/tasks/x")));
        Assert.Equal(endpoint, simulator.Endpoint);
    }

    [Fact]
    public async Task Stop_does_not_wait_for_an_answer_held_by_a_delay()
    {
        var simulator = LemonDataSimulator.Start();
        simulator.Script.DelayNext(1, TimeSpan.FromSeconds(30));
        using var http = new HttpClient();
        var pending = http.PostAsync(new Uri(simulator.Endpoint, "/v1/videos/generations"), new StringContent("{}"));
        while (simulator.Requests.Count == 0)
        {
            await Task.Delay(5);
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await simulator.DisposeAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "Stop took " + watch.Elapsed);
        await Assert.ThrowsAnyAsync<Exception>(() => pending);
    }

    [Fact]
    public void Options_are_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LemonDataSimulatorOptions { ProcessingTime = TimeSpan.FromSeconds(-1) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new LemonDataSimulatorOptions { PollsPerStage = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => LemonDataSimulator.Start(new LemonDataSimulatorOptions { Generation = (SimulatedApiGeneration)7 }));

        var defaults = new LemonDataSimulatorOptions();
        Assert.Equal(SimulatedApiGeneration.C, defaults.Generation);
        Assert.Equal(TimeSpan.Zero, defaults.ProcessingTime);
        Assert.Equal(1, defaults.PollsPerStage);
    }

    [Fact]
    public void CountRequests_rejects_null()
    {
        using var simulator = LemonDataSimulator.Start();

        Assert.Throws<ArgumentNullException>(() => simulator.CountRequests(null!, "/"));
        Assert.Throws<ArgumentNullException>(() => simulator.CountRequests("GET", null!));
    }
}
