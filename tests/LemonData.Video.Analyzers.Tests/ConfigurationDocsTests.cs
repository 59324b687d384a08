extern alias Analyzers;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LemonData.Video.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using ExtraModelsParser = Analyzers::LemonData.Video.Analyzers.Configuration.ExtraModelsParser;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>The configuration the README and the rule docs show is configuration the compiler and the analyzer accept.</summary>
public class ConfigurationDocsTests
{
    public static TheoryData<string> Documents => new(
        new[] { "README.md", "analyzers/docs/README.md" }
            .Concat(Directory.GetFiles(System.IO.Path.Combine(RepositoryRoot.Path, "analyzers", "docs"), "LDV*.md")
                .Select(path => "analyzers/docs/" + System.IO.Path.GetFileName(path)))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_severity_shown_is_one_the_compiler_applies(string document)
    {
        foreach (var block in IniBlocks(document))
        {
            var config = AnalyzerConfigSet.Create(System.Collections.Immutable.ImmutableArray.Create(AnalyzerConfig.Parse(block, block.Contains("is_global = true", StringComparison.Ordinal) ? "/.globalconfig" : "/.editorconfig")));
            foreach (Match entry in Regex.Matches(block, @"^\s*dotnet_diagnostic\.(?<id>\w+)\.severity\s*=\s*(?<value>.*)$", RegexOptions.Multiline))
            {
                var id = entry.Groups["id"].Value;
                var options = block.Contains("is_global = true", StringComparison.Ordinal)
                    ? config.GlobalConfigOptions.TreeOptions
                    : SectionOptions(config, block.Substring(0, entry.Index)).TreeOptions;
                Assert.True(options.ContainsKey(id), document + ": '" + entry.Value.Trim() + "' is not a severity the compiler reads");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Every_extra_models_value_shown_declares_its_models_without_a_problem(string document)
    {
        foreach (Match entry in Regex.Matches(Read(document), @"^lemondata_video\.extra_models = (?<value>.*)$", RegexOptions.Multiline))
        {
            var value = entry.Groups["value"].Value.Trim();
            var models = ExtraModelsParser.Parse(value);
            if (document.EndsWith("LDV0012.md", StringComparison.Ordinal) && models.Problems.Length > 0)
            {
                // LDV0012's own 'wrong' example.
                continue;
            }

            Assert.Empty(models.Problems);
            var ids = Regex.Matches(value, @"(?:^|\|)\s*(?<id>[^:|\s]+)").Select(match => match.Groups["id"].Value).ToList();
            Assert.Equal(ids.Count, models.Count);

            // And through the compiler's reading of the file: every id declared, so no LDV0001.
            var requests = string.Join("\n", ids.Select(id => $$"""        _ = new VideoGenerationRequest { Prompt = "p", Model = "{{id}}" };"""));
            var diagnostics = await AllAnalyzers.RunAsync(TestSource.InMethod(requests), "[*.cs]\nlemondata_video.extra_models = " + value + "\n");
            Assert.Empty(diagnostics);
        }
    }

    private static IEnumerable<string> IniBlocks(string document) =>
        Regex.Matches(Read(document), "```ini\\n(?<code>.*?)```", RegexOptions.Singleline).Select(match => match.Groups["code"].Value);

    private static AnalyzerConfigOptionsResult SectionOptions(AnalyzerConfigSet config, string blockBeforeEntry)
    {
        // The options of a file that the section the entry stands in applies to (the last header before it).
        var headers = Regex.Matches(blockBeforeEntry, @"^\[(?<glob>[^\]]+)\]", RegexOptions.Multiline);
        var section = headers.Count == 0 ? string.Empty : headers[^1].Groups["glob"].Value;
        var path = section.Replace("**", "sub", StringComparison.Ordinal).Replace("*", "file", StringComparison.Ordinal);
        return config.GetOptionsForSourcePath("/" + path);
    }

    private static string Read(string document) =>
        File.ReadAllText(System.IO.Path.Combine(RepositoryRoot.Path, document)).Replace("\r\n", "\n", StringComparison.Ordinal);
}
