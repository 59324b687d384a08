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
}
