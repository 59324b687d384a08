using System;
using System.Collections.Generic;
using System.Linq;

namespace LemonData.Video.SymbolCheck;

/// <summary>What the packages must hold beyond the one rule that always applies (no document a debugger cannot reach).</summary>
/// <param name="RepositoryUrl">
/// The public URL the build was given (LemonDataRepositoryUrl). When set, every PDB must map every document with
/// SourceLink into that repository, and every nuspec must name it. When null, no PDB may carry SourceLink and no nuspec a
/// repository URL: anything there would have been guessed from the clone.
/// </param>
/// <param name="Commit">The commit the packages were built from; when set, SourceLink and the nuspecs must name it.</param>
/// <param name="RequireEmbedded">Every document must also be embedded (reachable offline), mapped or not.</param>
/// <param name="OwnAssemblyPrefixes">
/// Assemblies whose file name starts with one of these are ours: each must ship a PDB, and the rules above apply to
/// their PDBs. Any other assembly (a dependency a tool package carries, with the PDB its authors embedded) is held to
/// the one rule only. Empty: every assembly is ours.
/// </param>
public sealed record SymbolPolicy(
    string? RepositoryUrl,
    string? Commit,
    bool RequireEmbedded,
    IReadOnlyList<string> OwnAssemblyPrefixes)
{
    public static SymbolPolicy Default { get; } = new(null, null, RequireEmbedded: false, Array.Empty<string>());

    public bool IsOwn(string assemblyPath)
    {
        var fileName = System.IO.Path.GetFileName(assemblyPath);
        return OwnAssemblyPrefixes.Count == 0
            || OwnAssemblyPrefixes.Any(prefix => fileName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }
}
