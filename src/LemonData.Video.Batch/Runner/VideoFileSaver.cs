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
/// <remarks>
/// The hidden file has one name per target (<c>.&lt;name&gt;.part</c>), opened exclusively: a run killed mid-download leaves
/// it behind, and the next save of that job truncates and reuses it, so crashes leave no litter; two savers of one target
/// at once (never within a run) cannot interleave their bytes, the second fails and the job is saved by a later run.
/// </remarks>
internal sealed class VideoFileSaver
{
    private readonly LemonDataVideoClient _client;

    public VideoFileSaver(LemonDataVideoClient client) => _client = client;

    /// <summary>
    /// Downloads one video into its hidden temporary file. The task's last request ends here; what is left (to the disk,
    /// then the rename) is local work, done by <see cref="PartialVideo.FinishAsync"/> outside the job's slot.
    /// </summary>
    public async Task<PartialVideo> DownloadAsync(string taskId, string url, string path, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path) ?? ".";
        Directory.CreateDirectory(folder);
        var partial = Path.Combine(folder, "." + Path.GetFileName(path) + ".part");
        FileStream file;
        try
        {
            // OpenOrCreate, then truncated once the lock is ours: FileMode.Create would truncate before the lock is tried,
            // under the bytes of a saver that holds it.
            file = new FileStream(partial, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous);
        }
        catch (IOException exception)
        {
            // Perhaps another saver holds it: its file is left alone.
            throw new IOException("The video's temporary file " + partial + " cannot be opened: " + exception.Message, exception);
        }

        var video = new PartialVideo(file, partial, path);
        try
        {
            file.SetLength(0);

            // Seekable on purpose: a download the host cannot continue is rewound and started over, never stitched.
            await _client.DownloadVideoAsync(new VideoOutput(url) { TaskId = taskId }, file, cancellationToken).ConfigureAwait(false);
            return video;
        }
        catch
        {
            await video.AbandonAsync().ConfigureAwait(false);
            throw;
        }
    }
}
