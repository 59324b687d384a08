extern alias Analyzers;

using System.Threading.Tasks;
using LemonData.Video.Analyzers.Tests.Support;
using Descriptors = Analyzers::LemonData.Video.Analyzers.Descriptors;
using Rules = Analyzers::LemonData.Video.VideoRequestRules;
using FpsAnalyzer = Analyzers::LemonData.Video.Analyzers.FpsShouldBeInRange;
using CfgScaleAnalyzer = Analyzers::LemonData.Video.Analyzers.CfgScaleShouldBeInRange;
using ModelAnalyzer = Analyzers::LemonData.Video.Analyzers.ModelShouldBeInCatalog;
using ImageOnTextOnlyAnalyzer = Analyzers::LemonData.Video.Analyzers.ImageShouldNotBeSetOnTextOnlyModel;
using DurationAnalyzer = Analyzers::LemonData.Video.Analyzers.DurationShouldBeSupportedByModel;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>Every way the compiler knows a value: literal, const local, const field, VideoModels.*, constant expression.</summary>
public class ValueSourceTests
{
    private const string Constants = """
            const int TooFast = 121;
            const double Strong = 25.0;
            const string Typo = "sora2";
            const string Prefix = "sora";
            static class Limits { public const int Fps = 100 + 21; }
        """;

    [Theory]
    [InlineData("literal", "", "121")]
    [InlineData("const local", "const int fps = 121;", "fps")]
    [InlineData("const field", "", "TooFast")]
    [InlineData("const field of another class", "", "Limits.Fps")]
    [InlineData("constant expression", "", "60 * 2 + 1")]
    [InlineData("constant expression of constants", "const int half = 60;", "half * 2 + 1")]
    [InlineData("nullable cast", "", "(int?)121")]
    [InlineData("cast of a constant", "", "(int)121L")]
    [InlineData("char", "", "'y'")]
    public async Task Fps(string source, string declaration, string expression)
    {
        _ = source;
        var code = TestSource.InMethod(
            $$"""
                    {{declaration}}
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Fps = {|#0:{{expression}}|} });
            """,
            Constants);
        await Verify<FpsAnalyzer>.AnalyzerAsync(code, Verify<FpsAnalyzer>.Diagnostic(Descriptors.LDV0006_FpsOutOfRange, 0, Rules.CheckFps(121)));
    }

    [Theory]
    [InlineData("int converted to double", "25", 25.0)]
    [InlineData("const field", "Strong", 25.0)]
    [InlineData("float widened", "20.5f", 20.5)]
    [InlineData("constant expression", "10.0 * 2 + 0.5", 20.5)]
    [InlineData("negative literal", "-1", -1.0)]
    [InlineData("long", "21L", 21.0)]
    public async Task CfgScale(string source, string expression, double value)
    {
        _ = source;
        var code = TestSource.InMethod(
            $$"""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", CfgScale = {|#0:{{expression}}|} });
            """,
            Constants);
        await Verify<CfgScaleAnalyzer>.AnalyzerAsync(code, Verify<CfgScaleAnalyzer>.Diagnostic(Descriptors.LDV0007_CfgScaleOutOfRange, 0, Rules.CheckCfgScale(value)));
    }

    [Theory]
    [InlineData("const field", "", "Typo")]
    [InlineData("const local", "const string model = \"sora2\";", "model")]
    [InlineData("concatenation", "", "Prefix + \"2\"")]
    [InlineData("constant interpolation", "", "$\"{Prefix}2\"")]
    public async Task Model(string source, string declaration, string expression)
    {
        _ = source;
        var code = TestSource.InMethod(
            $$"""
                    {{declaration}}
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = {|#0:{{expression}}|} });
            """,
            Constants);
        await Verify<ModelAnalyzer>.AnalyzerAsync(code, Verify<ModelAnalyzer>.Diagnostic(Descriptors.LDV0001_UnknownModel, 0, Rules.CheckModel("sora2")));
    }

    [Theory]
    [InlineData("VideoModels", "VideoModels.Veo3", "veo3")]
    [InlineData("const local", "textOnly", "kling-v2.6-std")]
    [InlineData("const of a const", "VideoModels.Default", "sora-2")]
    public async Task Model_of_a_combination(string source, string expression, string model)
    {
        _ = source;
        var code = TestSource.InMethod($$"""
                    const string textOnly = VideoModels.KlingV26Std;
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = {{expression}}, {|#0:ImageUrl = "https://example.com/cat.png"|} });
            """);
        await Verify<ImageOnTextOnlyAnalyzer>.AnalyzerAsync(
            code,
            Verify<ImageOnTextOnlyAnalyzer>.Diagnostic(Descriptors.LDV0002_ImageOnTextOnlyModel, 0, Rules.CheckImageOnTextOnlyModel(model, "ImageUrl")));
    }

    [Fact]
    public async Task Duration_of_a_fixed_length_model_by_constants()
    {
        var code = TestSource.InMethod("""
                    const int clip = 2 * 5;
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = VideoModels.RunwayGen4Turbo5, Duration = {|#0:clip|} });
            """);
        await Verify<DurationAnalyzer>.AnalyzerAsync(
            code,
            Verify<DurationAnalyzer>.Diagnostic(Descriptors.LDV0009_UnsupportedDuration, 0, Rules.CheckDuration("runwayml-gen4-turbo-5", 10)));
    }
}
