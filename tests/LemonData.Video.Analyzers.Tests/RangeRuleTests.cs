extern alias Analyzers;

using System.Globalization;
using System.Threading.Tasks;
using LemonData.Video.Analyzers.Tests.Support;
using Descriptors = Analyzers::LemonData.Video.Analyzers.Descriptors;
using Rules = Analyzers::LemonData.Video.VideoRequestRules;
using CfgScaleAnalyzer = Analyzers::LemonData.Video.Analyzers.CfgScaleShouldBeInRange;
using FpsAnalyzer = Analyzers::LemonData.Video.Analyzers.FpsShouldBeInRange;
using MotionStrengthAnalyzer = Analyzers::LemonData.Video.Analyzers.MotionStrengthShouldBeInRange;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>LDV0006-LDV0008: every bound of every range, from both sides.</summary>
public class RangeRuleTests
{
    [Theory]
    [InlineData("-1", true)]
    [InlineData("0", true)]
    [InlineData("1", false)]
    [InlineData("30", false)]
    [InlineData("120", false)]
    [InlineData("121", true)]
    [InlineData("int.MaxValue", true)]
    public async Task Fps(string value, bool fires)
    {
        var source = TestSource.InMethod($$"""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Fps = {|#0:{{value}}|} });
            """);
        var fps = value == "int.MaxValue" ? int.MaxValue : int.Parse(value, CultureInfo.InvariantCulture);
        await Verify<FpsAnalyzer>.AnalyzerAsync(
            source,
            fires ? [Verify<FpsAnalyzer>.Diagnostic(Descriptors.LDV0006_FpsOutOfRange, 0, Rules.CheckFps(fps))] : []);
    }

    [Theory]
    [InlineData("-0.1", true)]
    [InlineData("0", false)]
    [InlineData("0.0", false)]
    [InlineData("7.5", false)]
    [InlineData("20", false)]
    [InlineData("20.0", false)]
    [InlineData("20.1", true)]
    [InlineData("21", true)]
    [InlineData("20.5f", true)]
    [InlineData("double.NaN", true)]
    [InlineData("double.PositiveInfinity", true)]
    public async Task CfgScale(string value, bool fires)
    {
        var source = TestSource.InMethod($$"""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", CfgScale = {|#0:{{value}}|} });
            """);
        await Verify<CfgScaleAnalyzer>.AnalyzerAsync(
            source,
            fires ? [Verify<CfgScaleAnalyzer>.Diagnostic(Descriptors.LDV0007_CfgScaleOutOfRange, 0, Rules.CheckCfgScale(ParseDouble(value)))] : []);
    }

    [Theory]
    [InlineData("-0.01", true)]
    [InlineData("0", false)]
    [InlineData("0.5", false)]
    [InlineData("1", false)]
    [InlineData("1.0", false)]
    [InlineData("1.01", true)]
    [InlineData("2", true)]
    public async Task MotionStrength(string value, bool fires)
    {
        var source = TestSource.InMethod($$"""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", MotionStrength = {|#0:{{value}}|} });
            """);
        await Verify<MotionStrengthAnalyzer>.AnalyzerAsync(
            source,
            fires ? [Verify<MotionStrengthAnalyzer>.Diagnostic(Descriptors.LDV0008_MotionStrengthOutOfRange, 0, Rules.CheckMotionStrength(ParseDouble(value)))] : []);
    }

    internal static double ParseDouble(string value) => value switch
    {
        "double.NaN" => double.NaN,
        "double.PositiveInfinity" => double.PositiveInfinity,
        _ when value.EndsWith('f') => float.Parse(value.TrimEnd('f'), CultureInfo.InvariantCulture),
        _ => double.Parse(value, CultureInfo.InvariantCulture),
    };
}
