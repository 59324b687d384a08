using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LemonData.Video.Analyzers.Configuration;

/// <summary>
/// The catalog file of one compilation, <c>lemondata-models.json</c>: an AdditionalFile that the package's build targets add
/// from the project folder (or from <c>$(LemonDataVideoModelsFile)</c>) with the metadata <c>LemonDataVideoModels</c>, else
/// an AdditionalFile of that name. Its entries extend the snapshot and replace a snapshot entry with the same id; what it
/// cannot be read for is reported as LDV0016, at its line.
/// </summary>
/// <remarks>
/// Read once per content, not per compilation: the IDE makes a compilation per keystroke, and each one finds the file's
/// text again (the same <see cref="SourceText"/> while the file is unchanged), so the parse and the catalog built from it
/// are shared through a small cache keyed by the text's checksum. An edit of the file is a new text, a new checksum and
/// a new parse: the rules follow the file without a restart.
/// </remarks>
internal sealed class ModelsFile
{
    /// <summary>The file's name, which the package's targets add by default and the fallback looks for.</summary>
    public const string FileName = "lemondata-models.json";

    /// <summary>The item metadata the package's targets set on the file, as the compiler hands it to analyzers.</summary>
    public const string MetadataKey = "build_metadata.AdditionalFiles.LemonDataVideoModels";

    // A few files (one per project, a few versions of each in an IDE session): emptied, not grown, should they keep changing.
    private const int MaxCachedContents = 16;
    private static readonly ConcurrentDictionary<string, Parsed> Cache = new(StringComparer.Ordinal);

    private ModelsFile(AdditionalText? file, SourceText? text, Parsed parsed)
    {
        File = file;
        Text = text;
        Content = parsed.Content;
        Catalog = parsed.Catalog;
        Lists = parsed.Lists;
    }

    /// <summary>No catalog file: the snapshot alone, which has no model lists.</summary>
    public static ModelsFile None { get; } = new(null, null, new Parsed(null, VideoModelCatalog.Snapshot, ContractLists.None));

    /// <summary>The file read, or null when the compilation has none.</summary>
    public AdditionalText? File { get; }

    /// <summary>The text it was read from.</summary>
    public SourceText? Text { get; }

    /// <summary>What the file holds (its usable entries and its problems), or null without a file.</summary>
    public CatalogFileContent? Content { get; }

    /// <summary>The snapshot extended by the file's entries; the snapshot alone when there is no file or it cannot be used.</summary>
    public VideoModelCatalog Catalog { get; }

    /// <summary>The lists of a model's contract that some model of <see cref="Catalog"/> has.</summary>
    public ContractLists Lists { get; }

    /// <summary>The catalog file among <paramref name="options"/>' AdditionalFiles, read; <see cref="None"/> when there is none.</summary>
    public static ModelsFile Find(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var file = Select(options);
        if (file?.GetText(cancellationToken) is not { } text)
        {
            return None;
        }

        return new ModelsFile(file, text, Read(text));
    }

    /// <summary>
    /// Whether <paramref name="file"/>, one of <paramref name="files"/>, is this compilation's catalog file: the very one
    /// read, or one with its path when the host hands copies; never a second item of the same path beside the one read,
    /// so that each problem is reported once.
    /// </summary>
    public bool Is(AdditionalText file, ImmutableArray<AdditionalText> files)
    {
        if (File is null)
        {
            return false;
        }

        if (ReferenceEquals(file, File))
        {
            return true;
        }

        return string.Equals(file.Path, File.Path, StringComparison.Ordinal) && !files.Contains(File) && ReferenceEquals(FirstWithPath(files, File.Path), file);
    }

    /// <summary>
    /// Where a problem at <paramref name="line"/> (1-based, as the reader counts) is shown: that line of the file, without
    /// its indentation. Lines past the end (a truncated file) point at the last line.
    /// </summary>
    public Location LocationOf(int line)
    {
        var text = Text!;
        var index = Math.Max(0, Math.Min(line - 1, text.Lines.Count - 1));
        var span = text.Lines[index].Span;
        var start = span.Start;
        while (start < span.End && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var shown = start < span.End ? TextSpan.FromBounds(start, span.End) : span;
        return Location.Create(File!.Path, shown, text.Lines.GetLinePositionSpan(shown));
    }

    /// <summary>The parse of <paramref name="text"/>, shared by every compilation that sees the same content.</summary>
    private static Parsed Read(SourceText text)
    {
        var key = KeyOf(text);
        if (Cache.TryGetValue(key, out var parsed))
        {
            return parsed;
        }

        if (Cache.Count >= MaxCachedContents)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd(key, _ => Parse(text));
    }

    private static Parsed Parse(SourceText text)
    {
        var content = CatalogFileReader.Read(text.ToString());
        var catalog = VideoModelCatalog.FromFile(content);
        return new Parsed(content, catalog, ContractListsOf.Models(catalog.Models));
    }

    // The checksum is computed once per text (the SourceText keeps it), with its algorithm and the length beside it.
    private static string KeyOf(SourceText text)
    {
        var checksum = text.GetChecksum();
        var key = new StringBuilder(checksum.Length * 2 + 16);
        key.Append(((int)text.ChecksumAlgorithm).ToString(CultureInfo.InvariantCulture)).Append(':')
            .Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(':');
        foreach (var b in checksum)
        {
            key.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return key.ToString();
    }

    private static AdditionalText? Select(AnalyzerOptions options)
    {
        AdditionalText? named = null;
        foreach (var file in options.AdditionalFiles)
        {
            if (options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(MetadataKey, out var marked)
                && string.Equals(marked.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                return file;
            }

            if (named is null && string.Equals(FileNameOf(file.Path), FileName, StringComparison.Ordinal))
            {
                named = file;
            }
        }

        return named;
    }

    private static AdditionalText? FirstWithPath(ImmutableArray<AdditionalText> files, string path)
    {
        foreach (var file in files)
        {
            if (string.Equals(file.Path, path, StringComparison.Ordinal))
            {
                return file;
            }
        }

        return null;
    }

    // Either separator, whatever the host's: a path written on Windows may be analyzed elsewhere (a test, a remote build).
    private static string FileNameOf(string path)
    {
        var separator = path.LastIndexOfAny(new[] { '/', '\\' });
        return separator < 0 ? path : path.Substring(separator + 1);
    }

    private sealed class Parsed
    {
        public Parsed(CatalogFileContent? content, VideoModelCatalog catalog, ContractLists lists)
        {
            Content = content;
            Catalog = catalog;
            Lists = lists;
        }

        public CatalogFileContent? Content { get; }

        public VideoModelCatalog Catalog { get; }

        public ContractLists Lists { get; }
    }
}
