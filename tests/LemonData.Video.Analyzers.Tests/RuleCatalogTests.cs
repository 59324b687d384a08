extern alias Analyzers;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LemonData.Video.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Descriptors = Analyzers::LemonData.Video.Analyzers.Descriptors;
using UseSuggestedModelIdFix = Analyzers::LemonData.Video.Analyzers.CodeFixes.UseSuggestedModelIdFix;
using VideoRuleIds = Analyzers::LemonData.Video.VideoRuleIds;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>The descriptors, their help pages, release tracking and the fixes, checked against one another.</summary>
public class RuleCatalogTests
{
    private static readonly string RepositoryRoot = Support.RepositoryRoot.Path;

    public static IEnumerable<DiagnosticDescriptor> AllDescriptors => typeof(Descriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(descriptorField => (DiagnosticDescriptor)descriptorField.GetValue(null)!)
        .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal);

    public static TheoryData<string> Ids => new(AllDescriptors.Select(descriptor => descriptor.Id));

    [Fact]
    public void The_descriptors_are_the_shared_rule_ids_and_the_configuration_check()
    {
        // LDV0012 is about the analyzer's own configuration (lemondata_video.extra_models): the client never reports it.
        var shared = typeof(VideoRuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(idField => (string)idField.GetRawConstantValue()!)
            .Append("LDV0012")
            .Order(StringComparer.Ordinal);
        Assert.Equal(shared, AllDescriptors.Select(descriptor => descriptor.Id));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_descriptor_is_a_usage_warning_with_the_shared_message_and_a_help_page(string id)
    {
        var descriptor = AllDescriptors.Single(candidate => candidate.Id == id);
        Assert.Equal("Usage", descriptor.Category);
        Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        Assert.True(descriptor.IsEnabledByDefault);
        Assert.Equal("{0}", descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("https://github.com/lemondata/lemondata-video-dotnet/blob/main/analyzers/docs/" + id + ".md", descriptor.HelpLinkUri);
        Assert.True(File.Exists(Path.Combine(RepositoryRoot, "analyzers", "docs", id + ".md")), "missing help page for " + id);
    }

    [Fact]
    public void Each_descriptor_belongs_to_exactly_one_analyzer()
    {
        var supported = AllAnalyzers.Instances.SelectMany(analyzer => analyzer.SupportedDiagnostics).Select(descriptor => descriptor.Id).ToList();
        Assert.Equal(AllDescriptors.Select(descriptor => descriptor.Id), supported.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Release_tracking_lists_every_rule()
    {
        var unshipped = File.ReadAllText(Path.Combine(RepositoryRoot, "analyzers", "LemonData.Video.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in AllDescriptors)
        {
            Assert.Contains(descriptor.Id + " | Usage | Warning |", unshipped, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_fixes_cover_the_promised_rules_and_fix_all()
    {
        var fixes = typeof(UseSuggestedModelIdFix).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type))
            .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
            .ToList();
        Assert.Equal(
            ["LDV0001", "LDV0002", "LDV0003", "LDV0006", "LDV0007", "LDV0008", "LDV0009", "LDV0013", "LDV0014", "LDV0015"],
            fixes.SelectMany(fix => fix.FixableDiagnosticIds).Distinct().Order(StringComparer.Ordinal));
        Assert.All(fixes, fix => Assert.Same(WellKnownFixAllProviders.BatchFixer, fix.GetFixAllProvider()));
        Assert.All(fixes, fix => Assert.NotNull(fix.GetType().GetCustomAttribute<ExportCodeFixProviderAttribute>()));
    }

    [Fact]
    public void The_analyzer_assembly_does_not_reference_workspaces()
    {
        var references = typeof(Descriptors).Assembly.GetReferencedAssemblies().Select(name => name.Name!).ToList();
        Assert.DoesNotContain(references, name => name.Contains("Workspaces", StringComparison.Ordinal));
        Assert.All(references, name => Assert.True(
            name is "netstandard" or "Microsoft.CodeAnalysis" or "Microsoft.CodeAnalysis.CSharp" or "System.Collections.Immutable",
            "the analyzer must depend on nothing a compiler host does not provide: " + name));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Each_help_page_shows_a_wrong_example_that_fires_and_a_right_one_that_does_not(string id)
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot, "analyzers", "docs", id + ".md"));
        Assert.StartsWith("# " + id + ": ", page, StringComparison.Ordinal);

        var wrong = await AllAnalyzers.RunAsync(TestSource.InMethod(Example(page, "Wrong")), ConfigExample(page, "Wrong"), ModelsFileExample(page, "Wrong"));
        Assert.Contains(wrong, diagnostic => diagnostic.Id == id);
        Assert.All(wrong, diagnostic => Assert.Equal(id, diagnostic.Id));

        var right = await AllAnalyzers.RunAsync(TestSource.InMethod(Example(page, "Right")), ConfigExample(page, "Right"), ModelsFileExample(page, "Right"));
        Assert.Empty(right);
    }

    [Theory]
    [InlineData("LDV0013")]
    [InlineData("LDV0014")]
    [InlineData("LDV0015")]
    public async Task The_wrong_example_of_a_contract_rule_is_silent_without_its_models_file(string id)
    {
        // The rules of a model's contract read lists only the catalog file gives: the page's file is what makes it wrong.
        var page = File.ReadAllText(Path.Combine(RepositoryRoot, "analyzers", "docs", id + ".md"));
        Assert.NotNull(ModelsFileExample(page, "Wrong"));
        Assert.Empty(await AllAnalyzers.RunAsync(TestSource.InMethod(Example(page, "Wrong")), ConfigExample(page, "Wrong"), modelsFile: null));
    }

    /// <summary>The C# of the example in the section <paramref name="heading"/>.</summary>
    private static string Example(string page, string heading) =>
        CodeBlock(page, heading, "csharp") ?? throw new InvalidOperationException("no '" + heading + "' example");

    /// <summary>The catalog file (lemondata-models.json) an example runs with, or null when the example has none.</summary>
    private static string? ModelsFileExample(string page, string heading) => CodeBlock(page, heading, "json");

    /// <summary>The .editorconfig an example about configuration runs with, or null when the example has none.</summary>
    private static string? ConfigExample(string page, string heading) => CodeBlock(page, heading, "ini");

    private static string? CodeBlock(string page, string heading, string language)
    {
        var section = Regex.Match(page, "## " + heading + "\\n(?<section>.*?)(?=\\n## |$)", RegexOptions.Singleline);
        Assert.True(section.Success, "no '" + heading + "' section");
        var block = Regex.Match(section.Groups["section"].Value, "```" + language + "\\n(?<code>.*?)```", RegexOptions.Singleline);
        return block.Success ? block.Groups["code"].Value : null;
    }
}
