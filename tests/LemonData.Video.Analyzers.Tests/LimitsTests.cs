extern alias Analyzers;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LemonData.Video.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using AnalyzerLimits = Analyzers::LemonData.Video.VideoLimits;
using Descriptors = Analyzers::LemonData.Video.Analyzers.Descriptors;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>
/// One source for the API's limits: the document's minimum and maximum of <c>VideoGenerationRequest</c>, generated into
/// <c>VideoLimits</c> (in the SDK and, from the same document, in the analyzer), are the numbers the descriptors and the
/// help pages of LDV0006-LDV0009 state, and no analyzer source writes them again.
/// </summary>
public class LimitsTests
{
    public static TheoryData<string, string> Limited => new()
    {
        { "LDV0006", "fps" },
        { "LDV0007", "cfg_scale" },
        { "LDV0008", "motion_strength" },
        { "LDV0009", "duration" },
    };

    private static readonly Lazy<Dictionary<string, (double Minimum, double Maximum)>> DocumentLimits = new(ReadDocumentLimits);

    [Fact]
    public void VideoLimits_are_the_documents_minimum_and_maximum()
    {
        var limits = DocumentLimits.Value;
        Assert.Equal(["cfg_scale", "duration", "fps", "motion_strength"], limits.Keys.Order(StringComparer.Ordinal));

        Assert.Equal((VideoLimits.MinFps, VideoLimits.MaxFps), limits["fps"]);
        Assert.Equal((VideoLimits.MinCfgScale, VideoLimits.MaxCfgScale), limits["cfg_scale"]);
        Assert.Equal((VideoLimits.MinMotionStrength, VideoLimits.MaxMotionStrength), limits["motion_strength"]);
        Assert.Equal((VideoLimits.MinDuration, VideoLimits.MaxDuration), limits["duration"]);

        // The analyzer's copy, generated from the same document into its own assembly.
        Assert.Equal((AnalyzerLimits.MinFps, AnalyzerLimits.MaxFps), limits["fps"]);
        Assert.Equal((AnalyzerLimits.MinCfgScale, AnalyzerLimits.MaxCfgScale), limits["cfg_scale"]);
        Assert.Equal((AnalyzerLimits.MinMotionStrength, AnalyzerLimits.MaxMotionStrength), limits["motion_strength"]);
        Assert.Equal((AnalyzerLimits.MinDuration, AnalyzerLimits.MaxDuration), limits["duration"]);
    }

    [Theory]
    [MemberData(nameof(Limited))]
    public void The_descriptor_states_exactly_the_documents_limits(string id, string parameter)
    {
        var (minimum, maximum) = DocumentLimits.Value[parameter];
        var descriptor = typeof(Descriptors).GetFields().Select(field => (DiagnosticDescriptor)field.GetValue(null)!).Single(candidate => candidate.Id == id);
        var text = descriptor.Title.ToString(CultureInfo.InvariantCulture) + "\n" + descriptor.Description.ToString(CultureInfo.InvariantCulture);

        Assert.Equal(new[] { minimum, maximum }.Distinct().Order(), Numbers(text).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(Limited))]
    public void The_help_page_states_exactly_the_documents_limits(string id, string parameter)
    {
        var (minimum, maximum) = DocumentLimits.Value[parameter];
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "analyzers", "docs", id + ".md"));
        var descriptor = typeof(Descriptors).GetFields().Select(field => (DiagnosticDescriptor)field.GetValue(null)!).Single(candidate => candidate.Id == id);

        // The page's heading is the descriptor's title, and every range it states ('1-120', '1 to 120', 'between 1 and 120') is the document's.
        Assert.StartsWith("# " + id + ": " + descriptor.Title.ToString(CultureInfo.InvariantCulture) + "\n", page.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        var ranges = Regex.Matches(page, @"(?<![\w.-])(?<min>-?\d+(?:\.\d+)?)\s*(?:-|to|and)\s*(?<max>\d+(?:\.\d+)?)(?![\w.])");
        Assert.NotEmpty(ranges);
        Assert.All(ranges, range => Assert.Equal(
            (minimum, maximum),
            (double.Parse(range.Groups["min"].Value, CultureInfo.InvariantCulture), double.Parse(range.Groups["max"].Value, CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void No_analyzer_source_writes_the_limits_again()
    {
        // Every number of the limits in an analyzer source is a copy the document could leave behind: they come from VideoLimits.
        var limits = DocumentLimits.Value.Values.SelectMany(range => new[] { range.Minimum, range.Maximum }).Distinct().ToList();
        var sources = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "analyzers"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        var copies = new List<string>();
        foreach (var path in sources)
        {
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                // A range in words or figures, '1-120', 'between 0 and 20', '1 to 60', or a limit compared with a value.
                foreach (Match range in Regex.Matches(lines[i], @"(?<![\w.-])(?<min>-?\d+(?:\.\d+)?)\s*(?:-|to|and)\s*(?<max>\d+(?:\.\d+)?)(?![\w.])"))
                {
                    if (limits.Contains(double.Parse(range.Groups["min"].Value, CultureInfo.InvariantCulture))
                        && limits.Contains(double.Parse(range.Groups["max"].Value, CultureInfo.InvariantCulture)))
                    {
                        copies.Add(Path.GetRelativePath(RepositoryRoot.Path, path) + ":" + (i + 1).ToString(CultureInfo.InvariantCulture) + ": " + lines[i].Trim());
                    }
                }

                if (Regex.IsMatch(lines[i], @"\s[<>]=?\s+-?(120|60|20)(?![\w.])|(?<![\w.])(120|60|20)\s+[<>]=?\s"))
                {
                    copies.Add(Path.GetRelativePath(RepositoryRoot.Path, path) + ":" + (i + 1).ToString(CultureInfo.InvariantCulture) + ": " + lines[i].Trim());
                }
            }
        }

        Assert.Empty(copies);
    }

    private static IEnumerable<double> Numbers(string text) =>
        Regex.Matches(text, @"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])").Select(match => double.Parse(match.Value, CultureInfo.InvariantCulture));

    // The minimum and maximum of each property of VideoGenerationRequest in openapi/lemondata-video.yaml, read line by line:
    // the schema's properties are indented 8 spaces, their keywords 10.
    private static Dictionary<string, (double Minimum, double Maximum)> ReadDocumentLimits()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "openapi", "lemondata-video.yaml"));
        var start = Array.FindIndex(lines, line => line == "    VideoGenerationRequest:");
        Assert.True(start >= 0, "VideoGenerationRequest is not in the document");
        var limits = new Dictionary<string, (double Minimum, double Maximum)>(StringComparer.Ordinal);
        string? property = null;
        double? minimum = null;
        double? maximum = null;
        for (var i = start + 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length > 0 && !line.StartsWith("     ", StringComparison.Ordinal))
            {
                break;
            }

            var name = Regex.Match(line, @"^        (?<name>[a-z_]+):\s*$");
            if (name.Success)
            {
                Flush();
                property = name.Groups["name"].Value;
                continue;
            }

            var keyword = Regex.Match(line, @"^          (?<keyword>minimum|maximum):\s*(?<value>-?\d+(?:\.\d+)?)\s*$");
            if (keyword.Success)
            {
                var value = double.Parse(keyword.Groups["value"].Value, CultureInfo.InvariantCulture);
                if (keyword.Groups["keyword"].Value == "minimum")
                {
                    minimum = value;
                }
                else
                {
                    maximum = value;
                }
            }
        }

        Flush();
        return limits;

        void Flush()
        {
            if (property is not null && (minimum is not null || maximum is not null))
            {
                Assert.True(minimum is not null && maximum is not null, property + " has one bound only");
                limits.Add(property, (minimum!.Value, maximum!.Value));
            }

            minimum = null;
            maximum = null;
        }
    }
}
