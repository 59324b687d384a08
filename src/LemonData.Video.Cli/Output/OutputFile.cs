using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Cli.Output;

/// <summary>
/// Writes the video to <c>--out</c> safely: the path is checked before a paid task is created, the
/// bytes go to a hidden temporary file beside it, and only a complete download replaces the target.
/// An interrupted or failed download leaves no half file behind.
/// </summary>
internal static class OutputFile
{
    /// <summary>The full path, after checking that its folder exists and that it is not a folder itself.</summary>
    /// <exception cref="InvalidInputException">The path cannot be written.</exception>
    public static string Check(string path)
    {
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InvalidInputException("--out '" + path + "' is not a valid file path: " + exception.Message);
        }

        if (Directory.Exists(fullPath))
        {
            throw new InvalidInputException("--out '" + path + "' is a folder; give a file name, for example '" + Path.Combine(path, "video.mp4") + "'.");
        }

        var folder = Path.GetDirectoryName(fullPath);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new InvalidInputException("--out '" + path + "': the folder '" + folder + "' does not exist.");
        }

        return fullPath;
    }

    /// <summary>Lets <paramref name="write"/> fill the file and returns its length in bytes.</summary>
    public static async Task<long> WriteAsync(string fullPath, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(fullPath) ?? ".";
        var temporary = Path.Combine(folder, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".part");
        FileStream file;
        try
        {
            file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 81920, useAsync: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new OutputFileException(fullPath, exception);
        }

        try
        {
            long length;
            await using (file.ConfigureAwait(false))
            {
                var guarded = new WriteGuardStream(file, fullPath);
                await write(guarded).ConfigureAwait(false);
                await guarded.FlushAsync(cancellationToken).ConfigureAwait(false);
                length = guarded.BytesWritten;
            }

            try
            {
                File.Move(temporary, fullPath, overwrite: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new OutputFileException(fullPath, exception);
            }

            return length;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover hidden .part file is harmless and says what it is.
        }
    }
}
