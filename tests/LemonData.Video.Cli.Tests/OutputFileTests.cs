using System;
using System.IO;
using System.Threading.Tasks;
using LemonData.Video.Cli.Output;

namespace LemonData.Video.Cli.Tests;

/// <summary>The output file: a full disk is told apart from a broken download, and no half file is left behind.</summary>
public sealed class OutputFileTests
{
    [Fact]
    public async Task A_failing_disk_is_a_file_error_and_leaves_no_file()
    {
        using var folder = new TempFolder();
        var target = folder.File("cat.mp4");

        var error = await Assert.ThrowsAsync<OutputFileException>(() => OutputFile.WriteAsync(
            target,
            destination => new WriteGuardStream(new FullDisk(), target).WriteAsync(new byte[16], 0, 16),
            default));

        Assert.Equal(target, error.Path);
        Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task A_broken_download_leaves_the_previous_file_untouched()
    {
        using var folder = new TempFolder();
        var target = folder.File("cat.mp4");
        File.WriteAllText(target, "previous");

        await Assert.ThrowsAsync<TimeoutException>(() => OutputFile.WriteAsync(
            target,
            async destination =>
            {
                await destination.WriteAsync(new byte[] { 1, 2, 3 });
                throw new TimeoutException("broken");
            },
            default));

        Assert.Equal("previous", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void An_out_path_that_is_a_folder_is_invalid_input()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<InvalidInputException>(() => OutputFile.Check(folder.Path));

        Assert.Contains("is a folder", error.Message, StringComparison.Ordinal);
    }

    private sealed class FullDisk : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("No space left on device");

        public override System.Threading.Tasks.Task WriteAsync(byte[] buffer, int offset, int count, System.Threading.CancellationToken cancellationToken) =>
            throw new IOException("No space left on device");
    }
}
