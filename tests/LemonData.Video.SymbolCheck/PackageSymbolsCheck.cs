using System;
using System.Collections.Generic;
using System.Linq;

namespace LemonData.Video.SymbolCheck;

/// <summary>
/// The check itself: every PDB of the packages (.snupkg, .nupkg, or embedded in an assembly) is read, matched to its
/// assembly by id, and each of its documents must be reachable by a debugger: embedded, or mapped by SourceLink.
/// </summary>
public static class PackageSymbolsCheck
{
    public static SymbolCheckResult Run(IEnumerable<ShippedPackage> packages, SymbolPolicy policy)
    {
        var reports = new List<PdbReport>();
        var problems = new List<string>();
        foreach (var package in packages)
        {
            CheckPackage(package, policy, reports, problems);
        }

        return new SymbolCheckResult(reports, problems);
    }

    private static void CheckPackage(ShippedPackage package, SymbolPolicy policy, List<PdbReport> reports, List<string> problems)
    {
        if (!package.HasSymbolPackage)
        {
            problems.Add($"{package.Name}: no .snupkg beside it");
        }

        CheckRepository(package, policy, problems);

        var assembliesWithPdb = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pdbEntry in package.Pdbs)
        {
            PdbSources pdb;
            try
            {
                pdb = PdbSources.Read(pdbEntry.Bytes);
            }
            catch (BadImageFormatException e)
            {
                problems.Add($"{pdbEntry.Describe()}: not a portable PDB ({e.Message})");
                continue;
            }

            var assembly = package.AssemblyFor(pdbEntry);
            if (assembly is null)
            {
                problems.Add($"{pdbEntry.Describe()}: the package has no assembly at the same path");
                reports.Add(new PdbReport(pdbEntry.Describe(), pdb, null, MatchesAssembly: false));
                continue;
            }

            assembliesWithPdb.Add(assembly.Path);
            var codeView = AssemblyDebugDirectory.Read(assembly.Bytes).CodeView;
            var matches = codeView.Any(entry => entry.Id == pdb.Id);
            if (!matches)
            {
                problems.Add($"{pdbEntry.Describe()}: its id {pdb.Id} is not the one {assembly.Path} was built with "
                    + $"({(codeView.Count == 0 ? "it names no PDB" : string.Join(", ", codeView.Select(c => c.Id)))})");
            }

            reports.Add(Documents(new PdbReport(pdbEntry.Describe(), pdb, assembly.Path, matches), policy, policy.IsOwn(assembly.Path), problems));
        }

        foreach (var assembly in package.Assemblies)
        {
            var debugDirectory = AssemblyDebugDirectory.Read(assembly.Bytes);
            if (debugDirectory.EmbeddedPdb is { } embedded)
            {
                var location = $"{package.Name} {assembly.Path} (embedded PDB)";
                var matches = debugDirectory.CodeView.Any(entry => entry.Id == embedded.Id);
                if (!matches)
                {
                    problems.Add($"{location}: its id {embedded.Id} is not the one the assembly's CodeView entry names");
                }

                reports.Add(Documents(new PdbReport(location, embedded, assembly.Path, matches), policy, policy.IsOwn(assembly.Path), problems));
                assembliesWithPdb.Add(assembly.Path);
            }

            if (!assembliesWithPdb.Contains(assembly.Path) && policy.IsOwn(assembly.Path))
            {
                problems.Add($"{package.Name} {assembly.Path}: ships no PDB (neither in the packages nor embedded)");
            }
        }
    }

    /// <summary>
    /// Applies the document rules to one PDB, adding what it breaks to <paramref name="problems"/>: reachability and the
    /// embedded texts always, the policy's rules to our own PDBs only.
    /// </summary>
    private static PdbReport Documents(PdbReport report, SymbolPolicy policy, bool own, List<string> problems)
    {
        foreach (var document in report.Unreachable)
        {
            problems.Add($"{report.Location}: {document.Path} is neither embedded nor mapped by SourceLink: no debugger can show it");
        }

        foreach (var document in report.Pdb.Documents.Where(d => d.EmbeddedTextMatches == false))
        {
            problems.Add($"{report.Location}: the embedded text of {document.Path} does not hash to the document's checksum");
        }

        if (!own)
        {
            return report;
        }

        if (policy.RequireEmbedded)
        {
            foreach (var document in report.Pdb.Documents.Where(d => d.Reachable && !d.Embedded))
            {
                problems.Add($"{report.Location}: {document.Path} is not embedded, so no debugger can show it offline");
            }
        }

        if (policy.RepositoryUrl is null)
        {
            if (!report.Pdb.SourceLink.IsEmpty)
            {
                problems.Add($"{report.Location}: carries SourceLink ({string.Join(", ", report.Pdb.SourceLink.Urls)}) although the build was given no repository URL");
            }

            return report;
        }

        if (report.Pdb.SourceLink.IsEmpty)
        {
            problems.Add($"{report.Location}: has no SourceLink although the build was given {policy.RepositoryUrl}");
            return report;
        }

        foreach (var document in report.Pdb.Documents.Where(d => !d.Mapped))
        {
            problems.Add($"{report.Location}: {document.Path} is not mapped by SourceLink");
        }

        var repositoryPath = new Uri(policy.RepositoryUrl).AbsolutePath.TrimEnd('/');
        foreach (var url in report.Pdb.SourceLink.Urls)
        {
            if (!url.Contains(repositoryPath + "/", StringComparison.OrdinalIgnoreCase)
                || (policy.Commit is not null && !url.Contains("/" + policy.Commit + "/", StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"{report.Location}: SourceLink maps to {url}, not into {policy.RepositoryUrl} at {policy.Commit ?? "a commit"}");
            }
        }

        return report;
    }

    private static void CheckRepository(ShippedPackage package, SymbolPolicy policy, List<string> problems)
    {
        var url = (string?)package.Repository?.Attribute("url");
        var commit = (string?)package.Repository?.Attribute("commit");
        if (policy.RepositoryUrl is null)
        {
            if (!string.IsNullOrEmpty(url))
            {
                problems.Add($"{package.Name}: the nuspec names the repository {url} although the build was given none");
            }

            return;
        }

        if (!string.Equals(url?.TrimEnd('/'), policy.RepositoryUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{package.Name}: the nuspec's repository url is '{url}', not {policy.RepositoryUrl}");
        }

        if (string.IsNullOrEmpty(commit) || (policy.Commit is not null && !string.Equals(commit, policy.Commit, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"{package.Name}: the nuspec's repository commit is '{commit}', not {policy.Commit ?? "set"}");
        }
    }
}
