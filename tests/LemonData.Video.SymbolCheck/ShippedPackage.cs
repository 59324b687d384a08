using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace LemonData.Video.SymbolCheck;

/// <summary>A file inside a package: which package, where in it, and its bytes.</summary>
public sealed record PackageEntry(string PackageFileName, string Path, byte[] Bytes)
{
    public string Describe() => PackageFileName + " " + Path;
}

/// <summary>
/// A package as it ships: the .nupkg, and the .snupkg beside it when there is one. Only what the check reads is kept:
/// assemblies, PDBs and the nuspec's &lt;repository&gt; element.
/// </summary>
public sealed class ShippedPackage
{
    private static readonly string[] AssemblyExtensions = { ".dll", ".exe" };

    private ShippedPackage(string name, IReadOnlyList<PackageEntry> assemblies, IReadOnlyList<PackageEntry> pdbs, XElement? repository, bool hasSymbolPackage)
    {
        Name = name;
        Assemblies = assemblies;
        Pdbs = pdbs;
        Repository = repository;
        HasSymbolPackage = hasSymbolPackage;
    }

    /// <summary>The .nupkg's file name.</summary>
    public string Name { get; }

    public IReadOnlyList<PackageEntry> Assemblies { get; }

    /// <summary>Every .pdb of the .snupkg, and of the .nupkg itself (a tool package carries its PDBs beside its assemblies).</summary>
    public IReadOnlyList<PackageEntry> Pdbs { get; }

    /// <summary>The nuspec's &lt;repository&gt; element, if any.</summary>
    public XElement? Repository { get; }

    public bool HasSymbolPackage { get; }

    /// <summary>Every .nupkg of <paramref name="directory"/> (the legacy .symbols.nupkg aside), each with its .snupkg.</summary>
    public static IReadOnlyList<ShippedPackage> FindAll(string directory) =>
        Directory.GetFiles(directory, "*.nupkg")
            .Where(path => !path.EndsWith(".symbols.nupkg", StringComparison.OrdinalIgnoreCase))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(Open)
            .ToList();

    public static ShippedPackage Open(string nupkgPath)
    {
        var assemblies = new List<PackageEntry>();
        var pdbs = new List<PackageEntry>();
        XElement? repository;
        using (var package = ZipFile.OpenRead(nupkgPath))
        {
            assemblies.AddRange(Read(package, nupkgPath, path => AssemblyExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase)));
            pdbs.AddRange(Read(package, nupkgPath, IsPdb));
            repository = ReadRepository(package);
        }

        var snupkgPath = Path.ChangeExtension(nupkgPath, ".snupkg");
        var hasSymbolPackage = File.Exists(snupkgPath);
        if (hasSymbolPackage)
        {
            using var symbols = ZipFile.OpenRead(snupkgPath);
            pdbs.AddRange(Read(symbols, snupkgPath, IsPdb));
        }

        return new ShippedPackage(Path.GetFileName(nupkgPath), assemblies, pdbs, repository, hasSymbolPackage);
    }

    /// <summary>The assembly a PDB belongs to: the one at the same path in the .nupkg, with .dll or .exe for .pdb.</summary>
    public PackageEntry? AssemblyFor(PackageEntry pdb)
    {
        var stem = pdb.Path[..^".pdb".Length];
        return Assemblies.FirstOrDefault(a => AssemblyExtensions.Any(e => string.Equals(a.Path, stem + e, StringComparison.OrdinalIgnoreCase)));
    }

    private static bool IsPdb(string path) => path.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<PackageEntry> Read(ZipArchive package, string packagePath, Func<string, bool> include)
    {
        foreach (var entry in package.Entries.Where(e => include(e.FullName)).OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            using var stream = entry.Open();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            yield return new PackageEntry(Path.GetFileName(packagePath), entry.FullName, bytes.ToArray());
        }
    }

    private static XElement? ReadRepository(ZipArchive package)
    {
        var nuspec = package.Entries.SingleOrDefault(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        if (nuspec is null)
        {
            return null;
        }

        using var stream = nuspec.Open();
        return XDocument.Load(stream).Descendants().FirstOrDefault(e => e.Name.LocalName == "repository");
    }
}
