using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using LemonData.Video.PackageTests.Support;
using Xunit.Abstractions;

namespace LemonData.Video.PackageTests;

/// <summary>
/// The LemonData.Video package as a user's restore sees it: what it installs per target, what it pulls in,
/// and what nuget.org shows (README, license, symbols).
/// </summary>
[Collection(PackagedConsumerCollection.Name)]
public sealed class PackageLayoutTests
{
    private readonly PackagedConsumer consumer;
    private readonly ITestOutputHelper output;

    public PackageLayoutTests(PackagedConsumer consumer, ITestOutputHelper output)
    {
        this.consumer = consumer;
        this.output = output;
    }

    [Fact]
    public void Each_target_gets_the_assembly_and_its_xml_documentation_and_nothing_else_is_in_lib()
    {
        var package = PackageContents.Open(consumer.PackagePath);

        Assert.Equal(
            new[]
            {
                "lib/net8.0/LemonData.Video.dll", "lib/net8.0/LemonData.Video.xml",
                "lib/netstandard2.0/LemonData.Video.dll", "lib/netstandard2.0/LemonData.Video.xml",
            },
            package.Entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).ToArray());
        Assert.Equal(
            new[] { "analyzers/dotnet/cs/LemonData.Video.Analyzers.CodeFixes.dll", "analyzers/dotnet/cs/LemonData.Video.Analyzers.dll" },
            package.Entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).ToArray());
    }

    [Fact]
    public void The_build_targets_that_hand_the_analyzer_lemondata_models_json_are_imported_directly_and_transitively()
    {
        var package = PackageContents.Open(consumer.PackagePath);

        Assert.Equal(
            new[] { "build/LemonData.Video.targets", "buildTransitive/LemonData.Video.targets" },
            package.Entries.Where(e => e.StartsWith("build", StringComparison.Ordinal)).OrderBy(e => e, StringComparer.Ordinal).ToArray());
        Assert.Contains("LemonDataVideoModels", PackageContents.ReadText(consumer.PackagePath, "build/LemonData.Video.targets"), StringComparison.Ordinal);
        Assert.Contains("../build/LemonData.Video.targets", PackageContents.ReadText(consumer.PackagePath, "buildTransitive/LemonData.Video.targets"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_dependencies_per_target_are_exactly_the_small_set_the_SDK_needs()
    {
        var dependencies = PackageContents.Open(consumer.PackagePath).DependenciesByTarget;
        foreach (var (target, ids) in dependencies)
        {
            output.WriteLine(target + ": " + string.Join(", ", ids));
        }

        // .NET 8 has the rest in the framework; netstandard2.0 needs the polyfills of what .NET 8 has.
        Assert.Equal(new[] { "Microsoft.Extensions.Logging.Abstractions" }, Ids(dependencies["net8.0"]));
        Assert.Equal(
            new[]
            {
                "Microsoft.Bcl.AsyncInterfaces", "Microsoft.Bcl.TimeProvider", "Microsoft.Extensions.Logging.Abstractions",
                "System.Diagnostics.DiagnosticSource", "System.Text.Json",
            },
            Ids(dependencies[".NETStandard2.0"]));
        Assert.DoesNotContain(dependencies.Values.SelectMany(d => d), d => d.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase) || d.StartsWith("NSwag", StringComparison.OrdinalIgnoreCase));

        static string[] Ids(string[] dependencies) => dependencies.Select(d => d.Split(' ')[0]).ToArray();
    }

    [Fact]
    public void The_README_license_and_repository_are_declared_for_nuget_org()
    {
        var package = PackageContents.Open(consumer.PackagePath);

        Assert.Equal("README.md", package.Element("readme"));
        Assert.Contains("README.md", package.Entries);
        Assert.StartsWith("# LemonData.Video", PackageContents.ReadText(consumer.PackagePath, "README.md"), StringComparison.Ordinal);
        var license = package.ElementNode("license")!;
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);
        Assert.False(string.IsNullOrWhiteSpace(package.Element("description")));
        Assert.Matches("^[0-9a-f]{40}$", (string?)package.ElementNode("repository")?.Attribute("commit") ?? string.Empty);
    }

    [Fact]
    public void A_symbols_package_holds_the_portable_pdb_of_each_target()
    {
        var symbols = Path.ChangeExtension(consumer.PackagePath, ".snupkg");

        Assert.True(File.Exists(symbols), symbols + " was not produced");
        var entries = PackageContents.EntriesOf(symbols);
        Assert.Contains("lib/net8.0/LemonData.Video.pdb", entries);
        Assert.Contains("lib/netstandard2.0/LemonData.Video.pdb", entries);
    }

    [Fact]
    public void The_pdb_embeds_every_source_the_generated_ones_included()
    {
        // A debugger stepping into VideoGenerationRequest must find its source: it is never in the repository. And
        // any other document too, offline: SourceLink needs the repository's URL, which a local build does not have.
        using var symbols = ZipFile.OpenRead(Path.ChangeExtension(consumer.PackagePath, ".snupkg"));
        using var pdbStream = new MemoryStream();
        using (var entry = symbols.GetEntry("lib/net8.0/LemonData.Video.pdb")!.Open())
        {
            entry.CopyTo(pdbStream);
        }

        pdbStream.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdbStream);
        var pdb = provider.GetMetadataReader();
        var embeddedSource = new Guid("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
        var documents = pdb.Documents
            .Select(handle => (
                Name: Path.GetFileName(pdb.GetString(pdb.GetDocument(handle).Name)),
                Embedded: pdb.GetCustomDebugInformation(handle).Any(info => pdb.GetGuid(pdb.GetCustomDebugInformation(info).Kind) == embeddedSource)))
            .ToArray();
        output.WriteLine($"{documents.Length} documents, {documents.Count(d => d.Embedded)} embedded");

        Assert.Contains(("LemonDataVideo.Contracts.g.cs", true), documents);
        Assert.Contains(("LemonDataVideo.Catalog.g.cs", true), documents);
        Assert.Contains(("LemonDataVideoClient.cs", true), documents);
        Assert.Empty(documents.Where(d => !d.Embedded).Select(d => d.Name));
    }
}
