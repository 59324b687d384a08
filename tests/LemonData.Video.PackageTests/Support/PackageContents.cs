using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace LemonData.Video.PackageTests.Support;

/// <summary>What a .nupkg holds: its file entries and its nuspec, read as NuGet reads them.</summary>
public sealed class PackageContents
{
    private PackageContents(IReadOnlyList<string> entries, XElement metadata)
    {
        Entries = entries;
        Metadata = metadata;
    }

    public IReadOnlyList<string> Entries { get; }

    public XElement Metadata { get; }

    /// <summary>Dependencies by target framework group, as "id version".</summary>
    public IReadOnlyDictionary<string, string[]> DependenciesByTarget => Metadata.Descendants()
        .Where(e => e.Name.LocalName == "group")
        .ToDictionary(
            group => (string?)group.Attribute("targetFramework") ?? "(any)",
            group => group.Elements().Where(e => e.Name.LocalName == "dependency")
                .Select(d => (string)d.Attribute("id")! + " " + (string)d.Attribute("version")!)
                .OrderBy(d => d, StringComparer.Ordinal)
                .ToArray());

    public string? Element(string name) => Metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

    public XElement? ElementNode(string name) => Metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);

    public static PackageContents Open(string path)
    {
        using var package = ZipFile.OpenRead(path);
        var entries = package.Entries.Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        var nuspecEntry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase) && !e.FullName.Contains('/'));
        using var stream = nuspecEntry.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        return new PackageContents(entries, metadata);
    }

    public static IReadOnlyList<string> EntriesOf(string path)
    {
        using var package = ZipFile.OpenRead(path);
        return package.Entries.Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
    }

    public static string ReadText(string path, string entry)
    {
        using var package = ZipFile.OpenRead(path);
        using var reader = new StreamReader(package.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }
}
