using System;

namespace LemonData.Video.Batch;

/// <summary>One paid video of a batch: what to ask for, and where to save it. Its <see cref="Key"/> is what the ledger knows it by.</summary>
public sealed class VideoJob
{
    /// <summary>Creates a job.</summary>
    /// <param name="key">The job's key, unique in the ledger: the same key in a later run is the same job (never created twice).</param>
    /// <param name="request">The video to create.</param>
    /// <param name="outputPath">The file to save the video to (a task with several videos also writes <c>name-2.mp4</c>, ...).</param>
    /// <exception cref="ArgumentException">The key or the output path is empty.</exception>
    public VideoJob(string key, VideoGenerationRequest request, string outputPath)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException("A job needs a key: it is how the ledger recognises the job in a later run.", nameof(key));
        }

        if (string.IsNullOrWhiteSpace(outputPath))
        {
            throw new ArgumentException("Job '" + key + "' needs an output path.", nameof(outputPath));
        }

        Key = key;
        Request = request ?? throw new ArgumentNullException(nameof(request));
        OutputPath = outputPath;
    }

    /// <summary>The job's key, unique in the ledger.</summary>
    public string Key { get; }

    /// <summary>The video to create.</summary>
    public VideoGenerationRequest Request { get; }

    /// <summary>The file the video is saved to.</summary>
    public string OutputPath { get; }

    /// <inheritdoc />
    public override string ToString() => Key + " -> " + OutputPath;
}
