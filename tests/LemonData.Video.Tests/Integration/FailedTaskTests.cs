using System;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;

namespace LemonData.Video.Tests.Integration;

public sealed class FailedTaskTests : IDisposable
{
    private readonly FakeLemonDataService _service = new();

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task Failed_task_with_an_error_string_throws_with_the_reason_and_the_task_id()
    {
        _service.GivenCreate("""{"task_id":"video_fail1","status":"pending","model":"kling-v2.6-pro"}""");
        _service.GivenSequence(
            "/v1/tasks/video_fail1",
            """{"task_id":"video_fail1","status":"processing","progress":30}""",
            """{"task_id":"video_fail1","status":"failed","error":"Content policy violation","model":"kling-v2.6-pro","created_at":1706000000}""");
        var client = _service.CreateClient();

        var exception = await Assert.ThrowsAsync<VideoGenerationFailedException>(
            () => client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "Something forbidden", Model = VideoModels.KlingV26Pro }));

        Assert.Equal("video_fail1", exception.Task.Id);
        Assert.Equal(VideoTaskStatus.Failed, exception.Task.Status);
        Assert.Equal("Content policy violation", exception.Task.Error);
        Assert.Null(exception.Task.ErrorCode);
        Assert.False(exception.Task.IsCancelled);
        Assert.Contains("Content policy violation", exception.Message, StringComparison.Ordinal);
        Assert.Contains("video_fail1", exception.Message, StringComparison.Ordinal);

        // A failed task is an answer: it is not polled again.
        Assert.Equal(2, _service.RequestsTo("GET", "/v1/tasks/video_fail1").Count);
    }

    [Fact]
    public async Task Failed_task_with_an_error_object_exposes_its_message_and_code()
    {
        _service.GivenSequence(
            "/v1/tasks/ldtask_fail2",
            """{"id":"ldtask_fail2","status":"failed","error":{"code":"upstream_rejected","message":"The provider rejected the image"},"model":"veo3.1"}""");
        var client = _service.CreateClient();

        var exception = await Assert.ThrowsAsync<VideoGenerationFailedException>(() => client.WaitForCompletionAsync("ldtask_fail2"));

        Assert.Equal("ldtask_fail2", exception.Task.Id);
        Assert.Equal("The provider rejected the image", exception.Task.Error);
        Assert.Equal("upstream_rejected", exception.Task.ErrorCode);
        Assert.Contains("The provider rejected the image", exception.Message, StringComparison.Ordinal);
        Assert.Contains("ldtask_fail2", exception.Message, StringComparison.Ordinal);
        Assert.Single(_service.RequestsTo("GET", "/v1/tasks/ldtask_fail2"));
    }

    [Fact]
    public async Task Failed_task_reported_by_the_create_answer_throws_without_polling()
    {
        _service.GivenCreate("""{"task_id":"video_fail3","status":"failed","error":"Prompt rejected"}""");
        var client = _service.CreateClient();

        var exception = await Assert.ThrowsAsync<VideoGenerationFailedException>(
            () => client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "Rejected at once" }));

        Assert.Equal("video_fail3", exception.Task.Id);
        Assert.Equal("Prompt rejected", exception.Task.Error);
        Assert.Single(_service.AllRequests);
    }

    [Fact]
    public async Task Cancelled_task_is_failed_and_marked_cancelled()
    {
        _service.GivenCreate("""{"id":"ldtask_cancelled","poll_url":"/v1/tasks/ldtask_cancelled","status":"pending","model":"seedance-2-0"}""");
        _service.GivenSequence(
            "/v1/tasks/ldtask_cancelled",
            """{"id":"ldtask_cancelled","status":"pending"}""",
            """{"id":"ldtask_cancelled","status":"failed","cancelled":true,"cancellation_status":"cancelled","model":"seedance-2-0"}""");
        var client = _service.CreateClient();

        var exception = await Assert.ThrowsAsync<VideoGenerationFailedException>(
            () => client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "Cancel me", Model = VideoModels.Seedance20 }));

        Assert.Equal("ldtask_cancelled", exception.Task.Id);
        Assert.Equal(VideoTaskStatus.Failed, exception.Task.Status);
        Assert.True(exception.Task.IsCancelled);
        Assert.True(exception.Task.IsTerminal);
        Assert.Contains("ldtask_cancelled", exception.Message, StringComparison.Ordinal);
        Assert.Contains("cancel", exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(_service.AllRequests, entry => entry.RequestMessage.Method == "DELETE");
    }
}
