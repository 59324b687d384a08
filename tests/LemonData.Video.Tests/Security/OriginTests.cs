using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace LemonData.Video.Tests.Security;

/// <summary>The key goes to the endpoint's origin only: not to another poll host, a result host, or a redirect target.</summary>
public sealed class OriginTests : IDisposable
{
    private const string Bearer = "Bearer " + FakeLemonDataService.ApiKey;

    private readonly FakeLemonDataService _api = new();
    private readonly FakeLemonDataService _other = new();

    public OriginTests()
    {
        // Whatever reaches the other origin gets a completed task, so following it would "work".
        _other.Server.Given(Request.Create().WithPath("/*").UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("{\"id\":\"video_o\",\"status\":\"completed\",\"video_url\":\"https://cdn.example/stolen.mp4\"}"));
    }

    public void Dispose()
    {
        _api.Dispose();
        _other.Dispose();
    }

    private static VideoGenerationRequest Request_ => new() { Prompt = "A paper boat on a river" };

    [Theory]
    [InlineData("http://127.0.0.1:{other}/v1/tasks/video_o")]
    [InlineData("//127.0.0.1:{other}/v1/tasks/video_o")]
    [InlineData("http://localhost:{other}/v1/tasks/video_o")]
    [InlineData("https://127.0.0.1:{other}/v1/tasks/video_o")]
    [InlineData("http://127.0.0.1:{api}@127.0.0.1:{other}/v1/tasks/video_o")]
    public async Task A_poll_url_on_another_origin_is_not_followed_and_the_canonical_path_is_polled(string pollUrlTemplate)
    {
        var pollUrl = pollUrlTemplate
            .Replace("{other}", _other.Server.Ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{api}", _api.Server.Ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        _api.GivenCreate("{\"id\":\"video_o\",\"status\":\"pending\",\"poll_url\":\"" + pollUrl + "\"}");
        _api.GivenSequence("/v1/tasks/video_o", "{\"id\":\"video_o\",\"status\":\"completed\",\"video_url\":\"https://cdn.example/v.mp4\"}");
        var client = _api.CreateClient();

        var created = await client.CreateVideoAsync(Request_);
        var read = await client.GetVideoTaskAsync("video_o");
        var waited = await client.WaitForCompletionAsync(created);
        var generated = await client.GenerateVideoAsync(Request_);

        Assert.All(new[] { read, waited, generated }, task => Assert.Equal("https://cdn.example/v.mp4", task.VideoUrl));
        Assert.Empty(_other.AllRequests);
        var polls = _api.RequestsTo("GET", "/v1/tasks/video_o");
        Assert.Equal(3, polls.Count);
        Assert.All(polls, poll => Assert.Equal(Bearer, FakeLemonDataService.HeaderOf(poll, "Authorization")));
    }

    [Fact]
    public async Task An_absolute_poll_url_on_the_same_origin_is_followed_with_the_key()
    {
        var pollUrl = _api.Url("/custom/poll/video_s");
        _api.GivenCreate("{\"id\":\"video_s\",\"status\":\"pending\",\"poll_url\":\"" + pollUrl + "\"}");
        _api.GivenSequence("/custom/poll/video_s", "{\"id\":\"video_s\",\"status\":\"completed\",\"video_url\":\"https://cdn.example/v.mp4\"}");
        var client = _api.CreateClient();

        var task = await client.GenerateVideoAsync(Request_);

        Assert.Equal("https://cdn.example/v.mp4", task.VideoUrl);
        var poll = Assert.Single(_api.RequestsTo("GET", "/custom/poll/video_s"));
        Assert.Equal(Bearer, FakeLemonDataService.HeaderOf(poll, "Authorization"));
        Assert.Empty(_api.RequestsTo("GET", "/v1/tasks/video_s"));
    }

    [Fact]
    public async Task A_result_url_on_another_origin_gets_no_Authorization()
    {
        var client = _api.CreateClient();
        var task = new VideoTask("video_r", VideoTaskStatus.Completed) { VideoUrl = _other.Url("/videos/r.mp4") };

        await client.DownloadVideoAsync(task, new MemoryStream());

        var download = Assert.Single(_other.AllRequests);
        Assert.Null(FakeLemonDataService.HeaderOf(download, "Authorization"));
        Assert.DoesNotContain(FakeLemonDataService.ApiKey, AllHeaderText(download), StringComparison.Ordinal);
        Assert.Empty(_api.AllRequests);
    }

    [Fact]
    public async Task A_result_url_gets_no_Authorization_even_from_a_callers_client_that_carries_one()
    {
        using var httpClient = new HttpClient();
        httpClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", FakeLemonDataService.ApiKey);
        var client = new LemonDataVideoClient(httpClient, new LemonDataVideoClientOptions { Endpoint = _api.Endpoint });
        var task = new VideoTask("video_r", VideoTaskStatus.Completed) { VideoUrl = _other.Url("/videos/r.mp4") };

        await client.DownloadVideoAsync(task, new MemoryStream());

        var download = Assert.Single(_other.AllRequests);
        Assert.Null(FakeLemonDataService.HeaderOf(download, "Authorization"));
    }

    [Fact]
    public async Task A_result_url_on_the_api_origin_gets_no_Authorization_either()
    {
        _api.Given("GET", "/files/r.mp4", 200, "mp4-bytes");
        var client = _api.CreateClient();

        await client.DownloadVideoAsync(new VideoTask("video_r", VideoTaskStatus.Completed) { VideoUrl = "/files/r.mp4" }, new MemoryStream());

        var download = Assert.Single(_api.RequestsTo("GET", "/files/r.mp4"));
        Assert.Null(FakeLemonDataService.HeaderOf(download, "Authorization"));
    }

    public static IEnumerable<object[]> RedirectStatuses() => new[] { 301, 302, 303, 307, 308 }.Select(status => new object[] { status });

    [Theory]
    [MemberData(nameof(RedirectStatuses))]
    public async Task A_redirect_of_a_read_to_another_origin_carries_no_Authorization(int status)
    {
        _api.Given("GET", "/v1/tasks/video_x", status, string.Empty, new Dictionary<string, string> { ["Location"] = _other.Url("/v1/tasks/video_x") });
        var client = _api.CreateClient();

        await Record.ExceptionAsync(() => client.GetVideoTaskAsync("video_x"));

        Assert.Equal(Bearer, FakeLemonDataService.HeaderOf(Assert.Single(_api.RequestsTo("GET", "/v1/tasks/video_x")), "Authorization"));
        Assert.All(_other.AllRequests, entry => Assert.Null(FakeLemonDataService.HeaderOf(entry, "Authorization")));
        Assert.All(_other.AllRequests, entry => Assert.DoesNotContain(FakeLemonDataService.ApiKey, AllHeaderText(entry), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task A_redirect_of_a_create_to_another_origin_carries_no_Authorization(int status)
    {
        _api.GivenCreate(string.Empty, status, new Dictionary<string, string> { ["Location"] = _other.Url("/v1/videos/generations") });
        var client = _api.CreateClient();

        await Record.ExceptionAsync(() => client.CreateVideoAsync(Request_));

        Assert.Single(_api.RequestsTo("POST", "/v1/videos/generations"));
        Assert.All(_other.AllRequests, entry => Assert.Null(FakeLemonDataService.HeaderOf(entry, "Authorization")));
    }

    [Fact]
    public async Task A_redirect_through_a_callers_client_with_default_Authorization_carries_none_to_another_origin()
    {
        _api.Given("GET", "/v1/tasks/video_x", 302, string.Empty, new Dictionary<string, string> { ["Location"] = _other.Url("/v1/tasks/video_x") });
        using var httpClient = new HttpClient(new CountingHandler());
        httpClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", FakeLemonDataService.ApiKey);
        var client = new LemonDataVideoClient(httpClient, new LemonDataVideoClientOptions { Endpoint = _api.Endpoint, MaxRetries = 0 });

        await Record.ExceptionAsync(() => client.GetVideoTaskAsync("video_x"));

        Assert.NotEmpty(_other.AllRequests);
        Assert.All(_other.AllRequests, entry => Assert.Null(FakeLemonDataService.HeaderOf(entry, "Authorization")));
    }

    /// <summary>
    /// The SDK's own client sees every redirect and follows one within the endpoint's origin itself, with the key
    /// (<see cref="RedirectTests"/>). A caller's client whose handler follows redirects is another matter: .NET's handler
    /// drops Authorization on every automatic redirect, same origin included, so the redirected read reaches the same
    /// origin unauthenticated, and the SDK reads that answer as the service's (it is the endpoint's origin). This
    /// documents that behaviour.
    /// </summary>
    [Fact]
    public async Task A_redirect_to_the_same_origin_through_a_callers_client_is_followed_by_its_handler_without_the_key()
    {
        _api.Given("GET", "/v1/tasks/video_x", 302, string.Empty, new Dictionary<string, string> { ["Location"] = "/moved/video_x" });
        _api.Given("GET", "/moved/video_x", 200, "{\"id\":\"video_x\",\"status\":\"processing\"}");
        using var httpClient = new HttpClient(new CountingHandler());
        var client = _api.CreateClientOn(httpClient);

        var task = await client.GetVideoTaskAsync("video_x");

        Assert.Equal(VideoTaskStatus.Processing, task.Status);
        var moved = Assert.Single(_api.RequestsTo("GET", "/moved/video_x"));
        Assert.Null(FakeLemonDataService.HeaderOf(moved, "Authorization"));
        Assert.Empty(_other.AllRequests);
    }

    private static string AllHeaderText(WireMock.Logging.ILogEntry entry) =>
        string.Join("\n", (entry.RequestMessage.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>()).SelectMany(header => header.Value.Select(value => header.Key + ": " + value)));
}
