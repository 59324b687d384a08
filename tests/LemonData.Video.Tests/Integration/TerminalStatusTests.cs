using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;
using Microsoft.Extensions.Logging;

namespace LemonData.Video.Tests.Integration;

/// <summary>
/// Every spelling of a status ends (or does not end) a wait as its meaning says; a status the SDK does not know
/// ends nothing, is logged once at Warning, and the wait goes on to the next known state.
/// </summary>
public sealed class TerminalStatusTests : IDisposable
{
    private readonly FakeLemonDataService _service = new();
    private readonly CapturedLogs _logs = new();

    public void Dispose() => _service.Dispose();

    [Theory]
    [InlineData("completed")]
    [InlineData("succeeded")]
    [InlineData("success")]
    public async Task Every_spelling_of_done_ends_the_wait_with_the_task(string status)
    {
        var id = "ldtask_done_" + status;
        _service.GivenSequence(
            "/v1/tasks/" + id,
            """{"id":"ID","status":"running","progress":50}""".Replace("ID", id),
            """{"id":"ID","status":"STATUS","video_url":"https://cdn.example/ID.mp4"}""".Replace("ID", id).Replace("STATUS", status));
        var client = _service.CreateClient();

        var done = await client.WaitForCompletionAsync(id);

        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        Assert.Equal(status, done.Status.ToString());
        Assert.Equal(2, _service.RequestsTo("GET", "/v1/tasks/" + id).Count);
    }

    [Theory]
    [InlineData("failed", false)]
    [InlineData("error", false)]
    [InlineData("expired", false)]
    [InlineData("cancelled", true)]
    [InlineData("canceled", true)]
    public async Task Every_spelling_of_a_terminal_failure_throws_VideoGenerationFailedException(string status, bool cancelled)
    {
        var id = "ldtask_end_" + status;
        _service.GivenCreate("""{"id":"ID","poll_url":"/v1/tasks/ID","status":"queued"}""".Replace("ID", id));
        _service.GivenSequence(
            "/v1/tasks/" + id,
            """{"id":"ID","status":"in_progress","progress":10}""".Replace("ID", id),
            """{"id":"ID","status":"STATUS"}""".Replace("ID", id).Replace("STATUS", status));
        var client = _service.CreateClient();

        var exception = await Assert.ThrowsAsync<VideoGenerationFailedException>(() => client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "A kite" }));

        Assert.Equal(id, exception.Task.Id);
        Assert.Equal(VideoTaskStatus.Failed, exception.Task.Status);
        Assert.Equal(status, exception.Task.Status.ToString());
        Assert.Equal(cancelled, exception.Task.IsCancelled);
        Assert.Contains(id, exception.Message, StringComparison.Ordinal);
        Assert.Contains(cancelled ? "cancelled" : status, exception.Message, StringComparison.Ordinal);

        // A terminal answer, in any spelling, is not polled again.
        Assert.Equal(2, _service.RequestsTo("GET", "/v1/tasks/" + id).Count);
    }

    [Fact]
    public async Task A_failed_task_flagged_cancelled_is_cancelled()
    {
        _service.GivenSequence("/v1/tasks/ldtask_flagged", """{"id":"ldtask_flagged","status":"failed","cancellation_status":"cancelled"}""");
        var client = _service.CreateClient();

        var exception = await Assert.ThrowsAsync<VideoGenerationFailedException>(() => client.WaitForCompletionAsync("ldtask_flagged"));

        Assert.True(exception.Task.IsCancelled);
        Assert.Contains("was cancelled", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_status_does_not_end_the_wait_a_later_completed_does_and_it_is_logged_once_at_Warning()
    {
        _service.GivenSequence(
            "/v1/tasks/ldtask_mars",
            """{"id":"ldtask_mars","status":"pending"}""",
            """{"id":"ldtask_mars","status":"rendering_on_mars","progress":20}""",
            """{"id":"ldtask_mars","status":"rendering_on_mars","progress":60}""",
            """{"id":"ldtask_mars","status":"uploading_from_mars","progress":90}""",
            """{"id":"ldtask_mars","status":"completed","video_url":"https://cdn.example/mars.mp4"}""");
        var client = _service.CreateClient(options => options.LoggerFactory = LoggerFactory.Create(builder => builder.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace)));
        var seen = new List<string>();

        var done = await client.WaitForCompletionAsync("ldtask_mars", new SynchronousProgress<VideoTask>(task => seen.Add(task.Status.ToString())));

        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        Assert.Equal(new[] { "pending", "rendering_on_mars", "rendering_on_mars", "uploading_from_mars", "completed" }, seen);
        var warning = Assert.Single(_logs.Of("LemonData.Video"), log => log.EventId.Name == "UnknownTaskStatus");
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(17, warning.EventId.Id);
        Assert.Equal("ldtask_mars", warning.State.Single(pair => pair.Key == "TaskId").Value);
        Assert.Equal("rendering_on_mars", warning.State.Single(pair => pair.Key == "Status").Value);
        Assert.Contains("WaitTimeout", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_stuck_in_an_unknown_status_is_bounded_by_WaitTimeout()
    {
        _service.GivenSequence("/v1/tasks/ldtask_limbo", """{"id":"ldtask_limbo","status":"limbo"}""");
        // Long enough for a cold first request (the netstandard2.0 build's handler takes a while to connect the first time).
        var client = _service.CreateClient(options => options.WaitTimeout = TimeSpan.FromSeconds(2));

        var exception = await Assert.ThrowsAsync<TimeoutException>(() => client.WaitForCompletionAsync("ldtask_limbo"));

        Assert.Equal("ldtask_limbo", exception.GetVideoTaskId());
        Assert.Contains("limbo", exception.Message, StringComparison.Ordinal);
        Assert.True(_service.RequestsTo("GET", "/v1/tasks/ldtask_limbo").Count > 1, "A task in an unknown status is polled again and again until the timeout.");
    }

    [Fact]
    public async Task A_create_answered_with_a_terminal_synonym_needs_no_poll()
    {
        _service.GivenCreate("""{"task_id":"video_instant","status":"success","video_url":"https://cdn.example/instant.mp4"}""");
        var client = _service.CreateClient();

        var done = await client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "A kite" });

        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        Assert.DoesNotContain(_service.AllRequests, entry => entry.RequestMessage.Method == "GET");
    }
}
