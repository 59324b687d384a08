namespace LemonData.Video.Tests.Unit;

public sealed class VideoTaskStatusTests
{
    [Theory]
    [InlineData("pending", false)]
    [InlineData("processing", false)]
    [InlineData("completed", true)]
    [InlineData("failed", true)]
    public void Known_values_read_back_as_their_wire_value(string value, bool terminal)
    {
        var status = new VideoTaskStatus(value);

        Assert.Equal(value, status.ToString());
        Assert.True(status.IsKnown);
        Assert.Equal(terminal, status.IsTerminal);
    }

    [Fact]
    public void The_static_values_equal_their_wire_values()
    {
        Assert.Equal(new VideoTaskStatus("pending"), VideoTaskStatus.Pending);
        Assert.Equal(new VideoTaskStatus("processing"), VideoTaskStatus.Processing);
        Assert.Equal(new VideoTaskStatus("completed"), VideoTaskStatus.Completed);
        Assert.Equal(new VideoTaskStatus("failed"), VideoTaskStatus.Failed);
        Assert.True(VideoTaskStatus.Completed == "completed");
        Assert.True(VideoTaskStatus.Pending != VideoTaskStatus.Processing);
    }

    [Fact]
    public void Equality_ignores_case_but_the_value_is_kept_as_it_came()
    {
        var shouted = new VideoTaskStatus("COMPLETED");

        Assert.Equal(VideoTaskStatus.Completed, shouted);
        Assert.Equal(VideoTaskStatus.Completed.GetHashCode(), shouted.GetHashCode());
        Assert.Equal("COMPLETED", shouted.ToString());
    }

    [Fact]
    public void An_unknown_value_is_kept_and_never_throws()
    {
        var status = new VideoTaskStatus("rendering_on_mars");

        Assert.Equal("rendering_on_mars", status.ToString());
        Assert.False(status.IsKnown);
        Assert.False(status.IsTerminal);
        Assert.NotEqual(VideoTaskStatus.Processing, status);
    }

    [Fact]
    public void The_default_value_is_empty_and_not_terminal()
    {
        VideoTaskStatus status = default;

        Assert.Equal(string.Empty, status.ToString());
        Assert.False(status.IsTerminal);
        Assert.Equal(default, VideoTaskStatus.FromWire(null));
    }

    public static TheoryData<string, string, bool, bool> Synonyms => new()
    {
        // wire value, what it means, terminal, cancelled
        { "pending", "pending", false, false },
        { "queued", "pending", false, false },
        { "processing", "processing", false, false },
        { "running", "processing", false, false },
        { "in_progress", "processing", false, false },
        { "completed", "completed", true, false },
        { "succeeded", "completed", true, false },
        { "success", "completed", true, false },
        { "SUCCESS", "completed", true, false },
        { "failed", "failed", true, false },
        { "error", "failed", true, false },
        { "expired", "failed", true, false },
        { "cancelled", "failed", true, true },
        { "canceled", "failed", true, true },
        { "Cancelled", "failed", true, true },
    };

    [Theory]
    [MemberData(nameof(Synonyms))]
    public void Every_synonym_means_one_of_the_four_states_and_keeps_its_wire_value(string wire, string meaning, bool terminal, bool cancelled)
    {
        var status = VideoTaskStatus.FromWire(wire);
        var task = TaskReader.ParseTask(System.Text.Encoding.UTF8.GetBytes("{\"id\":\"t\",\"status\":\"" + wire + "\"}"), requestedTaskId: null);

        Assert.Equal(wire, status.ToString());
        Assert.Equal(wire, task.Status.ToString());
        Assert.True(status.IsKnown);
        Assert.Equal(terminal, status.IsTerminal);
        Assert.Equal(terminal, task.IsTerminal);
        Assert.Equal(new VideoTaskStatus(meaning), status);
        Assert.True(status == meaning);
        Assert.Equal(meaning, status.Normalized.ToString());
        Assert.Equal(new VideoTaskStatus(meaning).GetHashCode(), status.GetHashCode());
        Assert.Equal(cancelled, task.IsCancelled);
        Assert.Equal(meaning == "completed", task.Status == VideoTaskStatus.Completed);
        Assert.Equal(meaning == "failed", task.Status == VideoTaskStatus.Failed);
    }

    [Fact]
    public void An_unknown_value_is_its_own_normalized_value_and_equals_only_itself()
    {
        var status = new VideoTaskStatus("Rendering_On_Mars");

        Assert.Equal("Rendering_On_Mars", status.Normalized.ToString());
        Assert.Equal(new VideoTaskStatus("rendering_on_mars"), status);
        Assert.NotEqual(new VideoTaskStatus("rendering_on_venus"), status);
        Assert.NotEqual(VideoTaskStatus.Pending, status);
        Assert.NotEqual(VideoTaskStatus.Failed, status);
        Assert.NotEqual(default, status);
        Assert.Equal(default(VideoTaskStatus), default(VideoTaskStatus).Normalized);
    }

    [Fact]
    public void A_task_made_by_hand_with_a_cancelled_status_is_cancelled()
    {
        Assert.True(new VideoTask("t", "canceled").IsCancelled);
        Assert.False(new VideoTask("t", VideoTaskStatus.Failed).IsCancelled);
        Assert.True(new VideoTask("t", VideoTaskStatus.Failed) { IsCancelled = true }.IsCancelled);
    }
}
