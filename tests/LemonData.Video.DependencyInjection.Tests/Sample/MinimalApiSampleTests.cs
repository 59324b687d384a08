using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using LemonData.Video.DependencyInjection.Tests.Support;
using LemonData.Video.Sample.MinimalApi;
using LemonData.Video.Tests.Support;
using LemonData.Video.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace LemonData.Video.DependencyInjection.Tests.Sample;

/// <summary>
/// The sample ASP.NET Core minimal API, started on 127.0.0.1 against the simulator: the client comes from the
/// container, and its logs and activities tell the whole story of a video without the key or the prompt.
/// </summary>
public sealed class MinimalApiSampleTests : IAsyncLifetime
{
    private const string Prompt = "a red kite over a grey sea";

    private readonly CapturedLogs _logs = new();
    private readonly CapturedActivities _activities = new();
    private LemonDataSimulator _simulator = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _simulator = Containers.FastSimulator();
        _app = VideoApi.Build(new[] { "--urls", "http://127.0.0.1:0" }, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["LemonData:Endpoint"] = _simulator.Endpoint.ToString(),
                ["LemonData:ApiKey"] = _simulator.ApiKey,
                ["LemonData:PollInterval"] = "00:00:00.050",
                ["Logging:LogLevel:Default"] = "Trace",
                ["Logging:LogLevel:LemonData.Video"] = "Debug",
            });
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(_logs);
        });
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _simulator.DisposeAsync();
        _activities.Dispose();
    }

    [Fact]
    public async Task A_video_is_submitted_polled_and_streamed_through_the_container_client()
    {
        var submitted = await _http.PostAsJsonAsync("/videos", new { prompt = Prompt, model = "sora-2" });
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal("/videos/" + id, submitted.Headers.Location!.OriginalString);

        var content = await _http.GetAsync("/videos/" + id + "/content");
        var status = await _http.GetFromJsonAsync<JsonElement>("/videos/" + id);

        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal("video/mp4", content.Content.Headers.ContentType!.MediaType);
        Assert.Equal(LemonDataSimulator.SampleVideo.ToArray(), await content.Content.ReadAsByteArrayAsync());
        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(1, _simulator.CreatesReceived);
    }

    [Fact]
    public async Task The_logs_show_the_request_the_polls_with_their_next_delay_and_the_download_but_never_the_key_or_the_prompt()
    {
        var id = await GenerateAndDownloadAsync();

        var sdkLogs = _logs.Of("LemonData.Video").ToList();
        Assert.Contains(sdkLogs, log => log.Message.Contains("POST", StringComparison.Ordinal) && log.Message.Contains("v1/videos/generations", StringComparison.Ordinal));
        Assert.Contains(sdkLogs, log => log.Message.Contains("Created task " + id, StringComparison.Ordinal));
        var polls = sdkLogs.Where(log => log.Message.Contains("Task " + id + " is ", StringComparison.Ordinal) && log.Message.Contains("next poll in", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(polls);
        Assert.All(polls, poll => Assert.Contains(poll.State, pair => pair.Key == "NextDelay" && pair.Value is TimeSpan));
        Assert.Contains(sdkLogs, log => log.Message.Contains("Task " + id + " completed", StringComparison.Ordinal));
        Assert.Contains(sdkLogs, log => log.Message.Contains("Downloaded", StringComparison.Ordinal) && log.Message.Contains(id, StringComparison.Ordinal));

        // Every category at Trace, the factory's HttpClient logging (request headers included) too.
        Assert.Contains(_logs.All, log => log.Category.StartsWith("System.Net.Http.HttpClient.LemonData.Video", StringComparison.Ordinal) && log.Level == LogLevel.Trace);
        var everything = _logs.All.SelectMany(log => log.AllText()).ToList();
        Assert.DoesNotContain(everything, text => text.Contains(_simulator.ApiKey, StringComparison.Ordinal));
        Assert.DoesNotContain(everything, text => text.Contains(Prompt, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_activities_show_each_operation_with_the_task_id_but_never_the_key_or_the_prompt()
    {
        var id = await GenerateAndDownloadAsync();

        var activities = _activities.ForTask(id);
        var names = activities.Select(activity => activity.OperationName).ToHashSet();
        Assert.Contains("LemonData.Video.CreateVideo", names);
        Assert.Contains("LemonData.Video.WaitForCompletion", names);
        Assert.Contains("LemonData.Video.GetVideoTask", names);
        Assert.Contains("LemonData.Video.DownloadVideo", names);
        Assert.All(activities, activity => Assert.Equal(ActivityKind.Client, activity.Kind));
        var create = activities.First(activity => activity.OperationName == "LemonData.Video.CreateVideo");
        Assert.Equal("sora-2", create.GetTagItem("lemondata.model"));
        var wait = activities.First(activity => activity.OperationName == "LemonData.Video.WaitForCompletion");
        Assert.Equal("completed", wait.GetTagItem("lemondata.task_status"));

        var tagText = activities.SelectMany(activity => activity.TagObjects).Select(tag => tag.Key + "=" + tag.Value).ToList();
        Assert.DoesNotContain(tagText, text => text.Contains(_simulator.ApiKey, StringComparison.Ordinal));
        Assert.DoesNotContain(tagText, text => text.Contains(Prompt, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invalid_request_is_refused_with_the_rule_and_the_field_and_nothing_is_sent()
    {
        var refused = await _http.PostAsJsonAsync("/videos", new { prompt = Prompt, model = "sora-3" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var modelErrors = problem.GetProperty("errors").GetProperty("Model").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(modelErrors, message => message!.StartsWith("LDV0001: ", StringComparison.Ordinal) && message.Contains("sora-2", StringComparison.Ordinal));
        Assert.Equal(0, _simulator.CreatesReceived);
    }

    private async Task<string> GenerateAndDownloadAsync()
    {
        var submitted = await _http.PostAsJsonAsync("/videos", new { prompt = Prompt, model = "sora-2" });
        submitted.EnsureSuccessStatusCode();
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var content = await _http.GetAsync("/videos/" + id + "/content");
        content.EnsureSuccessStatusCode();
        (await _http.GetAsync("/videos/" + id)).EnsureSuccessStatusCode();
        return id;
    }
}
