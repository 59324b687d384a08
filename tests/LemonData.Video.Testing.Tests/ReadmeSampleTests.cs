using System;
using System.Threading.Tasks;
using LemonData.Video;

namespace LemonData.Video.Testing.Tests;

/// <summary>The README's "Testing your code" example, run as written.</summary>
public sealed class ReadmeSampleTests
{
    [Fact]
    public async Task The_readme_example_passes()
    {
        await using var simulator = LemonDataSimulator.Start();          // instant timings by default
        var client = new LemonDataVideoClient(simulator.ApiKey, new LemonDataVideoClientOptions { Endpoint = simulator.Endpoint, PollInterval = TimeSpan.FromMilliseconds(10) });

        simulator.Script.ServerErrorNext(2, 503, SimulatorTarget.Poll);   // also RateLimitNext, DelayNext, GarbleNext, FailNextTask
        var video = await client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "A cat" });

        Assert.Equal(VideoTaskStatus.Completed, video.Status);                       // the polls were retried
        Assert.Equal(1, simulator.CountRequests("POST", "/v1/videos/generations")); // the create was sent once
        Assert.True(simulator.CountRequests("GET", "/v1/tasks/" + video.Id) >= 3, "Two 503s then a success: at least three polls.");
    }
}
