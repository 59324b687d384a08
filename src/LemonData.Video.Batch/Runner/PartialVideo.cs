using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Batch;

/// <summary>A video downloaded into its temporary file, not yet on the disk under its name.</summary>
internal sealed class PartialVideo
{
    private readonly FileStream _file;
    private readonly string _partial;
    private readonly string _path;

    public PartialVideo(FileStream file, string partial, string path)
    {
        _file = file;
        _partial = partial;
        _path = path;
    }

    /// <summary>The file it becomes.</summary>
    public string Path => _path;

    /// <summary>Syncs the bytes to the disk, hashes them, and renames the file into place: a file at the target's name is always a whole video.</summary>
    public async Task<VideoJobFile> FinishAsync()
    {
        try
        {
            long length;
            string sha256;
            await using (_file.ConfigureAwait(false))
            {
                await _file.FlushAsync().ConfigureAwait(false);

                // On the disk before the rename makes it the video, or a power cut could leave a named file of zeros.
                _file.Flush(flushToDisk: true);
                length = _file.Length;
                _file.Position = 0;
                sha256 = await SavedFiles.Sha256Async(_file, CancellationToken.None).ConfigureAwait(false);
            }

            File.Move(_partial, _path, overwrite: true);
            return new VideoJobFile(_path, length, sha256);
        }
        finally
        {
            TryDelete(_partial);
        }
    }

    /// <summary>Closes and deletes the temporary file (a download that failed, or a job that will not be finished).</summary>
    public async Task AbandonAsync()
    {
        await _file.DisposeAsync().ConfigureAwait(false);
        TryDelete(_partial);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover hidden .part file is harmless: the next save of this job reuses it.
        }
        catch (System.UnauthorizedAccessException)
        {
        }
    }
}
