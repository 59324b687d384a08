using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace LemonData.Video;

public sealed partial class VideoModelCatalog
{
    /// <summary>The file name the tool writes and the analyzer reads from a project's folder.</summary>
    public const string DefaultFileName = "lemondata-models.json";

    /// <summary>
    /// Reads a catalog file (<c>lemondata-models.json</c>, format <c>lemondata-video-models/1</c>) over the snapshot:
    /// each entry of the file replaces the snapshot's model with the same id, or adds a model.
    /// </summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The snapshot extended by the file.</returns>
    /// <exception cref="VideoModelCatalogException">The file is not valid JSON, has an unknown <c>format</c>, or an entry that cannot be read; the message names the file, the line and the field.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static VideoModelCatalog Load(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads a catalog file from <paramref name="json"/> (UTF-8 or with a byte order mark); see <see cref="Load(string)"/>.</summary>
    /// <param name="json">The file's content. It is read to its end and not closed.</param>
    /// <returns>The snapshot extended by the file.</returns>
    /// <exception cref="VideoModelCatalogException">The content is not a valid catalog file; the message names the line and the field.</exception>
    public static VideoModelCatalog Load(Stream json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        using var reader = new StreamReader(json, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: true);
        return Parse(reader.ReadToEnd(), DefaultFileName);
    }

    /// <summary>
    /// Writes <paramref name="models"/> as a catalog file: sorted by id, one member order, lists on one line each, so that
    /// a file synced again differs only where the service changed. Lists that are unknown are left out.
    /// </summary>
    /// <param name="destination">Where the UTF-8 text goes (not closed).</param>
    /// <param name="models">The models to write, usually the service's (<c>ListVideoModelsAsync</c>).</param>
    /// <param name="source">Where the models come from (the endpoint), or null.</param>
    /// <param name="syncedAt">When they were read, or null.</param>
    public static void WriteFile(Stream destination, IEnumerable<VideoModelInfo> models, string? source = null, DateTimeOffset? syncedAt = null)
    {
        if (destination is null)
        {
            throw new ArgumentNullException(nameof(destination));
        }

        if (models is null)
        {
            throw new ArgumentNullException(nameof(models));
        }

        var bytes = new UTF8Encoding(false).GetBytes(CatalogFileWriter.Write(models, source, syncedAt));
        destination.Write(bytes, 0, bytes.Length);
    }

    private static VideoModelCatalog Parse(string text, string fileName)
    {
        var content = CatalogFileReader.Read(text);
        if (content.Problems.Count > 0)
        {
            var first = content.Problems[0];
            var more = content.Problems.Count > 1 ? " (and " + (content.Problems.Count - 1) + " more problem" + (content.Problems.Count > 2 ? "s" : string.Empty) + ")" : string.Empty;
            throw new VideoModelCatalogException(first.Describe(fileName) + more, first.Line, first.Field);
        }

        return FromFile(content);
    }
}
