using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace LemonData.Video.SymbolCheck.Tests.Support;

/// <summary>One source file of a test assembly, at the path its PDB will name it by, and whether the PDB embeds it.</summary>
public sealed record TestSource(string Path, string Text, bool Embedded = true);

/// <summary>An assembly and its PDB, compiled by Roslyn as the SDK compiles ours.</summary>
public sealed record TestAssembly(byte[] Dll, byte[]? Pdb)
{
    /// <summary>Three small files under /_/src/Sample/, all embedded unless <paramref name="notEmbedded"/> names one.</summary>
    public static IReadOnlyList<TestSource> Sources(string? notEmbedded = null, string marker = "") =>
        new[] { "Client.cs", "Poller.cs", "Generated/Contracts.g.cs" }
            .Select((name, i) => new TestSource(
                "/_/src/Sample/" + name,
                $"namespace Sample {{ public static class Type{i} {{ public static int Value() => {i}; /* {marker} */ }} }}\n",
                Embedded: name != notEmbedded))
            .ToList();

    /// <summary>
    /// Compiles <paramref name="sources"/> into Sample.dll with a portable PDB beside it, or inside it when
    /// <paramref name="embedPdb"/>; <paramref name="sourceLinkJson"/> is written into the PDB as SourceLink.
    /// </summary>
    public static TestAssembly Build(IReadOnlyList<TestSource> sources, string? sourceLinkJson = null, bool embedPdb = false)
    {
        // A SourceText needs its encoding to be embedded, and to have the checksum the compiler writes for it.
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text, Encoding.UTF8), path: s.Path)).ToList();
        var compilation = CSharpCompilation.Create(
            "Sample",
            trees,
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, deterministic: true));
        var embedded = sources.Where(s => s.Embedded).Select(s => EmbeddedText.FromSource(s.Path, SourceText.From(s.Text, Encoding.UTF8)));

        using var dll = new MemoryStream();
        using var pdb = new MemoryStream();
        using var sourceLink = sourceLinkJson is null ? null : new MemoryStream(Encoding.UTF8.GetBytes(sourceLinkJson));
        var result = compilation.Emit(
            dll,
            embedPdb ? null : pdb,
            embeddedTexts: embedded,
            sourceLinkStream: sourceLink,
            options: new EmitOptions(
                debugInformationFormat: embedPdb ? DebugInformationFormat.Embedded : DebugInformationFormat.PortablePdb,
                pdbFilePath: "Sample.pdb"));
        if (!result.Success)
        {
            throw new InvalidOperationException("The test assembly did not compile: " + string.Join(Environment.NewLine, result.Diagnostics));
        }

        return new TestAssembly(dll.ToArray(), embedPdb ? null : pdb.ToArray());
    }

    /// <summary>A SourceLink map of /_/ into <paramref name="repositoryPath"/> (owner/name) at <paramref name="commit"/>, as GitHub's provider writes it.</summary>
    public static string GitHubSourceLink(string repositoryPath, string commit) =>
        "{\"documents\":{\"/_/*\":\"https://raw.githubusercontent.com/" + repositoryPath + "/" + commit + "/*\"}}";
}
