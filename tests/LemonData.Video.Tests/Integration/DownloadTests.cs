using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace LemonData.Video.Tests.Integration;

public sealed class DownloadTests : IDisposable
{
    private readonly FakeLemonDataService _service = new();
    private readonly string _file = Path.Combine(Path.GetTempPath(), "lemondata-download-" + Guid.NewGuid().ToString("N") + ".mp4");

    public void Dispose()
    {
        _service.Dispose();
        if (File.Exists(_file))
        {
            File.Delete(_file);
        }
    }

    private static VideoTask Completed(string id, string? videoUrl) => new(id, VideoTaskStatus.Completed) { VideoUrl = videoUrl };

    [Fact]
    public async Task A_5_MB_video_streams_into_a_file_byte_for_byte()
    {
        var video = new byte[5 * 1024 * 1024 + 123];
        new Random(20260101).NextBytes(video);
        _service.Server.Given(Request.Create().WithPath("/cdn/big.mp4").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "video/mp4").WithBody(video));
        var client = _service.CreateClient();

        await using (var file = new FileStream(_file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
        {
            await client.DownloadVideoAsync(Completed("ldtask_big", _service.Url("/cdn/big.mp4")), file);
            Assert.True(file.CanWrite, "The destination stream must be left open.");
        }

        var written = await File.ReadAllBytesAsync(_file);
        Assert.Equal(video.Length, written.Length);
        Assert.True(video.AsSpan().SequenceEqual(written), "The downloaded file differs from the served video.");
        var request = Assert.Single(_service.RequestsTo("GET", "/cdn/big.mp4"));
        Assert.Null(FakeLemonDataService.HeaderOf(request, "Authorization"));
    }

    [Fact]
    public async Task Video_host_answering_404_throws_LemonDataApiException_404_naming_the_task()
    {
        _service.Given("GET", "/cdn/missing.mp4", 404, "<Error><Code>NoSuchKey</Code></Error>");
        var client = _service.CreateClient();
        using var destination = new MemoryStream();

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(
            () => client.DownloadVideoAsync(Completed("ldtask_missing", _service.Url("/cdn/missing.mp4")), destination));

        Assert.Equal(404, exception.StatusCode);
        Assert.Equal("ldtask_missing", exception.TaskId);
        Assert.Contains("ldtask_missing", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, destination.Length);
        Assert.Single(_service.RequestsTo("GET", "/cdn/missing.mp4"));
    }

    [Fact]
    public async Task Video_host_answering_503_then_200_is_retried()
    {
        _service.GivenSequence("GET", "/cdn/flaky.mp4", (503, "busy", null), (200, "the video", null));
        var client = _service.CreateClient();
        using var destination = new MemoryStream();

        await client.DownloadVideoAsync(Completed("ldtask_flaky", _service.Url("/cdn/flaky.mp4")), destination);

        Assert.Equal("the video", System.Text.Encoding.UTF8.GetString(destination.ToArray()));
        Assert.Equal(2, _service.RequestsTo("GET", "/cdn/flaky.mp4").Count);
    }

    [Fact]
    public async Task Task_without_a_video_url_throws_InvalidOperationException_naming_the_task()
    {
        var client = _service.CreateClient();
        using var destination = new MemoryStream();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => client.DownloadVideoAsync(new VideoTask("ldtask_unfinished", VideoTaskStatus.Processing), destination));

        Assert.Contains("ldtask_unfinished", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_service.AllRequests);
    }

    [Fact]
    public async Task Relative_video_url_is_resolved_against_the_endpoint()
    {
        _service.GivenCreate("""{"task_id":"video_rel","status":"pending"}""");
        _service.GivenSequence("/v1/tasks/video_rel", """{"task_id":"video_rel","status":"completed","video_url":"/v1/files/video_rel/content"}""");
        _service.Given("GET", "/v1/files/video_rel/content", 200, "relative bytes");
        var client = _service.CreateClient();

        var task = await client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "Relative" });
        using var destination = new MemoryStream();
        await client.DownloadVideoAsync(task, destination);

        Assert.Equal("/v1/files/video_rel/content", task.VideoUrl);
        Assert.Equal("relative bytes", System.Text.Encoding.UTF8.GetString(destination.ToArray()));
        var download = Assert.Single(_service.RequestsTo("GET", "/v1/files/video_rel/content"));
        Assert.Null(FakeLemonDataService.HeaderOf(download, "Authorization"));
    }
}
