using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;

namespace LemonData.Video.Tests.Integration;

public sealed class EndpointTests
{
    private static VideoGenerationRequest Request => new() { Prompt = "A city at night" };

    [Theory]
    [InlineData("/lemondata", false)]
    [InlineData("/lemondata", true)]
    [InlineData("/gw/v0/lemondata", false)]
    public async Task Endpoint_with_a_path_base_keeps_it_for_create_poll_url_and_download(string pathBase, bool trailingSlash)
    {
        using var service = new FakeLemonDataService(pathBase);
        service.GivenCreate("""{"id":"ldtask_pb","poll_url":"/v1/tasks/ldtask_pb","status":"pending"}""");
        service.GivenSequence(
            "/v1/tasks/ldtask_pb",
            """{"id":"ldtask_pb","status":"processing"}""",
            """{"id":"ldtask_pb","status":"completed","video_url":"/files/pb.mp4"}""");
        service.Given("GET", "/files/pb.mp4", 200, "video bytes");
        var endpoint = new Uri(service.Endpoint.AbsoluteUri + (trailingSlash ? "/" : string.Empty));
        Assert.Equal(trailingSlash, endpoint.AbsoluteUri.EndsWith("/", StringComparison.Ordinal));
        var client = service.CreateClient(options => options.Endpoint = endpoint);

        var task = await client.GenerateVideoAsync(Request);
        using var video = new MemoryStream();
        await client.DownloadVideoAsync(task, video);

        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.Equal("video bytes", System.Text.Encoding.UTF8.GetString(video.ToArray()));
        Assert.Single(service.RequestsTo("POST", "/v1/videos/generations"));
        Assert.Equal(2, service.RequestsTo("GET", "/v1/tasks/ldtask_pb").Count);
        Assert.Single(service.RequestsTo("GET", "/files/pb.mp4"));
        Assert.Equal(4, service.AllRequests.Count);
        Assert.All(service.AllRequests, entry => Assert.DoesNotContain("//", entry.RequestMessage.Url.Substring("http://".Length), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Endpoint_with_a_path_base_keeps_it_for_the_canonical_and_the_legacy_task_paths()
    {
        using var service = new FakeLemonDataService("/lemondata");
        service.Given("GET", "/v1/tasks/video_pb_legacy", 404, FakeLemonDataService.ErrorBody("Not found", "invalid_request_error", "not_found"));
        service.GivenSequence("/v1/videos/generations/video_pb_legacy", """{"task_id":"video_pb_legacy","status":"completed","video_url":"https://cdn.example/l.mp4"}""");
        var client = service.CreateClient();

        var task = await client.WaitForCompletionAsync("video_pb_legacy");

        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.Single(service.RequestsTo("GET", "/v1/tasks/video_pb_legacy"));
        Assert.Single(service.RequestsTo("GET", "/v1/videos/generations/video_pb_legacy"));
        Assert.Equal(2, service.AllRequests.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Poll_url_on_another_host_is_ignored_and_never_receives_the_key(bool protocolRelative)
    {
        using var service = new FakeLemonDataService();
        using var other = new FakeLemonDataService();
        other.GivenSequence("/v1/tasks/ldtask_elsewhere", """{"id":"ldtask_elsewhere","status":"completed","video_url":"https://evil.example/x.mp4"}""");
        var foreignPollUrl = protocolRelative
            ? "//" + new Uri(other.Url("/")).Authority + "/v1/tasks/ldtask_elsewhere"
            : other.Url("/v1/tasks/ldtask_elsewhere");
        service.GivenCreate("{\"id\":\"ldtask_elsewhere\",\"poll_url\":\"" + foreignPollUrl + "\",\"status\":\"pending\"}");
        service.GivenSequence(
            "/v1/tasks/ldtask_elsewhere",
            """{"id":"ldtask_elsewhere","status":"processing"}""",
            """{"id":"ldtask_elsewhere","status":"completed","video_url":"https://cdn.example/good.mp4"}""");
        var client = service.CreateClient();

        var task = await client.GenerateVideoAsync(Request);

        Assert.Equal("https://cdn.example/good.mp4", task.VideoUrl);
        Assert.Empty(other.AllRequests);
        Assert.Equal(2, service.RequestsTo("GET", "/v1/tasks/ldtask_elsewhere").Count);
    }

    [Fact]
    public async Task Absolute_poll_url_on_the_endpoint_own_origin_is_polled()
    {
        using var service = new FakeLemonDataService();
        service.GivenCreate("{\"id\":\"ldtask_abs\",\"poll_url\":\"" + service.Url("/v1/poll/abs") + "\",\"status\":\"pending\"}");
        service.GivenSequence("/v1/poll/abs", """{"id":"ldtask_abs","status":"completed","video_url":"https://cdn.example/abs.mp4"}""");
        var client = service.CreateClient();

        var task = await client.GenerateVideoAsync(Request);

        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.Single(service.RequestsTo("GET", "/v1/poll/abs"));
        Assert.Empty(service.RequestsTo("GET", "/v1/tasks/ldtask_abs"));
    }

    [Fact]
    public async Task Download_from_a_video_url_on_the_api_host_itself_carries_no_Authorization_header()
    {
        using var service = new FakeLemonDataService();
        service.GivenCreate("""{"id":"ldtask_dl","poll_url":"/v1/tasks/ldtask_dl","status":"pending"}""");
        service.GivenSequence("/v1/tasks/ldtask_dl", "{\"id\":\"ldtask_dl\",\"status\":\"completed\",\"video_url\":\"" + service.Url("/v1/files/dl.mp4") + "\"}");
        service.Given("GET", "/v1/files/dl.mp4", 200, "mp4");
        var client = service.CreateClient();

        var task = await client.GenerateVideoAsync(Request);
        using var video = new MemoryStream();
        await client.DownloadVideoAsync(task, video);

        Assert.Equal(3, video.Length);
        var download = Assert.Single(service.RequestsTo("GET", "/v1/files/dl.mp4"));
        Assert.Null(FakeLemonDataService.HeaderOf(download, "Authorization"));
        Assert.DoesNotContain(FakeLemonDataService.ApiKey, string.Join("\n", download.RequestMessage.Headers!.SelectMany(header => header.Value)), StringComparison.Ordinal);

        // The API calls themselves are authenticated.
        Assert.Equal("Bearer " + FakeLemonDataService.ApiKey, FakeLemonDataService.HeaderOf(service.RequestsTo("GET", "/v1/tasks/ldtask_dl")[0], "Authorization"));
    }

    [Theory]
    [InlineData("a/b", "/v1/tasks/a%2Fb")]
    [InlineData("a?b=c", "/v1/tasks/a%3Fb%3Dc")]
    [InlineData("50%", "/v1/tasks/50%25")]
    [InlineData("a#b", "/v1/tasks/a%23b")]
    [InlineData("a b", "/v1/tasks/a%20b")]
    [InlineData("%2F", "/v1/tasks/%252F")]
    [InlineData("../../v1/models", "/v1/tasks/..%2F..%2Fv1%2Fmodels")]
    public async Task Task_ids_are_escaped_into_a_single_path_segment(string taskId, string expectedPath)
    {
        using var service = new FakeLemonDataService();
        service.GivenDynamicWildcard("GET", "/v1/*", _ => """{"status":"processing","progress":1}""");
        var handler = new CountingHandler();
        using var httpClient = new HttpClient(handler);
        var client = service.CreateClientOn(httpClient, options => options.MaxRetries = 0);

        var task = await client.GetVideoTaskAsync(taskId);

        Assert.Equal(taskId, task.Id);
        var sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal(expectedPath, sent.Uri.PathAndQuery);
        var received = Assert.Single(service.AllRequests);
        Assert.Equal("GET", received.RequestMessage.Method);

        // The server decodes everything but %2F before logging; what it saw must still be one segment under /v1/tasks/.
        var url = received.RequestMessage.Url;
        var path = url.Substring(url.IndexOf('/', "http://".Length));
        Assert.StartsWith("/v1/tasks/", path, StringComparison.Ordinal);
        Assert.DoesNotContain("/", path.Substring("/v1/tasks/".Length), StringComparison.Ordinal);
        Assert.DoesNotContain("?", url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b", "/v1/tasks/a%2Fb")]
    [InlineData("a?b", "/v1/tasks/a%3Fb")]
    [InlineData("50%", "/v1/tasks/50%25")]
    public async Task Task_ids_are_escaped_as_the_service_logs_them(string taskId, string expectedPath)
    {
        using var service = new FakeLemonDataService();
        service.GivenDynamicWildcard("GET", "/v1/*", _ => """{"status":"processing"}""");
        service.GivenDynamicWildcard("DELETE", "/v1/*", _ => """{"status":"failed","cancelled":true}""");
        var client = service.CreateClient(options => options.MaxRetries = 0);

        await client.GetVideoTaskAsync(taskId);
        var cancelled = await client.CancelVideoTaskAsync(taskId);

        Assert.Equal(taskId, cancelled.Id);
        Assert.True(cancelled.IsCancelled);
        Assert.Equal(2, service.AllRequests.Count);
        Assert.All(service.AllRequests, entry =>
        {
            var url = entry.RequestMessage.Url;
            Assert.Equal(expectedPath, url.Substring(url.IndexOf('/', "http://".Length)));
        });
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    public async Task Dot_segment_task_ids_are_refused_before_anything_is_sent(string taskId)
    {
        using var service = new FakeLemonDataService();
        service.GivenDynamicWildcard("GET", "/*", _ => """{"id":"whatever","status":"completed","video_url":"https://cdn.example/x.mp4"}""");
        service.GivenDynamicWildcard("DELETE", "/*", _ => """{"id":"whatever","status":"failed","cancelled":true}""");
        var client = service.CreateClient(options => options.MaxRetries = 0);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.GetVideoTaskAsync(taskId));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.WaitForCompletionAsync(taskId));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.CancelVideoTaskAsync(taskId));

        Assert.Empty(service.AllRequests);
    }
}
