using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using LemonData.Video.PackageTests.Support;
using Xunit.Abstractions;

namespace LemonData.Video.PackageTests;

/// <summary>
/// The package as <c>dotnet pack</c> makes it, and a consumer's command-line build against it: the SARIF error log
/// must hold each rule at its line (a test that only checked "no error" would pass with an analyzer that never loaded).
/// </summary>
[Collection(PackagedConsumerCollection.Name)]
public sealed class PackageBuildTests
{
    private static readonly string[] RuleIds = Enumerable.Range(1, 11).Select(n => $"LDV{n:D4}").ToArray();
    private static readonly string[] LoadFailureIds = { "CS9057", "CS8032", "AD0001" };

    private readonly PackagedConsumer consumer;
    private readonly ITestOutputHelper output;

    public PackageBuildTests(PackagedConsumer consumer, ITestOutputHelper output)
    {
        this.consumer = consumer;
        this.output = output;
    }

    [Fact]
    public void Package_ships_the_analyzer_and_its_code_fixes_under_analyzers_dotnet_cs()
    {
        using var package = ZipFile.OpenRead(consumer.PackagePath);
        var entries = package.Entries.Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToList();
        output.WriteLine(consumer.Pack.Describe(maxLines: 20));
        output.WriteLine(consumer.PackagePath);
        output.WriteLine(string.Join(Environment.NewLine, entries));

        Assert.Equal(
            new[] { "analyzers/dotnet/cs/LemonData.Video.Analyzers.CodeFixes.dll", "analyzers/dotnet/cs/LemonData.Video.Analyzers.dll" },
            entries.Where(n => n.StartsWith("analyzers/", StringComparison.Ordinal)).ToArray());
        Assert.Contains("lib/netstandard2.0/LemonData.Video.dll", entries);
        Assert.Contains("lib/net8.0/LemonData.Video.dll", entries);
        Assert.DoesNotContain(entries, n => Path.GetFileName(n).StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Package_depends_on_no_Microsoft_CodeAnalysis_package()
    {
        var package = PackageContents.Open(consumer.PackagePath);
        Assert.Equal(consumer.PackageVersion, package.Element("version"));

        var dependencies = package.DependenciesByTarget.SelectMany(group => group.Value.Select(dependency => group.Key + ": " + dependency)).ToList();
        foreach (var dependency in dependencies)
        {
            output.WriteLine(dependency);
        }

        Assert.NotEmpty(dependencies);
        Assert.DoesNotContain(dependencies, d => d.Split(' ')[1].StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Consumer_compiles_with_the_analyzer_of_the_packed_package()
    {
        WriteBuild();

        // The compiler was handed both assemblies from the consumer's own cache, from this run's package version.
        foreach (var file in new[] { ConsumerWorkspace.AnalyzerAssemblyFileName, ConsumerWorkspace.CodeFixesAssemblyFileName })
        {
            var path = Path.Combine(consumer.RestoredPackageDirectory, "analyzers", "dotnet", "cs", file);
            Assert.True(File.Exists(path), path + " was not restored.");
            Assert.Contains("/analyzer:" + path, consumer.BuildLog, StringComparison.Ordinal);
        }

        Assert.Equal("2.1.0", consumer.Sarif.Version);
        Assert.DoesNotContain(consumer.Sarif.Results, r => r.Level == "error");
    }

    [Fact]
    public void Build_reports_each_rule_at_its_line_and_nothing_else()
    {
        WriteBuild();
        var expected = ConsumerSource.ExpectedDiagnostics.Select(e => $"{e.Line}: {e.Id}").OrderBy(s => s, StringComparer.Ordinal).ToList();
        var actual = LdvResults().Select(r => $"{r.Line}: {r.RuleId}").OrderBy(s => s, StringComparer.Ordinal).ToList();

        // Every rule is covered, so a rule that stopped loading or firing shows here.
        Assert.Equal(RuleIds, ConsumerSource.ExpectedDiagnostics.Select(e => e.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal));
        Assert.Equal(expected, actual);
        Assert.All(LdvResults(), r =>
        {
            Assert.Equal("warning", r.Level);
            Assert.EndsWith("/Program.cs", r.File, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(r.Message));
        });
    }

    [Fact]
    public void Build_reports_nothing_on_the_lines_that_must_stay_silent()
    {
        WriteBuild();
        var silent = ConsumerSource.SilentLines.ToHashSet();
        Assert.NotEmpty(silent);
        Assert.Empty(LdvResults().Where(r => silent.Contains(r.Line)).Select(r => $"{r.Line}: {r.RuleId} {r.Message}"));
    }

    [Fact]
    public void Build_shows_no_analyzer_load_failure()
    {
        WriteBuild();
        foreach (var id in LoadFailureIds)
        {
            Assert.DoesNotContain(consumer.Sarif.Results, r => r.RuleId == id);
            Assert.DoesNotContain(id, consumer.Build.StandardOutput, StringComparison.Ordinal);
            Assert.DoesNotContain(id, consumer.Build.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain(id, consumer.BuildLog, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_rule_links_to_its_page_in_analyzers_docs()
    {
        foreach (var id in RuleIds)
        {
            Assert.True(consumer.Sarif.HelpUris.TryGetValue(id, out var helpUri), id + " is not described in the SARIF log.");
            output.WriteLine($"{id}: {helpUri}");
            Assert.NotNull(helpUri);
            Assert.EndsWith("/analyzers/docs/" + id + ".md", helpUri, StringComparison.Ordinal);
            Assert.True(Uri.TryCreate(helpUri, UriKind.Absolute, out _), helpUri + " is not an absolute URI.");
            var page = Path.Combine(RepositoryRoot.Path, "analyzers", "docs", id + ".md");
            Assert.True(File.Exists(page), "The help link of " + id + " points to a page the repository does not have: " + page);
        }
    }

    private IEnumerable<SarifResult> LdvResults() => consumer.Sarif.Results.Where(r => r.RuleId.StartsWith("LDV", StringComparison.Ordinal));

    private void WriteBuild()
    {
        output.WriteLine(consumer.Build.Describe(maxLines: 60));
        foreach (var result in LdvResults().OrderBy(r => r.Line))
        {
            output.WriteLine($"SARIF {result.Line},{result.Column} {result.RuleId}: {result.Message}");
        }
    }
}
