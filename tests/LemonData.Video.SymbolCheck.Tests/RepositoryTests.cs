using LemonData.Video.SymbolCheck.Tests.Support;

namespace LemonData.Video.SymbolCheck.Tests;

/// <summary>
/// SourceLink and the nuspec's &lt;repository&gt; say exactly what the build was told (LemonDataRepositoryUrl), or
/// nothing: never a URL the build could only have guessed from the clone.
/// </summary>
public sealed class RepositoryTests
{
    private const string Repository = "https://github.com/lemondata/lemondata-video";
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public void Without_a_repository_url_a_SourceLink_map_or_a_nuspec_url_fails()
    {
        using var packages = new TestPackages();
        var sourceLink = TestAssembly.GitHubSourceLink("someone/a-fork", Commit);
        packages.WriteLibrary(TestAssembly.Build(TestAssembly.Sources(), sourceLink), "https://github.com/someone/a-fork", Commit);

        var result = Check(packages, SymbolPolicy.Default);

        Assert.Equal(2, result.Problems.Count);
        Assert.Contains(result.Problems, p => p.EndsWith("carries SourceLink (https://raw.githubusercontent.com/someone/a-fork/" + Commit + "/*) although the build was given no repository URL", System.StringComparison.Ordinal));
        Assert.Contains("Sample.1.0.0.nupkg: the nuspec names the repository https://github.com/someone/a-fork although the build was given none", result.Problems);
    }

    [Fact]
    public void Without_a_repository_url_a_commit_alone_in_the_nuspec_passes()
    {
        using var packages = new TestPackages();
        packages.WriteLibrary(TestAssembly.Build(TestAssembly.Sources()), repositoryUrl: null, commit: Commit);

        var result = Check(packages, SymbolPolicy.Default);

        Assert.True(result.Passed, string.Join("\n", result.Problems));
    }

    [Fact]
    public void With_a_repository_url_every_document_maps_into_it_at_the_commit_and_the_nuspec_names_both()
    {
        using var packages = new TestPackages();
        var sourceLink = TestAssembly.GitHubSourceLink("lemondata/lemondata-video", Commit);
        packages.WriteLibrary(TestAssembly.Build(TestAssembly.Sources(), sourceLink), Repository, Commit);

        var result = Check(packages, new SymbolPolicy(Repository, Commit, RequireEmbedded: true, new[] { "Sample" }));

        Assert.True(result.Passed, string.Join("\n", result.Problems));
        var pdb = Assert.Single(result.Pdbs);
        Assert.Equal((3, 3, 3, 0), (pdb.Documents, pdb.Embedded, pdb.Mapped, pdb.Unreachable.Count));
    }

    [Fact]
    public void With_a_repository_url_a_pdb_without_SourceLink_fails()
    {
        using var packages = new TestPackages();
        packages.WriteLibrary(TestAssembly.Build(TestAssembly.Sources()), Repository, Commit);

        var result = Check(packages, SymbolPolicy.Default with { RepositoryUrl = Repository, Commit = Commit });

        var problem = Assert.Single(result.Problems);
        Assert.EndsWith("has no SourceLink although the build was given " + Repository, problem);
    }

    [Fact]
    public void With_a_repository_url_SourceLink_into_another_repository_or_commit_and_a_nuspec_without_them_fail()
    {
        using var packages = new TestPackages();
        var sourceLink = TestAssembly.GitHubSourceLink("someone/a-fork", "fedcba9876543210fedcba9876543210fedcba98");
        packages.WriteLibrary(TestAssembly.Build(TestAssembly.Sources(), sourceLink));

        var result = Check(packages, SymbolPolicy.Default with { RepositoryUrl = Repository, Commit = Commit });

        Assert.Equal(3, result.Problems.Count);
        Assert.Contains(result.Problems, p => p.Contains("SourceLink maps to https://raw.githubusercontent.com/someone/a-fork/", System.StringComparison.Ordinal));
        Assert.Contains("Sample.1.0.0.nupkg: the nuspec's repository url is '', not " + Repository, result.Problems);
        Assert.Contains("Sample.1.0.0.nupkg: the nuspec's repository commit is '', not " + Commit, result.Problems);
    }

    private static SymbolCheckResult Check(TestPackages packages, SymbolPolicy policy) =>
        PackageSymbolsCheck.Run(ShippedPackage.FindAll(packages.Directory), policy);
}
