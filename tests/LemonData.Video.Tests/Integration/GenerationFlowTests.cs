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

    [Fact]
    public async Task Generation_C_polls_exactly_the_poll_url_and_reads_the_result_from_the_video_object()
    {
        const string id = "ldtask_0123456789abcdef0123456789abcdef";
        _service.GivenCreate("""{"id":"ID","task_id":"ID","poll_url":"/v1/tasks/ID","status":"pending","model":"veo3.1","created":1706000000}""".Replace("ID", id));
        _service.GivenSequence(
            "/v1/tasks/" + id,
            """{"id":"ID","status":"processing","progress":30,"model":"veo3.1","created":1706000000,"updated":1706000030}""".Replace("ID", id),
            """{"id":"ID","status":"completed","progress":100,"video":{"url":"https://cdn.example/ID.mp4","duration":8,"width":1280,"height":720},"model":"veo3.1","created":1706000000,"updated":1706000090}""".Replace("ID", id));
        var client = _service.CreateClient();

        var task = await client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "A lighthouse at dusk", Model = VideoModels.Veo31 });

        Assert.Equal(id, task.Id);
        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.True(task.IsTerminal);
        Assert.Equal("https://cdn.example/" + id + ".mp4", task.VideoUrl);
        Assert.Equal("veo3.1", task.Model);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1706000000), task.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1706000090), task.UpdatedAt);
        Assert.Single(_service.RequestsTo("POST", "/v1/videos/generations"));
        Assert.Equal(2, _service.RequestsTo("GET", "/v1/tasks/" + id).Count);
        Assert.Equal(3, _service.AllRequests.Count);
    }

    [Fact]
    public async Task Generation_C_polls_a_poll_url_that_is_not_the_canonical_task_path()
    {
        const string id = "ldtask_aaaabbbbccccddddeeeeffff00001111";
        _service.GivenCreate("""{"id":"ID","poll_url":"/v2/jobs/ID/state","status":"pending"}""".Replace("ID", id));
        _service.GivenSequence(
            "/v2/jobs/" + id + "/state",
            """{"id":"ID","status":"processing","progress":50}""".Replace("ID", id),
            """{"id":"ID","status":"completed","video_url":"https://cdn.example/v.mp4"}""".Replace("ID", id));
        var client = _service.CreateClient();

        var task = await client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "Waves" });

        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.Equal(2, _service.RequestsTo("GET", "/v2/jobs/" + id + "/state").Count);
        Assert.Empty(_service.RequestsTo("GET", "/v1/tasks/" + id));
        Assert.Empty(_service.RequestsTo("GET", "/v1/videos/generations/" + id));
    }

    [Fact]
    public async Task Result_url_is_read_from_the_first_entry_of_videos()
    {
        _service.GivenCreate("""{"id":"ldtask_videos","poll_url":"/v1/tasks/ldtask_videos","status":"pending"}""");
        _service.GivenSequence(
            "/v1/tasks/ldtask_videos",
            """{"id":"ldtask_videos","status":"completed","videos":[{"url":"https://cdn.example/first.mp4","duration":5},{"url":"https://cdn.example/second.mp4"}]}""");
        var client = _service.CreateClient();

        var task = await client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "Two takes" });

        Assert.Equal("https://cdn.example/first.mp4", task.VideoUrl);
        Assert.Equal(5d, task.VideoDurationSeconds);
    }

    [Fact]
    public async Task Create_answer_that_is_already_completed_is_returned_without_any_poll()
    {
        _service.GivenCreate("""{"task_id":"video_instant","status":"completed","progress":100,"video_url":"https://cdn.example/instant.mp4","model":"sora-2"}""");
        _service.GivenSequence("/v1/tasks/video_instant", """{"task_id":"video_instant","status":"processing"}""");
        _service.GivenSequence("/v1/videos/generations/video_instant", """{"task_id":"video_instant","status":"processing"}""");
        var client = _service.CreateClient();
        var seen = new List<VideoTask>();

        var task = await client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "Instant" }, new SynchronousProgress<VideoTask>(seen.Add));

        Assert.Equal("video_instant", task.Id);
        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.Equal("https://cdn.example/instant.mp4", task.VideoUrl);
        Assert.Single(seen);
        Assert.DoesNotContain(_service.AllRequests, entry => entry.RequestMessage.Method == "GET");
        Assert.Single(_service.AllRequests);
    }

    [Fact]
    public async Task Legacy_status_succeeded_counts_as_completed()
    {
        _service.GivenCreate("""{"task_id":"video_old","status":"pending"}""");
        _service.GivenSequence(
            "/v1/tasks/video_old",
            """{"task_id":"video_old","status":"processing","progress":10}""",
            """{"task_id":"video_old","status":"succeeded","video_url":"https://cdn.example/old.mp4"}""");
        var client = _service.CreateClient();

        var task = await client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "Old school" });

        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.True(task.IsTerminal);
        Assert.Equal("https://cdn.example/old.mp4", task.VideoUrl);
        Assert.Equal(2, _service.RequestsTo("GET", "/v1/tasks/video_old").Count);
    }

    [Fact]
    public async Task Progress_receives_every_state_in_the_order_the_service_reported_it()
    {
        _service.GivenCreate("""{"id":"ldtask_progress","poll_url":"/v1/tasks/ldtask_progress","status":"pending"}""");
        _service.GivenSequence(
            "/v1/tasks/ldtask_progress",
            """{"id":"ldtask_progress","status":"pending","progress":0}""",
            """{"id":"ldtask_progress","status":"processing","progress":25}""",
            """{"id":"ldtask_progress","status":"processing","progress":75}""",
            """{"id":"ldtask_progress","status":"completed","progress":100,"video_url":"https://cdn.example/p.mp4"}""");
        var client = _service.CreateClient();
        var seen = new List<VideoTask>();

        var task = await client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "Progress" }, new SynchronousProgress<VideoTask>(seen.Add));

        Assert.Equal(
            new[] { "pending", "pending", "processing", "processing", "completed" },
            seen.Select(state => state.Status.ToString()));
        Assert.Equal(new double?[] { null, 0, 25, 75, 100 }, seen.Select(state => state.Progress));
        Assert.All(seen, state => Assert.Equal("ldtask_progress", state.Id));
        Assert.Same(seen[seen.Count - 1], task);
        Assert.Equal(4, _service.RequestsTo("GET", "/v1/tasks/ldtask_progress").Count);
    }

    [Fact]
    public async Task WaitForCompletion_by_id_polls_the_poll_url_the_same_client_was_given_at_create()
    {
        _service.GivenCreate("""{"id":"ldtask_xyz","task_id":"ldtask_xyz","poll_url":"/v1/custom/poll/xyz","status":"pending"}""");
        _service.GivenSequence(
            "/v1/custom/poll/xyz",
            """{"id":"ldtask_xyz","status":"processing","progress":40}""",
            """{"id":"ldtask_xyz","status":"completed","video_url":"https://cdn.example/xyz.mp4"}""");
        _service.GivenSequence("/v1/tasks/ldtask_xyz", """{"id":"ldtask_xyz","status":"processing"}""");
        var client = _service.CreateClient();

        var created = await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "Resume me" });
        var task = await client.WaitForCompletionAsync(created.Id);

        Assert.Equal("/v1/custom/poll/xyz", created.PollUrl);
        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.Equal("https://cdn.example/xyz.mp4", task.VideoUrl);
        Assert.Equal(2, _service.RequestsTo("GET", "/v1/custom/poll/xyz").Count);
        Assert.Empty(_service.RequestsTo("GET", "/v1/tasks/ldtask_xyz"));
        Assert.Empty(_service.RequestsTo("GET", "/v1/videos/generations/ldtask_xyz"));
    }

    [Fact]
    public async Task WaitForCompletion_falls_back_to_the_legacy_path_when_the_canonical_path_answers_404_and_keeps_it()
    {
        _service.Given("GET", "/v1/tasks/video_legacy", 404, FakeLemonDataService.ErrorBody("Not found", "invalid_request_error", "not_found"));
        _service.GivenSequence(
            "/v1/videos/generations/video_legacy",
            """{"task_id":"video_legacy","status":"processing","progress":20}""",
            """{"task_id":"video_legacy","status":"processing","progress":70}""",
            """{"task_id":"video_legacy","status":"completed","video_url":"https://cdn.example/legacy.mp4"}""");
        var client = _service.CreateClient();

        var task = await client.WaitForCompletionAsync("video_legacy");

        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.Equal("https://cdn.example/legacy.mp4", task.VideoUrl);
        Assert.Equal(3, _service.RequestsTo("GET", "/v1/videos/generations/video_legacy").Count);

        // A 404 is an answer, not a failure to retry; and once the legacy path answered, it is the one polled.
        Assert.Single(_service.RequestsTo("GET", "/v1/tasks/video_legacy"));
    }

    [Fact]
    public async Task Status_values_the_sdk_does_not_know_are_reported_as_sent_and_polling_continues()
    {
        _service.GivenCreate("""{"id":"ldtask_new_states","poll_url":"/v1/tasks/ldtask_new_states","status":"queued"}""");
        _service.GivenSequence(
            "/v1/tasks/ldtask_new_states",
            """{"id":"ldtask_new_states","status":"in_queue"}""",
            """{"id":"ldtask_new_states","status":"Rendering","progress":60}""",
            """{"id":"ldtask_new_states","status":"completed","video_url":"https://cdn.example/n.mp4"}""");
        var client = _service.CreateClient();
        var seen = new List<VideoTask>();

        var task = await client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "New states" }, new SynchronousProgress<VideoTask>(seen.Add));

        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.Equal(new[] { "queued", "in_queue", "Rendering", "completed" }, seen.Select(state => state.Status.ToString()));
        Assert.All(seen.Take(3), state => Assert.False(state.IsTerminal));
        Assert.Equal(3, _service.RequestsTo("GET", "/v1/tasks/ldtask_new_states").Count);
    }

    [Fact]
    public async Task A_first_generation_service_is_remembered_so_later_reads_skip_the_missing_canonical_path()
    {
        // Generation A: /v1/tasks/{id} does not exist (WireMock answers 404 for it).
        _service.Given("GET", "/v1/videos/generations/video_one", 200, """{"task_id":"video_one","status":"processing"}""");
        _service.Given("GET", "/v1/videos/generations/video_two", 200, """{"task_id":"video_two","status":"completed","video_url":"https://cdn.example/two.mp4"}""");
        var client = _service.CreateClient();

        var first = await client.GetVideoTaskAsync("video_one");
        var second = await client.WaitForCompletionAsync("video_two");

        Assert.Equal(VideoTaskStatus.Processing, first.Status);
        Assert.Equal(VideoTaskStatus.Completed, second.Status);
        Assert.Single(_service.RequestsTo("GET", "/v1/tasks/video_one"));
        Assert.Empty(_service.RequestsTo("GET", "/v1/tasks/video_two"));
    }
}
