using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LemonData.Video.Testing.Tests.Support;

namespace LemonData.Video.Testing.Tests;

/// <summary>The bodies and headers on the wire, as the service's documentation shows them.</summary>
public class WireShapeTests
{
    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(property => property.Name).ToArray();

    [Fact]
    public async Task Generation_C_create_answer_has_id_task_id_and_poll_url()
    {
        await using var simulator = LemonDataSimulator.Start();

        var created = await Raw.CreateAsync(simulator, "{\"prompt\":\"A cat\",\"model\":\"veo3.1\"}");

        Assert.Equal(new[] { "id", "task_id", "poll_url", "status", "model", "created" }, Keys(created));
        var id = created.GetProperty("id").GetString()!;
        Assert.Matches(new Regex("^ldtask_[0-9a-f]{32}$"), id);
        Assert.Equal(id, created.GetProperty("task_id").GetString());
        Assert.Equal("/v1/tasks/" + id, created.GetProperty("poll_url").GetString());
        Assert.Equal("pending", created.GetProperty("status").GetString());
        Assert.Equal("veo3.1", created.GetProperty("model").GetString());
        Assert.InRange(created.GetProperty("created").GetInt64(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
    }

    [Fact]
    public async Task Generation_A_create_answer_has_task_id_only_and_no_tasks_route()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { Generation = SimulatedApiGeneration.A });

        var created = await Raw.CreateAsync(simulator);

        Assert.Equal(new[] { "task_id", "status", "model", "created_at" }, Keys(created));
        var id = created.GetProperty("task_id").GetString()!;
        Assert.Matches(new Regex("^video_[0-9a-f]{24}$"), id);
        Assert.Equal("sora-2", created.GetProperty("model").GetString());

        var canonical = await Raw.SendAsync(simulator, HttpMethod.Get, "/v1/tasks/" + id);
        Assert.Equal(404, canonical.Status);
        Assert.Equal("not_found", Raw.Parse(canonical.Body).GetProperty("error").GetProperty("code").GetString());

        var legacy = Raw.Parse(await Raw.GetStringAsync(simulator, "/v1/videos/generations/" + id));
        Assert.Equal(new[] { "task_id", "status", "progress", "model", "created_at" }, Keys(legacy));
        Assert.Equal("pending", legacy.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Generation_A_completed_task_has_video_url_and_completed_at()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { Generation = SimulatedApiGeneration.A, PollsPerStage = 0 });
        var id = (await Raw.CreateAsync(simulator)).GetProperty("task_id").GetString()!;

        var completed = Raw.Parse(await Raw.GetStringAsync(simulator, "/v1/videos/generations/" + id));

        Assert.Equal(new[] { "task_id", "status", "progress", "model", "video_url", "created_at", "completed_at" }, Keys(completed));
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal(100, completed.GetProperty("progress").GetInt32());
    }

    [Theory]
    [InlineData(SimulatedApiGeneration.C)]
    [InlineData(SimulatedApiGeneration.A)]
    public async Task With_OutputsPerTask_a_completed_task_lists_every_video_each_at_its_own_url(SimulatedApiGeneration generation)
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { Generation = generation, OutputsPerTask = 3, PollsPerStage = 0 });
        var id = (await Raw.CreateAsync(simulator)).GetProperty("task_id").GetString()!;

        var completed = Raw.Parse(await Raw.GetStringAsync(simulator, "/v1/videos/generations/" + id));

        var urls = completed.GetProperty("videos").EnumerateArray().Select(video => video.GetProperty("url").GetString()!).ToArray();
        var file = "http://127.0.0.1:" + simulator.Endpoint.Port + "/files/" + id + ".mp4";
        Assert.Equal(new[] { file, file + "?output=2", file + "?output=3" }, urls);
        Assert.Equal(file, completed.GetProperty("video_url").GetString());
        Assert.Equal(generation == SimulatedApiGeneration.C, completed.TryGetProperty("video", out _));
        Assert.All(completed.GetProperty("videos").EnumerateArray(), video =>
        {
            Assert.Equal(160, video.GetProperty("width").GetInt32());
            Assert.Equal(90, video.GetProperty("height").GetInt32());
        });
        using var http = new HttpClient();
        foreach (var url in urls)
        {
            Assert.Equal(LemonDataSimulator.SampleVideo.ToArray(), await http.GetByteArrayAsync(url));
        }
    }

    [Fact]
    public async Task By_default_a_completed_task_has_one_video_and_no_videos_list()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { PollsPerStage = 0 });
        var id = (await Raw.CreateAsync(simulator)).GetProperty("id").GetString()!;

        var completed = Raw.Parse(await Raw.GetStringAsync(simulator, "/v1/tasks/" + id));

        Assert.False(completed.TryGetProperty("videos", out _));
        Assert.Equal(1, new LemonDataSimulatorOptions().OutputsPerTask);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LemonDataSimulatorOptions { OutputsPerTask = 0 });
    }

    [Fact]
    public async Task Generation_C_completed_task_has_video_url_and_video_and_both_paths_work()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { PollsPerStage = 0 });
        var id = (await Raw.CreateAsync(simulator)).GetProperty("id").GetString()!;

        var completed = Raw.Parse(await Raw.GetStringAsync(simulator, "/v1/tasks/" + id));
        var legacy = Raw.Parse(await Raw.GetStringAsync(simulator, "/v1/videos/generations/" + id));

        Assert.Equal(new[] { "id", "task_id", "status", "progress", "model", "video_url", "video", "poll_url", "created", "updated" }, Keys(completed));
        var url = completed.GetProperty("video_url").GetString()!;
        Assert.Equal("http://127.0.0.1:" + simulator.Endpoint.Port + "/files/" + id + ".mp4", url);
        var video = completed.GetProperty("video");
        Assert.Equal(url, video.GetProperty("url").GetString());
        Assert.Equal(3, video.GetProperty("duration").GetDouble());
        Assert.Equal(160, video.GetProperty("width").GetInt32());
        Assert.Equal(90, video.GetProperty("height").GetInt32());
        Assert.Equal("completed", legacy.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Rate_limit_answer_has_Retry_After_the_rate_limit_headers_and_retry_after()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.RateLimitNext(1, TimeSpan.FromSeconds(20));
        simulator.Script.RateLimitNext(1, TimeSpan.FromMilliseconds(250));

        var (status, body, response) = await Raw.SendAsync(simulator, HttpMethod.Post, "/v1/videos/generations", "{\"prompt\":\"A cat\"}");

        Assert.Equal(429, status);
        Assert.Equal(TimeSpan.FromSeconds(20), response.Headers.RetryAfter?.Delta);
        Assert.Equal("60", response.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("0", response.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.True(long.Parse(response.Headers.GetValues("X-RateLimit-Reset").Single(), System.Globalization.CultureInfo.InvariantCulture) >= DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 19);
        var error = Raw.Parse(body).GetProperty("error");
        Assert.Equal("rate_limit_exceeded", error.GetProperty("code").GetString());
        Assert.Equal("rate_limit_error", error.GetProperty("type").GetString());
        Assert.True(error.GetProperty("retryable").GetBoolean());
        Assert.Equal(20, error.GetProperty("retry_after").GetDouble());

        var subSecond = await Raw.SendAsync(simulator, HttpMethod.Post, "/v1/videos/generations", "{\"prompt\":\"A cat\"}");
        Assert.Equal("0.25", subSecond.Response.Headers.GetValues("Retry-After").Single());
        Assert.Equal(0.25, Raw.Parse(subSecond.Body).GetProperty("error").GetProperty("retry_after").GetDouble());
        Assert.Empty(simulator.Polls());
    }

    [Theory]
    [InlineData(500, "internal_error")]
    [InlineData(502, "upstream_error")]
    [InlineData(503, "service_unavailable")]
    [InlineData(504, "upstream_timeout")]
    public async Task Server_errors_have_the_documented_shape(int status, string code)
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.ServerErrorNext(1, status);

        var answer = await Raw.SendAsync(simulator, HttpMethod.Post, "/v1/videos/generations", "{\"prompt\":\"A cat\"}");

        Assert.Equal(status, answer.Status);
        var error = Raw.Parse(answer.Body).GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal("server_error", error.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Unknown_paths_and_methods_are_404_and_405()
    {
        await using var simulator = LemonDataSimulator.Start();

        Assert.Equal(404, (await Raw.SendAsync(simulator, HttpMethod.Get, "/v1/embeddings")).Status);
        Assert.Equal(404, (await Raw.SendAsync(simulator, HttpMethod.Get, "/files/unknown.mp4", key: null)).Status);
        var wrongMethod = await Raw.SendAsync(simulator, HttpMethod.Put, "/v1/videos/generations", "{}");
        Assert.Equal(405, wrongMethod.Status);
        Assert.Equal("POST", string.Join(",", wrongMethod.Response.Content.Headers.Allow));
    }

    [Fact]
    public async Task A_video_exists_only_once_its_task_has_completed()
    {
        await using var simulator = LemonDataSimulator.Start();
        var id = (await Raw.CreateAsync(simulator)).GetProperty("id").GetString()!;

        Assert.Equal(404, (await Raw.SendAsync(simulator, HttpMethod.Get, "/files/" + id + ".mp4", key: null)).Status);
        while (Raw.Parse(await Raw.GetStringAsync(simulator, "/v1/tasks/" + id)).GetProperty("status").GetString() != "completed")
        {
        }

        var (status, _, response) = await Raw.SendAsync(simulator, HttpMethod.Get, "/files/" + id + ".mp4", key: null);
        Assert.Equal(200, status);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(LemonDataSimulator.SampleVideo.Length, response.Content.Headers.ContentLength);

        var head = await Raw.SendAsync(simulator, HttpMethod.Head, "/files/" + id + ".mp4", key: null);
        Assert.Equal(200, head.Status);
        Assert.Equal(string.Empty, head.Body);
        Assert.Equal(LemonDataSimulator.SampleVideo.Length, head.Response.Content.Headers.ContentLength);
        Assert.Equal(405, (await Raw.SendAsync(simulator, HttpMethod.Delete, "/files/" + id + ".mp4", key: null)).Status);
    }
}
