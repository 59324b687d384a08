using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace LemonData.Video.SymbolCheck;

/// <summary>
/// The SourceLink JSON of a PDB (<c>{"documents": {"/_/*": "https://raw.githubusercontent.com/o/r/sha/*"}}</c>), matched as
/// debuggers match it (dotnet/designs, accepted/2020/diagnostics/source-link.md): paths compare case-insensitively, a key
/// may end with one '*' that stands for the rest of the path, and the most specific key wins.
/// </summary>
public sealed class SourceLinkMap
{
    private readonly IReadOnlyList<KeyValuePair<string, string>> entries;

    private SourceLinkMap(IReadOnlyList<KeyValuePair<string, string>> entries) => this.entries = entries;

    /// <summary>A PDB without SourceLink.</summary>
    public static SourceLinkMap None { get; } = new(Array.Empty<KeyValuePair<string, string>>());

    public bool IsEmpty => entries.Count == 0;

    public IEnumerable<string> Urls => entries.Select(e => e.Value);

    public static SourceLinkMap Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("documents", out var documents) || documents.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("The SourceLink JSON has no \"documents\" object: " + json);
        }

        var entries = documents.EnumerateObject()
            .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString() ?? string.Empty))
            // Exact paths before wildcards, then the longest prefix first: "most specific to least specific".
            .OrderBy(e => e.Key.EndsWith('*') ? 1 : 0)
            .ThenByDescending(e => e.Key.Length)
            .ToList();
        return new SourceLinkMap(entries);
    }

    /// <summary>The URL a debugger would download <paramref name="documentPath"/> from, or null when no entry maps it.</summary>
    public string? Map(string documentPath)
    {
        foreach (var (key, url) in entries)
        {
            if (!key.EndsWith('*'))
            {
                if (string.Equals(key, documentPath, StringComparison.OrdinalIgnoreCase))
                {
                    return url;
                }

                continue;
            }

            var prefix = key[..^1];
            if (documentPath.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                // The rest of a Windows path goes into the URL with '/' separators.
                var rest = documentPath[prefix.Length..].Replace('\\', '/');
                return url.Replace("*", rest, StringComparison.Ordinal);
            }
        }

        return null;
    }
}
