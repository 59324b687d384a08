using System.IO;

namespace LemonData.Video.Cli.Output;

/// <summary>One video written to disk: the path as the user reads it (from <c>--out</c>) and its size.</summary>
internal sealed record SavedVideo(string Path, long Bytes)
{
    /// <summary>
    /// Where output <paramref name="index"/> (0-based) of a task goes when <c>--out</c> is <paramref name="outPath"/>:
    /// the first at <c>cat.mp4</c> itself, the next ones beside it as <c>cat-2.mp4</c>, <c>cat-3.mp4</c>, ...
    /// </summary>
    public static string PathFor(string outPath, int index)
    {
        if (index == 0)
        {
            return outPath;
        }

        // Only the file name's extension: a dot in a folder name ("v1.2/cat") is not one.
        var extension = System.IO.Path.GetExtension(outPath);
        var stem = outPath.Substring(0, outPath.Length - extension.Length);
        return stem + "-" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + extension;
    }
}
