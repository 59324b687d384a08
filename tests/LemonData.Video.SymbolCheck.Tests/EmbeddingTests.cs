using System.Linq;
using LemonData.Video.SymbolCheck.Tests.Support;

namespace LemonData.Video.SymbolCheck.Tests;

/// <summary>
/// Whether a debugger can reach each document: embedded in the PDB, or mapped by its SourceLink. The acceptance of
/// issue 16 ("the check fails when one document is removed from the embedding") is the second test.
/// </summary>
public sealed class EmbeddingTests
{
    private const string Repository = "https://github.com/lemondata/lemondata-video";
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public void A_pdb_with_every_document_embedded_passes()
    {
        using var packages = new TestPackages();
        packages.WriteLibrary(TestAssembly.Build(TestAssembly.Sources()));

        var result = Check(packages, SymbolPolicy.Default with { RequireEmbedded = true });

        Assert.True(result.Passed, string.Join("\n", result.Problems));
        var pdb = Assert.Single(result.Pdbs);
        Assert.Equal((3, 3, 0, 0), (pdb.Documents, pdb.Embedded, pdb.Mapped, pdb.Unreachable.Count));
        Assert.True(pdb.MatchesAssembly);
        Assert.All(pdb.Pdb.Documents, d => Assert.True(d.EmbeddedTextMatches));
    }

    [Fact]
    public void A_document_removed_from_the_embedding_is_unreachable_and_fails_the_check()
    {
        using var packages = new TestPackages();
        packages.WriteLibrary(TestAssembly.Build(TestAssembly.Sources(notEmbedded: "Poller.cs")));

        var result = Check(packages, SymbolPolicy.Default);

        Assert.False(result.Passed);
        var pdb = Assert.Single(result.Pdbs);
        Assert.Equal((3, 2, 0), (pdb.Documents, pdb.Embedded, pdb.Mapped));
        Assert.Equal("/_/src/Sample/Poller.cs", Assert.Single(pdb.Unreachable).Path);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("/_/src/Sample/Poller.cs is neither embedded nor mapped by SourceLink", problem);
        Assert.StartsWith("Sample.1.0.0.snupkg lib/net8.0/Sample.pdb", problem);
    }

    [Fact]
    public void A_document_that_is_not_embedded_but_mapped_by_SourceLink_is_reachable()
    {
        using var packages = new TestPackages();
        var sourceLink = TestAssembly.GitHubSourceLink("lemondata/lemondata-video", Commit);
        packages.WriteLibrary(TestAssembly.Build(TestAssembly.Sources(notEmbedded: "Poller.cs"), sourceLink), Repository, Commit);

        var result = Check(packages, SymbolPolicy.Default with { RepositoryUrl = Repository, Commit = Commit });

        Assert.True(result.Passed, string.Join("\n", result.Problems));
        var pdb = Assert.Single(result.Pdbs);
        Assert.Equal((3, 2, 3, 0), (pdb.Documents, pdb.Embedded, pdb.Mapped, pdb.Unreachable.Count));
        Assert.Equal(
            "https://raw.githubusercontent.com/lemondata/lemondata-video/" + Commit + "/src/Sample/Poller.cs",
            pdb.Pdb.Documents.Single(d => d.Path.EndsWith("Poller.cs", System.StringComparison.Ordinal)).SourceLinkUrl);
    }

    [Fact]
    public void Requiring_embedded_sources_fails_a_document_that_only_SourceLink_reaches()
    {
        using var packages = new TestPackages();
        var sourceLink = TestAssembly.GitHubSourceLink("lemondata/lemondata-video", Commit);
        packages.WriteLibrary(TestAssembly.Build(TestAssembly.Sources(notEmbedded: "Client.cs"), sourceLink), Repository, Commit);

        var result = Check(packages, new SymbolPolicy(Repository, Commit, RequireEmbedded: true, new[] { "Sample" }));

        var problem = Assert.Single(result.Problems);
        Assert.Contains("/_/src/Sample/Client.cs is not embedded, so no debugger can show it offline", problem);
    }

    [Fact]
    public void A_pdb_embedded_in_its_assembly_is_checked_like_a_standalone_one()
    {
        using var packages = new TestPackages();
        packages.WriteLibrary(TestAssembly.Build(TestAssembly.Sources(notEmbedded: "Generated/Contracts.g.cs"), embedPdb: true));

        var result = Check(packages, SymbolPolicy.Default);

        var pdb = Assert.Single(result.Pdbs);
        Assert.Equal("Sample.1.0.0.nupkg lib/net8.0/Sample.dll (embedded PDB)", pdb.Location);
        Assert.True(pdb.MatchesAssembly);
        Assert.Equal("/_/src/Sample/Generated/Contracts.g.cs", Assert.Single(pdb.Unreachable).Path);
        Assert.Contains(result.Problems, p => p.Contains("Contracts.g.cs is neither embedded nor mapped", System.StringComparison.Ordinal));
    }

    private static SymbolCheckResult Check(TestPackages packages, SymbolPolicy policy) =>
        PackageSymbolsCheck.Run(ShippedPackage.FindAll(packages.Directory), policy);
}
