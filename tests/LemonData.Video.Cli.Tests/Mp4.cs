using System;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace LemonData.Video.Cli.Tests;

/// <summary>Checks that a file is an MP4: an <c>ftyp</c> box first, and <c>ffprobe</c>'s approval when it is installed.</summary>
public static class Mp4
{
    public static void AssertValid(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 8, "The file is " + bytes.Length + " bytes long.");
        Assert.Equal("ftyp", Encoding.ASCII.GetString(bytes, 4, 4));

        var ffprobe = FindOnPath("ffprobe");
        if (ffprobe is null)
        {
            return;
        }

        using var process = Process.Start(new ProcessStartInfo(ffprobe)
        {
            ArgumentList = { "-v", "error", "-show_entries", "stream=codec_type", "-of", "csv=p=0", path },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(30_000), "ffprobe did not finish.");
        Assert.True(process.ExitCode == 0, "ffprobe rejected the file: " + errors);
        Assert.Contains("video", output, StringComparison.Ordinal);
    }

    private static string? FindOnPath(string name)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (folder.Length == 0)
            {
                continue;
            }

            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
