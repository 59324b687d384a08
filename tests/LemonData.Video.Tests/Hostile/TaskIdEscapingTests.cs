using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;

namespace LemonData.Video.Tests.Hostile;

/// <summary>Task ids are opaque: whatever they contain, they fill exactly one path segment.</summary>
public sealed class TaskIdEscapingTests : IDisposable
{
    private readonly RawHttpServer _server = new(_ => RawHttpServer.Answer(200, "application/json", Encoding.UTF8.GetBytes("{\"status\":\"processing\"}")));
    private readonly CountingHandler _handler = new();

    public void Dispose()
    {
        _server.Dispose();
        _handler.Dispose();
    }

    public static IEnumerable<object[]> HostileIds() => new[]
    {
        "a/b",
        "../../v1/models",
        "../models",
        "..%2F..%2Fv1%2Fmodels",
        "%2F",
        "%2E%2E",
        "a?b=c",
        "?x=1",
        "100%",
        "%",
        "a#frag",
        "#",
        "with space",
        " leading",
        "tâche-视频-🎬",
        "a\\b",
        "./x",
        "x/..",
        "...",
        "a;b",
        "a&b=c",
        "line\nbreak",
        "@host",
        "//evil.example/x",
        "http://evil.example/",
    }.Select(id => new object[] { id });

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task A_hostile_id_fills_exactly_one_segment_of_a_get(string taskId)
    {
        var client = Client();

        var task = await client.GetVideoTaskAsync(taskId).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(taskId, task.Id);
        AssertOneRequestFor("GET", "/v1/tasks/", taskId);
    }

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task A_hostile_id_fills_exactly_one_segment_of_a_cancel(string taskId)
    {
        var client = Client();

        await client.CancelVideoTaskAsync(taskId).WaitAsync(TimeSpan.FromSeconds(5));

        AssertOneRequestFor("DELETE", "/v1/tasks/", taskId);
    }

    [Fact]
    public async Task A_hostile_id_named_by_a_create_is_polled_in_one_segment()
    {
        const string taskId = "../../v1/models?x=#y";
        var created = "{\"id\":\"" + taskId + "\",\"status\":\"pending\"}";
        using var server = new RawHttpServer(head => RawHttpServer.Answer(
            200,
            "application/json",
            Encoding.UTF8.GetBytes(head.StartsWith("POST", StringComparison.Ordinal) ? created : "{\"status\":\"completed\",\"video_url\":\"https://cdn.example/v.mp4\"}")));
        var client = new LemonDataVideoClient(new HttpClient(_handler), Options(server.Endpoint));

        var task = await client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "A paper boat" }).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(taskId, task.Id);
        Assert.Equal(new[] { "/v1/videos/generations", "/v1/tasks/" + Uri.EscapeDataString(taskId) }, server.Targets);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Dot_segments_are_refused_before_anything_is_sent(string taskId)
    {
        var client = Client();

        var get = await Assert.ThrowsAsync<ArgumentException>(() => client.GetVideoTaskAsync(taskId));
        var wait = await Assert.ThrowsAsync<ArgumentException>(() => client.WaitForCompletionAsync(taskId));
        var cancel = await Assert.ThrowsAsync<ArgumentException>(() => client.CancelVideoTaskAsync(taskId));

        Assert.All(new[] { get, wait, cancel }, exception =>
        {
            Assert.Equal("taskId", exception.ParamName);
            Assert.Contains("'" + taskId + "'", exception.Message, StringComparison.Ordinal);
        });
        Assert.Equal(0, _handler.Attempts);
        Assert.Empty(_server.Heads);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task A_create_answer_naming_a_dot_segment_is_never_polled_at_a_changed_path(string taskId)
    {
        using var server = new RawHttpServer(_ => RawHttpServer.Answer(200, "application/json", Encoding.UTF8.GetBytes("{\"id\":\"" + taskId + "\",\"status\":\"pending\"}")));
        var client = new LemonDataVideoClient(new HttpClient(_handler), Options(server.Endpoint));

        var exception = await Record.ExceptionAsync(() => client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "A paper boat" }).WaitAsync(TimeSpan.FromSeconds(5)));

        // Nothing but the create went out: no /v1/ or /v1/tasks/ poll.
        Assert.Equal(new[] { "/v1/videos/generations" }, server.Targets);

        // The paid task's id must reach the caller in a contract exception.
        var api = Assert.IsType<LemonDataApiException>(exception);
        Assert.Equal(taskId, api.TaskId);
        Assert.True(api.TaskMayExist);
    }

    private LemonDataVideoClient Client() => new(new HttpClient(_handler), Options(_server.Endpoint));

    private static LemonDataVideoClientOptions Options(Uri endpoint) => new()
    {
        Endpoint = endpoint,
        ApiKey = FakeLemonDataService.ApiKey,
        MaxRetries = 0,
        PollInterval = TimeSpan.FromMilliseconds(1),
        RetryDelay = TimeSpan.FromMilliseconds(1),
    };

    private void AssertOneRequestFor(string method, string prefix, string taskId)
    {
        var expectedTarget = prefix + Uri.EscapeDataString(taskId);

        // As the client sent it...
        var sent = Assert.Single(_handler.Requests);
        Assert.Equal(method, sent.Method.Method);
        Assert.Equal(expectedTarget, sent.Uri.AbsolutePath);
        Assert.Equal(string.Empty, sent.Uri.Query);
        Assert.Equal(string.Empty, sent.Uri.Fragment);
        Assert.Equal(_server.Endpoint.Authority, sent.Uri.Authority);

        // ...and as the server read it off the wire: one segment under /v1/tasks/, no query, no fragment.
        var target = Assert.Single(_server.Targets);
        Assert.Equal(expectedTarget, target);
        Assert.Equal(3, target.TrimStart('/').Split('/').Length);
        Assert.DoesNotContain("?", target, StringComparison.Ordinal);
        Assert.DoesNotContain("#", target, StringComparison.Ordinal);
        Assert.StartsWith(method + " ", _server.Heads.Single(), StringComparison.Ordinal);
    }
}
