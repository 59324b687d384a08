using System;
using System.Text;

namespace LemonData.Video.Tests.Unit;

/// <summary>Every response example of the three generations in api-facts, read into a <see cref="VideoTask"/>.</summary>
public sealed class TaskParsingTests
{
    [Fact]
    public void Generation_A_create_answer()
    {
        var task = Parse("""{"task_id":"video_abc123","status":"pending","model":"sora-2","created_at":1706000000}""");

        Assert.Equal("video_abc123", task.Id);
        Assert.Equal(VideoTaskStatus.Pending, task.Status);
        Assert.Equal("sora-2", task.Model);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1706000000), task.CreatedAt);
        Assert.Null(task.PollUrl);
        Assert.False(task.IsTerminal);
    }

    [Fact]
    public void Generation_C_create_answer_with_id_and_poll_url()
    {
        var task = Parse("""{"id":"ldtask_0123456789abcdef0123456789abcdef","task_id":"ldtask_0123456789abcdef0123456789abcdef","poll_url":"/v1/tasks/ldtask_0123456789abcdef0123456789abcdef","status":"pending","model":"veo3.1","created":1706000000}""");

        Assert.Equal("ldtask_0123456789abcdef0123456789abcdef", task.Id);
        Assert.Equal("/v1/tasks/ldtask_0123456789abcdef0123456789abcdef", task.PollUrl);
        Assert.Equal("veo3.1", task.Model);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1706000000), task.CreatedAt);
    }

    [Fact]
    public void Generation_A_completed_answer()
    {
        var task = Parse("""{"task_id":"video_abc123","status":"completed","progress":100,"video_url":"https://cdn.lemondata.cc/videos/abc123.mp4","model":"kling-v2.6-pro","created_at":1706000000,"completed_at":1706000060}""");

        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.True(task.IsTerminal);
        Assert.Equal(100, task.Progress);
        Assert.Equal("https://cdn.lemondata.cc/videos/abc123.mp4", task.VideoUrl);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1706000060), task.CompletedAt);
    }

    [Fact]
    public void Generation_A_failed_answer_with_an_error_string()
    {
        var task = Parse("""{"task_id":"video_abc123","status":"failed","error":"Content policy violation","model":"kling-v2.6-pro","created_at":1706000000}""");

        Assert.Equal(VideoTaskStatus.Failed, task.Status);
        Assert.True(task.IsTerminal);
        Assert.Equal("Content policy violation", task.Error);
        Assert.Null(task.ErrorCode);
    }

    [Fact]
    public void A_failed_answer_with_an_error_object_gives_its_message_and_code()
    {
        var task = Parse("""{"id":"t","status":"failed","error":{"code":"content_policy_violation","message":"Content policy violation"}}""");

        Assert.Equal("Content policy violation", task.Error);
        Assert.Equal("content_policy_violation", task.ErrorCode);
    }

    [Fact]
    public void An_error_object_without_a_message_falls_back_to_its_code()
    {
        Assert.Equal("upstream_failed", Parse("""{"id":"t","status":"failed","error":{"code":"upstream_failed"}}""").Error);
    }

    [Fact]
    public void A_null_error_is_no_error()
    {
        Assert.Null(Parse("""{"id":"t","status":"processing","error":null}""").Error);
    }

    [Fact]
    public void Generation_C_completed_answer_with_the_result_in_video()
    {
        var task = Parse("""{"id":"ldtask_1","status":"completed","progress":100,"model":"veo3.1","video":{"url":"https://cdn.lemondata.cc/videos/1.mp4","duration":8,"width":1280,"height":720},"created":1706000000,"updated":1706000090,"billing_transaction_id":"btx_42"}""");

        Assert.Equal("https://cdn.lemondata.cc/videos/1.mp4", task.VideoUrl);
        Assert.Equal(8, task.VideoDurationSeconds);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1706000090), task.UpdatedAt);
    }

    [Fact]
    public void The_result_can_come_in_videos()
    {
        var task = Parse("""{"task_id":"video_abc123","status":"completed","videos":[{"url":"https://cdn.lemondata.cc/videos/a.mp4","duration":5},{"url":"https://cdn.lemondata.cc/videos/b.mp4"}]}""");

        Assert.Equal("https://cdn.lemondata.cc/videos/a.mp4", task.VideoUrl);
    }

    [Fact]
    public void Video_url_wins_over_video_and_videos()
    {
        var task = Parse("""{"id":"t","status":"completed","video_url":"https://a/1.mp4","video":{"url":"https://a/2.mp4"},"videos":[{"url":"https://a/3.mp4"}]}""");

        Assert.Equal("https://a/1.mp4", task.VideoUrl);
    }

    [Fact]
    public void Succeeded_from_old_samples_reads_as_completed()
    {
        var task = Parse("""{"task_id":"t","status":"succeeded"}""");

        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.True(task.IsTerminal);
        Assert.Equal("succeeded", task.Status.ToString());
    }

    [Fact]
    public void A_cancelled_task_is_failed_and_cancelled()
    {
        var task = Parse("""{"id":"t","status":"failed","cancelled":true,"cancellation_status":"cancelled","model":"seedance-1-5-pro"}""");

        Assert.Equal(VideoTaskStatus.Failed, task.Status);
        Assert.True(task.IsCancelled);
    }

    [Fact]
    public void An_unknown_status_is_kept_as_it_came_and_is_not_terminal()
    {
        var task = Parse("""{"id":"t","status":"queued_for_gpu","progress":3}""");

        Assert.Equal("queued_for_gpu", task.Status.ToString());
        Assert.False(task.Status.IsKnown);
        Assert.False(task.IsTerminal);
    }

    [Fact]
    public void Unknown_fields_and_nested_objects_are_ignored()
    {
        var task = Parse("""{"id":"t","status":"processing","new_field":{"deep":[1,2,{"x":null}]},"another":true}""");

        Assert.Equal("t", task.Id);
        Assert.Equal(VideoTaskStatus.Processing, task.Status);
    }

    [Fact]
    public void Numbers_sent_as_strings_are_read()
    {
        Assert.Equal(45, Parse("""{"id":"t","status":"processing","progress":"45"}""").Progress);
    }

    [Fact]
    public void Id_wins_over_task_id_and_the_requested_id_fills_in_when_both_are_missing()
    {
        Assert.Equal("a", Parse("""{"id":"a","task_id":"b"}""").Id);
        Assert.Equal("requested", Polling_TaskReader_Parse("""{"status":"processing"}""", "requested").Id);
    }

    [Fact]
    public void An_answer_without_any_task_id_is_rejected()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => Parse("""{"status":"pending"}"""));
    }

    [Fact]
    public void A_timestamp_out_of_range_is_dropped_not_thrown()
    {
        Assert.Null(Parse("""{"id":"t","created_at":999999999999999}""").CreatedAt);
    }

    private static VideoTask Parse(string json) => TaskReader.ParseTask(Encoding.UTF8.GetBytes(json), requestedTaskId: null);

    private static VideoTask Polling_TaskReader_Parse(string json, string requested) => TaskReader.ParseTask(Encoding.UTF8.GetBytes(json), requested);
}
