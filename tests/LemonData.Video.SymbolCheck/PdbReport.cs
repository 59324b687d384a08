using System.Collections.Generic;
using System.Linq;

namespace LemonData.Video.SymbolCheck;

/// <summary>One shipped PDB: where it is, what it holds, and the assembly it was matched against.</summary>
/// <param name="Location">Package and path of the PDB, or the assembly it is embedded in.</param>
/// <param name="AssemblyLocation">The assembly it belongs to, when the package has one at the same path.</param>
/// <param name="MatchesAssembly">The PDB's id is the one the assembly's CodeView entry names.</param>
public sealed record PdbReport(string Location, PdbSources Pdb, string? AssemblyLocation, bool MatchesAssembly)
{
    public int Documents => Pdb.Documents.Count;

    public int Embedded => Pdb.Documents.Count(d => d.Embedded);

    public int Mapped => Pdb.Documents.Count(d => d.Mapped);

    public IReadOnlyList<PdbDocument> Unreachable => Pdb.Documents.Where(d => !d.Reachable).ToList();

    public override string ToString() =>
        $"{Location}: {Documents} documents, {Embedded} embedded, {Mapped} mapped, {Unreachable.Count} unreachable; "
        + (AssemblyLocation is null
            ? "no assembly"
            : $"id {Pdb.Id} {(MatchesAssembly ? "matches" : "DOES NOT MATCH")} {AssemblyLocation}");
}

/// <summary>Every PDB the packages ship, and every way they fall short.</summary>
public sealed record SymbolCheckResult(IReadOnlyList<PdbReport> Pdbs, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0;

    public string Totals =>
        $"symbols: {Pdbs.Count} PDBs, {Pdbs.Sum(p => p.Documents)} documents, {Pdbs.Sum(p => p.Embedded)} embedded, "
        + $"{Pdbs.Sum(p => p.Mapped)} mapped, {Pdbs.Sum(p => p.Unreachable.Count)} unreachable; {Problems.Count} problems";
}
