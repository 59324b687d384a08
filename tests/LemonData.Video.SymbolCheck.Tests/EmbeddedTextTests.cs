using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;
using LemonData.Video.SymbolCheck.Tests.Support;

namespace LemonData.Video.SymbolCheck.Tests;

/// <summary>An embedded text is checked against the checksum the compiler wrote for the text it compiled.</summary>
public sealed class EmbeddedTextTests
{
    [Fact]
    public void Embedded_text_whose_checksum_says_another_text_was_compiled_is_a_problem()
    {
        var assembly = TestAssembly.Build(TestAssembly.Sources());

        // Roslyn writes the embedded text and its checksum together, so the test changes the checksum of Poller.cs in
        // place: the embedded text then differs from the text the checksum stands for.
        var pdb = assembly.Pdb!;
        var checksum = ChecksumOf(pdb, "/_/src/Sample/Poller.cs");
        var at = pdb.AsSpan().IndexOf(checksum);
        Assert.True(at > 0, "the checksum of Poller.cs was not found in the PDB");
        pdb[at] ^= 0xFF;
        using var packages = new TestPackages();
        packages.WriteLibrary(assembly with { Pdb = pdb });

        var result = PackageSymbolsCheck.Run(ShippedPackage.FindAll(packages.Directory), SymbolPolicy.Default);

        Assert.Equal(new bool?[] { true, false, true }, Assert.Single(result.Pdbs).Pdb.Documents.Select(d => d.EmbeddedTextMatches).ToArray());
        Assert.Equal(
            "Sample.1.0.0.snupkg lib/net8.0/Sample.pdb: the embedded text of /_/src/Sample/Poller.cs does not hash to the document's checksum",
            Assert.Single(result.Problems));
    }

    private static byte[] ChecksumOf(byte[] pdb, string path)
    {
        using var provider = MetadataReaderProvider.FromPortablePdbImage(ImmutableArray.Create(pdb));
        var reader = provider.GetMetadataReader();
        var document = reader.Documents.Select(reader.GetDocument).Single(d => reader.GetString(d.Name) == path);
        return reader.GetBlobBytes(document.Hash);
    }
}
