using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Batch;

/// <summary>Where a job's videos go, and whether the files a ledger recorded are still the ones written.</summary>
internal static class SavedFiles
{
    /// <summary>
    /// The file of output <paramref name="index"/> (0-based): the job's own path for the first, then <c>name-2.ext</c>,
    /// <c>name-3.ext</c>, ... beside it, as the command-line tool names a task's several videos.
    /// </summary>
    public static string PathFor(string outputPath, int index)
    {
        var full = Path.GetFullPath(outputPath);
        if (index == 0)
        {
            return full;
        }

        var folder = Path.GetDirectoryName(full) ?? string.Empty;
        return Path.Combine(folder, Path.GetFileNameWithoutExtension(full) + "-" + (index + 1).ToString(CultureInfo.InvariantCulture) + Path.GetExtension(full));
    }

    /// <summary>True when every file recorded is on disk with its recorded length and SHA-256.</summary>
    public static async Task<bool> AreIntactAsync(VideoJobRecord job, CancellationToken cancellationToken)
    {
        if (job.Files.Count == 0)
        {
            return false;
        }

        foreach (var file in job.Files)
        {
            var info = new FileInfo(file.Path);
            if (!info.Exists || info.Length != file.Bytes)
            {
                return false;
            }

            await using var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            if (!string.Equals(await Sha256Async(stream, cancellationToken).ConfigureAwait(false), file.Sha256, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public static async Task<string> Sha256Async(Stream stream, CancellationToken cancellationToken) =>
        Convert.ToHexString(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false)).ToLowerInvariant();
}
