using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video;
using LemonData.Video.Testing.Tests.Support;

namespace LemonData.Video.Testing.Tests;

/// <summary>The request record, and many flows at once.</summary>
public class RecordingAndConcurrencyTests
{
    [Fact]
    public async Task A_flow_sends_its_create_exactly_once_and_the_record_shows_what_was_sent()
    {
        await using var simulator = LemonDataSimulator.Start();
        var client = Clients.For(simulator);
        var request = Clients.Request(VideoModels.KlingV21Pro);
        request.ImageUrl = "https://example.com/cat.jpg";
        request.Seed = 42;

        var task = await client.GenerateVideoAsync(request);

        Assert.Equal(1, simulator.CountRequests("POST", "/v1/videos/generations"));
        Assert.Equal(1, simulator.CountRequests("post", "/v1/videos/generations"));
        Assert.Equal(0, simulator.CountRequests("POST", "/v1/videos/generations/"));
        Assert.Equal(3, simulator.CountRequests("GET", "/v1/tasks/" + task.Id));

        var create = simulator.Requests[0];
        var sent = Raw.Parse(create.Body);
        Assert.Equal("kling-v2.1-pro", sent.GetProperty("model").GetString());
        Assert.Equal("https://example.com/cat.jpg", sent.GetProperty("image_url").GetString());
        Assert.Equal(42, sent.GetProperty("seed").GetInt64());
        Assert.False(sent.TryGetProperty("fps", out _));
        Assert.Equal(string.Empty, create.Query);
        Assert.Equal("POST /v1/videos/generations -> 200", create.ToString());

        // In the order received.
        var times = simulator.Requests.Select(received => received.ReceivedAt).ToList();
        Assert.Equal(times.OrderBy(time => time).ToList(), times);
    }

    [Fact]
    public async Task Requests_is_a_snapshot()
    {
        await using var simulator = LemonDataSimulator.Start();
        var before = simulator.Requests;

        await Raw.CreateAsync(simulator);

        Assert.Empty(before);
        Assert.Single(simulator.Requests);
    }

    [Fact]
    public async Task Sixteen_flows_at_once_each_get_their_own_task_and_video()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { PollsPerStage = 2 });
        var client = Clients.For(simulator);
        var models = VideoModelCatalog.All.Where(model => model.Supports(VideoCapabilities.TextToVideo)).Select(model => model.Id).ToArray();

        var flows = Enumerable.Range(0, 16).Select(async index =>
        {
            var task = await client.GenerateVideoAsync(Clients.Request(models[index % models.Length]));
            using var destination = new MemoryStream();
            await client.DownloadVideoAsync(task, destination);
            return (task, bytes: destination.ToArray(), model: models[index % models.Length]);
        }).ToArray();
        var results = await Task.WhenAll(flows);

        Assert.Equal(16, results.Select(result => result.task.Id).Distinct().Count());
        Assert.All(results, result => Assert.Equal(result.model, result.task.Model));
        Assert.All(results, result => Assert.Equal(LemonDataSimulator.SampleVideo.Length, result.bytes.Length));
        Assert.Equal(16, simulator.CountRequests("POST", "/v1/videos/generations"));
        Assert.All(results, result => Assert.Equal(5, simulator.CountRequests("GET", "/v1/tasks/" + result.task.Id)));
    }

    [Fact]
    public async Task Thirty_two_flows_share_a_burst_of_faults_and_all_complete()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.ServerErrorNext(12, 503, SimulatorTarget.Poll);
        simulator.Script.RateLimitNext(6, TimeSpan.FromMilliseconds(20), SimulatorTarget.Create);
        var client = Clients.For(simulator, options => options.MaxRetries = 20);

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => client.GenerateVideoAsync(Clients.Request())));

        Assert.All(results, task => Assert.Equal(VideoTaskStatus.Completed, task.Status));
        Assert.Equal(32, results.Select(task => task.Id).Distinct().Count());
        Assert.Equal(32 + 6, simulator.CountRequests("POST", "/v1/videos/generations"));
        Assert.Equal(12, simulator.Polls().Count(poll => poll.StatusCode == 503));
    }
}
