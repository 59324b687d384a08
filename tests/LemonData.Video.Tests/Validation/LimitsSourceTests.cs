using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LemonData.Video;
using LemonData.Video.Tests.Samples;

namespace LemonData.Video.Tests.Validation;

/// <summary>
/// One source for the API's limits: the minimum and maximum of VideoGenerationRequest in the OpenAPI document. VideoLimits
/// is generated from them; this reads the document as text (not through the generator) so a broken template shows here,
/// and checks that no shipped source file writes a limit by hand.
/// </summary>
public class LimitsSourceTests
{
    public static IEnumerable<object[]> Limits() => new[]
    {
        new object[] { "duration", (double)VideoLimits.MinDuration, (double)VideoLimits.MaxDuration },
        new object[] { "fps", (double)VideoLimits.MinFps, (double)VideoLimits.MaxFps },
        new object[] { "cfg_scale", VideoLimits.MinCfgScale, VideoLimits.MaxCfgScale },
        new object[] { "motion_strength", VideoLimits.MinMotionStrength, VideoLimits.MaxMotionStrength },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void Generated_limits_are_the_documents_minimum_and_maximum(string wireName, double min, double max)
    {
        var (documentMin, documentMax) = DocumentRange(wireName);

        Assert.Equal(documentMin, min);
        Assert.Equal(documentMax, max);
    }

    [Fact]
    public void Every_ranged_property_of_the_request_has_a_generated_limit()
    {
        var ranged = RequestSchema().Split('\n')
            .Select((line, index) => (line, index))
            .Where(x => Regex.IsMatch(x.line, @"^ {10}minimum:"))
            .Count();

        Assert.Equal(ranged, typeof(VideoLimits).GetFields().Count(f => f.Name.StartsWith("Min", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("src/LemonData.Video/Validation")]
    [InlineData("src/LemonData.Video.Cli")]
    public void No_shipped_source_writes_a_limit_by_hand(string folder)
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(ReadmeTests.RepositoryRoot(), folder), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(path => Regex.IsMatch(File.ReadAllText(path), @"\b(1-120|0-20|1-60|1 and 120|0 and 20|1 to 60|1 to 120)\b"))
            .ToList();

        Assert.Empty(offenders);
    }

    private static (double Min, double Max) DocumentRange(string wireName)
    {
        var match = Regex.Match(RequestSchema(), "\n {8}" + Regex.Escape(wireName) + @":\n(?:(?! {8}\S).*\n)*? {10}minimum: ([0-9.]+)\n {10}maximum: ([0-9.]+)");
        Assert.True(match.Success, wireName + " has no minimum/maximum in the document");
        return (double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), double.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string RequestSchema()
    {
        var document = File.ReadAllText(Path.Combine(ReadmeTests.RepositoryRoot(), "openapi", "lemondata-video.yaml")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = document.IndexOf("\n    VideoGenerationRequest:\n", StringComparison.Ordinal);
        var end = document.IndexOf("\n    VideoTaskResponse:\n", start, StringComparison.Ordinal);
        return document.Substring(start, end - start);
    }
}
