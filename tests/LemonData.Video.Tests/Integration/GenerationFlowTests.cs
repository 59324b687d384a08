using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;

namespace LemonData.Video.Tests.Integration;

public sealed class GenerationFlowTests : IDisposable
{
    private readonly FakeLemonDataService _service = new();

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task Generation_A_creates_polls_the_legacy_path_and_downloads()
    {
        _service.GivenCreate("""{"task_id":"video_abc123","status":"pending","model":"sora-2","created_at":1706000000}""");
        _service.Given("GET", "/v1/tasks/video_abc123", 404, FakeLemonDataService.ErrorBody("Not found", "invalid_request_error", "not_found"));
        _service.GivenSequence(
            "/v1/videos/generations/video_abc123",
            """{"task_id":"video_abc123","status":"processing","progress":40}""",
            """{"task_id":"video_abc123","status":"completed","progress":100,"video_url":"URL","model":"sora-2","created_at":1706000000,"completed_at":1706000060}""".Replace("URL", _service.Url("/cdn/abc123.mp4")));
        _service.Given("GET", "/cdn/abc123.mp4", 200, "not really an mp4 but bytes");
        var client = _service.CreateClient();
        var seen = new List<VideoTask>();

        var task = await client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "A cat walking through a garden", Duration = 5 }, new SynchronousProgress<VideoTask>(seen.Add));
        using var video = new MemoryStream();
        await client.DownloadVideoAsync(task, video);

        Assert.Equal("video_abc123", task.Id);
        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1706000060), task.CompletedAt);
        Assert.Equal("not really an mp4 but bytes", System.Text.Encoding.UTF8.GetString(video.ToArray()));
        Assert.Equal(new[] { "pending", "processing", "completed" }, seen.Select(s => s.Status.ToString()));
        Assert.Single(_service.RequestsTo("POST", "/v1/videos/generations"));
        var download = Assert.Single(_service.RequestsTo("GET", "/cdn/abc123.mp4"));
        Assert.False(download.RequestMessage.Headers!.ContainsKey("Authorization"));
    }
}
