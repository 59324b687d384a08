using System;
using System.Linq;
using System.Text;

namespace LemonData.Video.Tests.Unit;

/// <summary>Every output of a task (<c>video_url</c>, <c>video</c>, <c>videos[]</c>) and its billing id, read into <see cref="VideoTask"/>.</summary>
public sealed class TaskOutputsTests
{
    [Fact]
    public void Every_entry_of_videos_is_an_output_in_order_with_its_facts()
    {
        var task = Parse("""
            {"id":"t","status":"completed","videos":[
              {"url":"https://cdn.example/a.mp4","duration":5,"width":1280,"height":720},
              {"url":"https://cdn.example/b.mp4","duration":5.5,"width":720,"height":1280},
              {"url":"https://cdn.example/c.mp4"}]}
            """);

        Assert.Equal(new[] { "https://cdn.example/a.mp4", "https://cdn.example/b.mp4", "https://cdn.example/c.mp4" }, task.Videos.Select(video => video.Url));
        Assert.Equal("https://cdn.example/a.mp4", task.VideoUrl);
        var second = task.Videos[1];
        Assert.Equal(5.5, second.Duration);
        Assert.Equal(720, second.Width);
        Assert.Equal(1280, second.Height);
        Assert.Null(task.Videos[2].Duration);
        Assert.Null(task.Videos[2].Width);
        Assert.All(task.Videos, video => Assert.Equal("t", video.TaskId));
    }

    [Fact]
    public void Video_url_then_video_then_videos_each_URL_once_with_what_each_mention_says()
    {
        var task = Parse("""
            {"id":"t","status":"completed",
             "video_url":"https://cdn.example/1.mp4",
             "video":{"url":"https://cdn.example/1.mp4","duration":8,"width":1920,"height":1080},
             "videos":[{"url":"https://cdn.example/1.mp4"},{"url":"https://cdn.example/2.mp4","duration":4},{"url":"https://cdn.example/2.mp4","width":640,"height":360}]}
            """);

        Assert.Equal(new[] { "https://cdn.example/1.mp4", "https://cdn.example/2.mp4" }, task.Videos.Select(video => video.Url));
        Assert.Equal("https://cdn.example/1.mp4", task.VideoUrl);
        Assert.Equal((8d, 1920, 1080), (task.Videos[0].Duration!.Value, task.Videos[0].Width!.Value, task.Videos[0].Height!.Value));
        Assert.Equal((4d, 640, 360), (task.Videos[1].Duration!.Value, task.Videos[1].Width!.Value, task.Videos[1].Height!.Value));
    }

    [Fact]
    public void Video_url_and_a_different_video_are_two_outputs_video_url_first()
    {
        var task = Parse("""{"id":"t","status":"completed","video":{"url":"https://cdn.example/b.mp4","duration":3},"video_url":"https://cdn.example/a.mp4"}""");

        Assert.Equal(new[] { "https://cdn.example/a.mp4", "https://cdn.example/b.mp4" }, task.Videos.Select(video => video.Url));
        Assert.Equal("https://cdn.example/a.mp4", task.VideoUrl);
        Assert.Equal(3, task.Videos[1].Duration);
    }

    [Fact]
    public void Outputs_without_a_URL_are_left_out_and_a_task_without_any_has_none()
    {
        var task = Parse("""{"id":"t","status":"completed","video":{"duration":3},"videos":[{"url":""},null,{"url":"https://cdn.example/only.mp4"}]}""");

        Assert.Equal("https://cdn.example/only.mp4", Assert.Single(task.Videos).Url);
        Assert.Equal("https://cdn.example/only.mp4", task.VideoUrl);
        Assert.Empty(Parse("""{"id":"t","status":"processing","progress":40}""").Videos);
        Assert.Null(Parse("""{"id":"t","status":"processing"}""").VideoUrl);
    }

    [Fact]
    public void Billing_transaction_id_is_read()
    {
        Assert.Equal("btx_42", Parse("""{"id":"t","status":"completed","video_url":"https://cdn.example/a.mp4","billing_transaction_id":"btx_42"}""").BillingTransactionId);
        Assert.Null(Parse("""{"id":"t","status":"completed"}""").BillingTransactionId);
        Assert.Null(Parse("""{"id":"t","status":"completed","billing_transaction_id":"  "}""").BillingTransactionId);
    }

    [Fact]
    public void A_task_made_by_hand_lists_its_video_url_and_its_videos_each_naming_the_task()
    {
        var byUrl = new VideoTask("t", VideoTaskStatus.Completed) { VideoUrl = "https://cdn.example/a.mp4" };
        var byOutputs = new VideoTask("t", VideoTaskStatus.Completed)
        {
            Videos = new[] { new VideoOutput("https://cdn.example/a.mp4") { Width = 10 }, new VideoOutput("https://cdn.example/b.mp4") },
        };
        var both = new VideoTask("t", VideoTaskStatus.Completed)
        {
            Videos = new[] { new VideoOutput("https://cdn.example/b.mp4") },
            VideoUrl = "https://cdn.example/a.mp4",
        };

        Assert.Equal("https://cdn.example/a.mp4", Assert.Single(byUrl.Videos).Url);
        Assert.Equal("https://cdn.example/a.mp4", byOutputs.VideoUrl);
        Assert.Equal(new[] { "https://cdn.example/a.mp4", "https://cdn.example/b.mp4" }, byOutputs.Videos.Select(video => video.Url));
        Assert.All(byOutputs.Videos, video => Assert.Equal("t", video.TaskId));
        Assert.Equal(10, byOutputs.Videos[0].Width);
        Assert.Equal(new[] { "https://cdn.example/a.mp4", "https://cdn.example/b.mp4" }, both.Videos.Select(video => video.Url));
        Assert.Empty(new VideoTask("t", VideoTaskStatus.Pending).Videos);
    }

    [Fact]
    public void An_output_needs_a_URL()
    {
        Assert.Throws<ArgumentNullException>(() => new VideoOutput(null!));
        Assert.Throws<ArgumentException>(() => new VideoOutput(" "));
        Assert.Equal("https://cdn.example/a.mp4 (1280x720, 8 s)", new VideoOutput("https://cdn.example/a.mp4") { Width = 1280, Height = 720, Duration = 8 }.ToString());
    }

    private static VideoTask Parse(string json) => TaskReader.ParseTask(Encoding.UTF8.GetBytes(json), requestedTaskId: null);
}
