using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using LemonData.Video.PackageTests.Support;
using Xunit.Abstractions;

namespace LemonData.Video.PackageTests;

/// <summary>
/// The analyzer's cost on the consumer's command-line build, from the compiler's own report
/// (<c>-p:ReportAnalyzer=true</c>, in the detailed build log).
/// </summary>
[Collection(PackagedConsumerCollection.Name)]
public sealed partial class AnalyzerTimeTests
{
    /// <summary>Generous: the consumer is one small file, and the machine may be busy.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    private readonly PackagedConsumer consumer;
    private readonly ITestOutputHelper output;

    public AnalyzerTimeTests(PackagedConsumer consumer, ITestOutputHelper output)
    {
        this.consumer = consumer;
        this.output = output;
    }

    [Fact]
    public void Analyzer_execution_time_on_the_consumer_is_reported_and_small()
    {
        var lines = consumer.BuildLog.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var total = lines.Select(l => TotalPattern().Match(l)).FirstOrDefault(m => m.Success);
        Assert.True(total is not null, "The build log has no 'Total analyzer execution time': was -p:ReportAnalyzer=true passed?");

        var start = Array.FindIndex(lines, l => AssemblyPattern().IsMatch(l));
        Assert.True(start >= 0, "The compiler's analyzer report has no line for LemonData.Video.Analyzers: the analyzer did not load.");
        var assembly = AssemblyPattern().Match(lines[start]);
        var assemblyTime = Seconds(assembly.Groups["time"].Value);

        var rules = new List<(string Analyzer, string Ids, double Seconds, string Line)>();
        for (var i = start + 1; i < lines.Length; i++)
        {
            var rule = RulePattern().Match(lines[i]);
            if (!rule.Success)
            {
                break;
            }

            rules.Add((rule.Groups["analyzer"].Value, rule.Groups["ids"].Value, Seconds(rule.Groups["time"].Value), lines[i].Trim()));
        }

        output.WriteLine($"Total analyzer execution time (every analyzer of the consumer's build): {total!.Groups["time"].Value} s");
        output.WriteLine($"LemonData.Video.Analyzers: {assembly.Groups["time"].Value} s ({assembly.Groups["percent"].Value} % of the total)");
        foreach (var rule in rules)
        {
            output.WriteLine("  " + rule.Line);
        }

        // Every rule of the package ran in this build, all in the one analyzer.
        var analyzer = Assert.Single(rules);
        Assert.Equal("LemonData.Video.Analyzers.VideoRequestAnalyzer", analyzer.Analyzer);
        Assert.Equal(
            Enumerable.Range(1, 16).Select(n => $"LDV{n:D4}"),
            analyzer.Ids.Split(',').Select(id => id.Trim()).OrderBy(id => id, StringComparer.Ordinal));
        Assert.True(
            assemblyTime < Bound.TotalSeconds,
            $"LemonData.Video.Analyzers took {assemblyTime} s on the consumer, over the bound of {Bound.TotalSeconds} s.");
    }

    // "<0.001" is how the compiler writes a time under a millisecond.
    private static double Seconds(string text) =>
        double.Parse(text.TrimStart('<'), NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Total analyzer execution time: (?<time>[\d.]+) seconds")]
    private static partial Regex TotalPattern();

    [GeneratedRegex(@"^\s*(?:\d+>)?\s*(?<time><?[\d.]+)\s+(?<percent><?\d+)\s+LemonData\.Video\.Analyzers, Version=")]
    private static partial Regex AssemblyPattern();

    [GeneratedRegex(@"^\s*(?:\d+>)?\s*(?<time><?[\d.]+)\s+<?\d+\s+(?<analyzer>LemonData\.Video\.Analyzers\.\w+) \((?<ids>[^)]*)\)\s*$")]
    private static partial Regex RulePattern();
}
