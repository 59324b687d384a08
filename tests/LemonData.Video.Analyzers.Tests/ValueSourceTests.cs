extern alias Analyzers;

using System;
using System.Linq;
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
    [InlineData("parentheses", "", "(121)")]
    [InlineData("checked", "", "checked(120 + 1)")]
    [InlineData("unchecked", "", "unchecked(120 + 1)")]
    [InlineData("checked cast", "", "checked((int)121L)")]
    [InlineData("casts of casts", "", "(int)(short)(TooFast)")]
    [InlineData("nullable cast of a parenthesized constant", "const int fps = 121;", "(int?)(fps)")]
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
    [InlineData("constant interpolation of constants", "const string two = \"2\";", "$\"{Prefix}{two}\"")]
    [InlineData("cast of a constant interpolation", "", "(string)$\"{Prefix}2\"")]
    [InlineData("parenthesized concatenation", "", "(Prefix + (\"2\"))")]
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
    [Theory]
    [InlineData("literal", "500")]
    [InlineData("checked", "checked(250 * 2)")]
    [InlineData("parenthesized cast", "((int)500L)")]
    public async Task Deconstruction_writes_a_constant_element(string source, string expression)
    {
        _ = source;
        var code = TestSource.InMethod(
            $$"""
                    var request = new VideoGenerationRequest { Prompt = "a cat" };
                    (request.Fps, request.Seed) = ({|#0:{{expression}}|}, 7);
                    await client.CreateVideoAsync(request);
            """);
        await Verify<FpsAnalyzer>.AnalyzerAsync(code, Verify<FpsAnalyzer>.Diagnostic(Descriptors.LDV0006_FpsOutOfRange, 0, Rules.CheckFps(500)));
    }

    [Fact]
    public async Task Deconstruction_checks_each_element_with_its_own_rules()
    {
        var code = TestSource.InMethod(
            """
                    var request = new VideoGenerationRequest { Prompt = "a cat" };
                    (request.Model, request.CfgScale, request.Fps) = ({|#0:Typo|}, {|#1:25.0|}, 24);
            """,
            Constants);
        var diagnostics = await AllAnalyzers.RunAsync(TestSource.WithoutMarkup(code));
        Assert.Equal(
            ["LDV0001 Typo", "LDV0007 25.0"],
            diagnostics.Select(diagnostic => diagnostic.Id + " " + diagnostic.Location.SourceTree!.ToString().Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length))
                .Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("a parameter", "(request.Fps, request.Seed) = (userFps + 500, 7);")]
    [InlineData("a static readonly field", "(request.Fps, request.Seed) = (ReadonlyFps, 7);")]
    [InlineData("a conditional tuple", "(request.Fps, request.Seed) = flag ? (500, 7) : (30, 7);")]
    [InlineData("a conditional element", "(request.Fps, request.Seed) = (flag ? 500 : userFps, 7);")]
    [InlineData("a tuple from a method", "(request.Fps, request.Seed) = Pair();")]
    [InlineData("a tuple local", "var pair = (500, 7);\n(request.Fps, request.Seed) = pair;")]
    [InlineData("combinations are not judged", "(request.Model, request.ImageUrl) = (\"sora-2\", \"https://x/a.png\");\nawait client.CreateVideoAsync(request);")]
    [InlineData("a parameter, in a branch", "if (flag) { (request.Fps, request.Seed) = (userFps, 7); }")]
    public async Task Deconstruction_of_values_the_compiler_does_not_know_stays_silent(string shape, string body)
    {
        var code = TestSource.InMethod(
            "var request = new VideoGenerationRequest { Prompt = \"a cat\" };\n" + body,
            """
                static readonly int ReadonlyFps = 500;
                static (int, long) Pair() => (500, 7);
            """);
        var diagnostics = await AllAnalyzers.RunAsync(code);
        Assert.True(diagnostics.IsEmpty, shape + ": " + string.Join("; ", diagnostics));
    }

    [Theory]
    [InlineData("a parameter", "userFps + 500")]
    [InlineData("a static readonly field", "ReadonlyFps")]
    [InlineData("a conditional", "flag ? 500 : 30")]
    [InlineData("an unchecked cast of a parameter", "unchecked((int)(userFps * 500L))")]
    public async Task Values_the_compiler_does_not_know_stay_silent_through_casts_and_checked(string shape, string expression)
    {
        var code = TestSource.InMethod(
            "await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = \"a cat\", Fps = checked((int?)(" + expression + ")) });",
            "static readonly int ReadonlyFps = 500;");
        var diagnostics = await AllAnalyzers.RunAsync(code);
        Assert.True(diagnostics.IsEmpty, shape + ": " + string.Join("; ", diagnostics));
    }
}
