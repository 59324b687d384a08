using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Testing.Tests.Support;

namespace LemonData.Video.Testing.Tests;

/// <summary>The served video is a real, small, playable MP4.</summary>
public class SampleVideoTests
{
    [Fact]
    public void The_sample_is_a_small_complete_mp4()
    {
        var bytes = LemonDataSimulator.SampleVideo.ToArray();

        Assert.InRange(bytes.Length, 1024, 50 * 1024);
        Mp4Boxes.AssertIsSampleMp4(bytes);
    }

    [Fact]
    public void The_structural_check_rejects_what_is_not_that_mp4()
    {
        var bytes = LemonDataSimulator.SampleVideo.ToArray();

        Assert.ThrowsAny<Exception>(() => Mp4Boxes.AssertIsSampleMp4(bytes.AsSpan(0, bytes.Length - 100).ToArray()));
        Assert.ThrowsAny<Exception>(() => Mp4Boxes.AssertIsSampleMp4(System.Text.Encoding.UTF8.GetBytes("<html>not a video</html>")));
        Assert.ThrowsAny<Exception>(() => Mp4Boxes.AssertIsSampleMp4(new byte[64]));
    }

    /// <summary>Downloads through the SDK to a file; ffprobe checks it when it is installed, the box check always.</summary>
    [Fact]
    public async Task A_downloaded_video_is_playable()
    {
        await using var simulator = LemonDataSimulator.Start();
        var client = Clients.For(simulator);
        var task = await client.GenerateVideoAsync(Clients.Request());
        var path = Path.Combine(Path.GetTempPath(), "lemondata-simulator-" + Guid.NewGuid().ToString("N") + ".mp4");
        try
        {
            await using (var file = File.Create(path))
            {
                await client.DownloadVideoAsync(task, file);
            }

            Mp4Boxes.AssertIsSampleMp4(await File.ReadAllBytesAsync(path));

            var ffprobe = FindOnPath("ffprobe");
            if (ffprobe is not null)
            {
                var output = await RunAsync(ffprobe, "-v error -select_streams v:0 -count_frames -show_entries stream=codec_name,width,height,nb_read_frames:format=duration -of default=noprint_wrappers=1 \"" + path + "\"");
                Assert.Contains("codec_name=h264", output);
                Assert.Contains("width=160", output);
                Assert.Contains("height=90", output);
                Assert.Contains("nb_read_frames=24", output);
                var duration = output.Split('\n').Single(line => line.StartsWith("duration=", StringComparison.Ordinal)).Substring("duration=".Length).Trim();
                Assert.InRange(double.Parse(duration, CultureInfo.InvariantCulture), 2.9, 3.1);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string? FindOnPath(string tool)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { tool, tool + ".exe" })
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static async Task<string> RunAsync(string fileName, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, fileName + " failed: " + await error);
        Assert.Equal(string.Empty, (await error).Trim());
        return await output;
    }
}
