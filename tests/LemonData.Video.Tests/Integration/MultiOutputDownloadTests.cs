using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;

namespace LemonData.Video.Tests.Integration;

/// <summary>A task with several videos: every one is listed, and each can be downloaded by its index or as a <see cref="VideoOutput"/>.</summary>
public sealed class MultiOutputDownloadTests : IDisposable
{
    private readonly FakeLemonDataService _service = new();

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task Every_output_of_a_videos_answer_is_downloaded_by_its_index_and_as_an_output()
    {
        var client = ClientWithAThreeVideoTask();
        var task = await client.WaitForCompletionAsync("ldtask_multi");

        Assert.Equal(3, task.Videos.Count);
        Assert.Equal("btx_multi", task.BillingTransactionId);
        for (var index = 0; index < 3; index++)
        {
            using var byIndex = new MemoryStream();
            using var byOutput = new MemoryStream();
            await client.DownloadVideoAsync(task, index, byIndex);
            await client.DownloadVideoAsync(task.Videos[index], byOutput);

            Assert.Equal("video " + (index + 1), Encoding.UTF8.GetString(byIndex.ToArray()));
            Assert.Equal("video " + (index + 1), Encoding.UTF8.GetString(byOutput.ToArray()));
        }

        using var first = new MemoryStream();
        await client.DownloadVideoAsync(task, first);
        Assert.Equal("video 1", Encoding.UTF8.GetString(first.ToArray()));
        Assert.All(
            new[] { "/cdn/1.mp4", "/cdn/2.mp4", "/cdn/3.mp4" }.SelectMany(path => _service.RequestsTo("GET", path)),
            download => Assert.Null(FakeLemonDataService.HeaderOf(download, "Authorization")));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(int.MaxValue)]
    public async Task An_index_out_of_range_names_the_count_and_sends_nothing(int index)
    {
        var client = ClientWithAThreeVideoTask();
        var task = await client.GetVideoTaskAsync("ldtask_multi");
        var before = _service.AllRequests.Count;

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.DownloadVideoAsync(task, index, new MemoryStream()); });

        Assert.Equal("outputIndex", exception.ParamName);
        Assert.Contains("ldtask_multi", exception.Message, StringComparison.Ordinal);
        Assert.Contains("has 3 videos", exception.Message, StringComparison.Ordinal);
        Assert.Contains("0 to 2", exception.Message, StringComparison.Ordinal);
        Assert.Equal(before, _service.AllRequests.Count);
    }

    [Fact]
    public async Task A_task_without_videos_downloaded_by_index_says_it_has_no_video_yet()
    {
        var client = _service.CreateClient();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => client.DownloadVideoAsync(new VideoTask("ldtask_running", VideoTaskStatus.Processing), 0, new MemoryStream()));

        Assert.Contains("ldtask_running", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_service.AllRequests);
    }

    [Fact]
    public async Task A_failed_download_of_an_output_names_its_task()
    {
        _service.Given("GET", "/cdn/gone.mp4", 404, "gone");
        var client = _service.CreateClient();
        var task = new VideoTask("ldtask_gone_output", VideoTaskStatus.Completed)
        {
            Videos = new[] { new VideoOutput(_service.Url("/cdn/kept.mp4")), new VideoOutput(_service.Url("/cdn/gone.mp4")) },
        };

        var byIndex = await Assert.ThrowsAsync<LemonDataApiException>(() => client.DownloadVideoAsync(task, 1, new MemoryStream()));
        var byOutput = await Assert.ThrowsAsync<LemonDataApiException>(() => client.DownloadVideoAsync(task.Videos[1], new MemoryStream()));

        Assert.Equal(404, byIndex.StatusCode);
        Assert.Equal("ldtask_gone_output", byIndex.TaskId);
        Assert.Equal("ldtask_gone_output", byOutput.TaskId);
    }

    [Fact]
    public void An_output_made_by_hand_needs_its_task_and_the_arguments_are_checked()
    {
        var client = _service.CreateClient();
        var task = new VideoTask("t", VideoTaskStatus.Completed) { VideoUrl = "https://cdn.example/a.mp4" };

        var orphan = Assert.Throws<ArgumentException>(() => { _ = client.DownloadVideoAsync(new VideoOutput("https://cdn.example/a.mp4"), new MemoryStream()); });
        Assert.Contains("TaskId", orphan.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => { _ = client.DownloadVideoAsync((VideoOutput)null!, new MemoryStream()); });
        Assert.Throws<ArgumentNullException>(() => { _ = client.DownloadVideoAsync((VideoTask)null!, 0, new MemoryStream()); });
        Assert.Throws<ArgumentNullException>(() => { _ = client.DownloadVideoAsync(task, 0, null!); });
        Assert.Throws<ArgumentException>(() => { _ = client.DownloadVideoAsync(task.Videos[0], new MemoryStream(new byte[1], writable: false)); });
    }

    // A task whose answer names its three videos in video_url, video and videos[] (the first twice): three outputs.
    private LemonDataVideoClient ClientWithAThreeVideoTask()
    {
        var answer = """
            {"id":"ldtask_multi","status":"completed","billing_transaction_id":"btx_multi",
             "video_url":"BASE/cdn/1.mp4",
             "video":{"url":"BASE/cdn/1.mp4","duration":5,"width":1280,"height":720},
             "videos":[{"url":"BASE/cdn/1.mp4"},{"url":"BASE/cdn/2.mp4","duration":5},{"url":"BASE/cdn/3.mp4","duration":5}]}
            """.Replace("BASE", _service.Url(string.Empty).TrimEnd('/'));
        _service.GivenSequence("/v1/tasks/ldtask_multi", answer);
        for (var output = 1; output <= 3; output++)
        {
            _service.Given("GET", "/cdn/" + output + ".mp4", 200, "video " + output);
        }

        return _service.CreateClient();
    }
}
