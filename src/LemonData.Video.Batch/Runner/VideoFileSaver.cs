using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Batch;

/// <summary>
/// Saves one video through the client's own download (which continues a cut transfer where the host allows it) into a
/// hidden file beside the target, flushed to disk, then renamed over the target: a file at the target's name is always a
/// whole video, whatever instant the process dies at.
/// </summary>
internal sealed class VideoFileSaver
{
    private readonly LemonDataVideoClient _client;

    public VideoFileSaver(LemonDataVideoClient client) => _client = client;

    public async Task<VideoJobFile> SaveAsync(string taskId, string url, string path, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path) ?? ".";
        Directory.CreateDirectory(folder);
        var partial = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".part");
        try
        {
            long length;
            string sha256;
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                // Seekable on purpose: a download the host cannot continue is rewound and started over, never stitched.
                await _client.DownloadVideoAsync(new VideoOutput(url) { TaskId = taskId }, file, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);

                // On the disk before the rename makes it the video, or a power cut could leave a named file of zeros.
                file.Flush(flushToDisk: true);
                length = file.Length;
                file.Position = 0;
                sha256 = await SavedFiles.Sha256Async(file, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, path, overwrite: true);
            return new VideoJobFile(path, length, sha256);
        }
        finally
        {
            TryDelete(partial);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover hidden .part file is harmless: the next save of this job writes a new one.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
