using System;

namespace LemonData.Video.Batch;

/// <summary>A file a job saved: where, how long, and its SHA-256, so a later run can tell it is still the file it wrote.</summary>
public sealed class VideoJobFile
{
    /// <summary>Describes a saved file.</summary>
    /// <param name="path">The file's path, as written.</param>
    /// <param name="bytes">Its length.</param>
    /// <param name="sha256">Its SHA-256, lowercase hex.</param>
    public VideoJobFile(string path, long bytes, string sha256)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Bytes = bytes;
        Sha256 = sha256 ?? throw new ArgumentNullException(nameof(sha256));
    }

    /// <summary>The file's path, as written.</summary>
    public string Path { get; }

    /// <summary>The file's length in bytes.</summary>
    public long Bytes { get; }

    /// <summary>The file's SHA-256, lowercase hex.</summary>
    public string Sha256 { get; }

    /// <inheritdoc />
    public override string ToString() => Path + " (" + Bytes + " bytes, sha256 " + Sha256 + ")";
}
