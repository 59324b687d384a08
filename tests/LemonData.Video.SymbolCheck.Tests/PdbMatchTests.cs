using System.Collections.Generic;
using LemonData.Video.SymbolCheck.Tests.Support;

namespace LemonData.Video.SymbolCheck.Tests;

/// <summary>A PDB is only of use with the assembly it was built with; and each of our assemblies must ship one.</summary>
public sealed class PdbMatchTests
{
    [Fact]
    public void A_pdb_of_another_build_does_not_match_the_assembly_and_fails()
    {
        // Same names and paths, one comment apart: two builds whose PDBs differ by id only.
        var shipped = TestAssembly.Build(TestAssembly.Sources(marker: "build 1"));
        var other = TestAssembly.Build(TestAssembly.Sources(marker: "build 2"));
        using var packages = new TestPackages();
        packages.Write(
            new Dictionary<string, byte[]> { ["lib/net8.0/Sample.dll"] = shipped.Dll },
            new Dictionary<string, byte[]> { ["lib/net8.0/Sample.pdb"] = other.Pdb! });

        var result = PackageSymbolsCheck.Run(ShippedPackage.FindAll(packages.Directory), SymbolPolicy.Default);

        var pdb = Assert.Single(result.Pdbs);
        Assert.False(pdb.MatchesAssembly);
        Assert.Empty(pdb.Unreachable);
        var problem = Assert.Single(result.Problems);
        Assert.Contains($"its id {pdb.Pdb.Id} is not the one lib/net8.0/Sample.dll was built with", problem);
    }

    [Fact]
    public void A_pdb_without_an_assembly_at_its_path_fails()
    {
        var assembly = TestAssembly.Build(TestAssembly.Sources());
        using var packages = new TestPackages();
        packages.Write(
            new Dictionary<string, byte[]> { ["lib/net8.0/Sample.dll"] = assembly.Dll },
            new Dictionary<string, byte[]> { ["lib/netstandard2.0/Sample.pdb"] = assembly.Pdb! });

        var result = PackageSymbolsCheck.Run(ShippedPackage.FindAll(packages.Directory), SymbolPolicy.Default);

        Assert.Contains("Sample.1.0.0.snupkg lib/netstandard2.0/Sample.pdb: the package has no assembly at the same path", result.Problems);
    }

    [Fact]
    public void An_assembly_of_ours_without_a_pdb_fails_and_a_dependency_without_one_does_not()
    {
        var ours = TestAssembly.Build(TestAssembly.Sources());
        using var packages = new TestPackages();
        packages.Write(
            new Dictionary<string, byte[]>
            {
                ["tools/net8.0/any/Sample.dll"] = ours.Dll,
                ["tools/net8.0/any/Dependency.dll"] = ours.Dll,
            },
            new Dictionary<string, byte[]>());

        var result = PackageSymbolsCheck.Run(
            ShippedPackage.FindAll(packages.Directory),
            SymbolPolicy.Default with { OwnAssemblyPrefixes = new[] { "Sample" } });

        var problem = Assert.Single(result.Problems);
        Assert.Equal("Sample.1.0.0.nupkg tools/net8.0/any/Sample.dll: ships no PDB (neither in the packages nor embedded)", problem);
    }

    [Fact]
    public void A_package_without_its_snupkg_fails()
    {
        var assembly = TestAssembly.Build(TestAssembly.Sources(), embedPdb: true);
        using var packages = new TestPackages();
        packages.Write(new Dictionary<string, byte[]> { ["lib/net8.0/Sample.dll"] = assembly.Dll }, symbolFiles: null);

        var result = PackageSymbolsCheck.Run(ShippedPackage.FindAll(packages.Directory), SymbolPolicy.Default);

        Assert.Equal(new[] { "Sample.1.0.0.nupkg: no .snupkg beside it" }, result.Problems);
    }
}
