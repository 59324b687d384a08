using System;

namespace LemonData.Video.Cli.Output;

/// <summary>
/// The video could not be written to <c>--out</c>. Deliberately not an <see cref="System.IO.IOException"/>:
/// the SDK reads those as a broken download, and this is the local disk, not the network (exit code 5).
/// </summary>
internal sealed class OutputFileException : Exception
{
    public OutputFileException(string path, Exception innerException)
        : base("Could not write the video to '" + path + "': " + innerException.Message, innerException)
    {
        Path = path;
    }

    public string Path { get; }
}
