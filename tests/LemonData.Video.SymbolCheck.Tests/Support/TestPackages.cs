using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Security;

namespace LemonData.Video.SymbolCheck.Tests.Support;

/// <summary>A temporary folder of packages laid out as pack writes them: Id.Version.nupkg, and its .snupkg beside it.</summary>
public sealed class TestPackages : IDisposable
{
    public TestPackages()
    {
        Directory = Path.Combine(Path.GetTempPath(), "ldv-symbols-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>
    /// Writes Sample.1.0.0.nupkg with <paramref name="packageFiles"/> and a nuspec (with <c>&lt;repository&gt;</c> when
    /// <paramref name="repositoryUrl"/> or <paramref name="commit"/> is given), and Sample.1.0.0.snupkg with
    /// <paramref name="symbolFiles"/> unless that is null.
    /// </summary>
    public void Write(
        IReadOnlyDictionary<string, byte[]> packageFiles,
        IReadOnlyDictionary<string, byte[]>? symbolFiles,
        string? repositoryUrl = null,
        string? commit = null,
        string id = "Sample")
    {
        var repository = repositoryUrl is null && commit is null
            ? string.Empty
            : $"<repository type=\"git\"{Attribute("url", repositoryUrl)}{Attribute("commit", commit)} />";
        var nuspec = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata><id>{id}</id><version>1.0.0</version>{repository}</metadata>
            </package>
            """;
        WriteZip(Path.Combine(Directory, id + ".1.0.0.nupkg"), packageFiles, id + ".nuspec", nuspec);
        if (symbolFiles is not null)
        {
            WriteZip(Path.Combine(Directory, id + ".1.0.0.snupkg"), symbolFiles, id + ".nuspec", nuspec);
        }
    }

    /// <summary>A package of <paramref name="assembly"/> at lib/net8.0/, its PDB (when not embedded) in the .snupkg.</summary>
    public void WriteLibrary(TestAssembly assembly, string? repositoryUrl = null, string? commit = null, string id = "Sample")
    {
        var symbols = new Dictionary<string, byte[]>();
        if (assembly.Pdb is not null)
        {
            symbols["lib/net8.0/Sample.pdb"] = assembly.Pdb;
        }

        Write(new Dictionary<string, byte[]> { ["lib/net8.0/Sample.dll"] = assembly.Dll }, symbols, repositoryUrl, commit, id);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder: the system cleans it eventually.
        }
    }

    private static string Attribute(string name, string? value) => value is null ? string.Empty : $" {name}=\"{SecurityElement.Escape(value)}\"";

    private static void WriteZip(string path, IReadOnlyDictionary<string, byte[]> files, string nuspecName, string nuspec)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry(nuspecName).Open()))
        {
            writer.Write(nuspec);
        }

        foreach (var (name, bytes) in files)
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(bytes);
        }
    }
}
