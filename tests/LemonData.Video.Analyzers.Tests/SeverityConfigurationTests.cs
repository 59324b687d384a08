extern alias Analyzers;

using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Descriptors = Analyzers::LemonData.Video.Analyzers.Descriptors;
using Rules = Analyzers::LemonData.Video.VideoRequestRules;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>
/// Every rule's severity is set the usual way, in .editorconfig or .globalconfig, per rule, per file or for the whole
/// category; the one analyzer that runs them all does not get in the way.
/// </summary>
public class SeverityConfigurationTests
{
    // Both images on an image model (LDV0005) and too many frames (LDV0006): two rules in one request.
    private static readonly string Source = TestSource.InMethod("""
                await client.CreateVideoAsync(new VideoGenerationRequest
                {
                    Prompt = "a cat",
                    Model = VideoModels.KlingV21Pro,
                    ImageUrl = "https://example.com/cat.png",
                    {|#0:Image = "data:image/png;base64,iVBORw0KGgo="|},
                    Fps = {|#1:500|},
                });
        """);

    private static DiagnosticResult BothImages => Expected(Descriptors.LDV0005_ConflictingImageSources, 0, Rules.CheckSingleImageSource(true, true)!.Value.Message);

    private static DiagnosticResult TooManyFrames => Expected(Descriptors.LDV0006_FpsOutOfRange, 1, Rules.CheckFps(500)!.Value.Message);

    [Fact]
    public async Task By_default_both_rules_warn()
    {
        await new WholeAnalyzerTest(Source).Expect(BothImages, TooManyFrames).VerifyAsync();
    }

    [Fact]
    public async Task One_rule_off_in_editorconfig_leaves_the_others()
    {
        await new WholeAnalyzerTest(Source)
            .WithConfig("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.LDV0005.severity = none\n")
            .Expect(TooManyFrames)
            .VerifyAsync();
    }

    [Fact]
    public async Task A_rule_raised_to_error_in_editorconfig()
    {
        // Through the compiler's own configuration set, as a build applies it: the testing library (1.1.4) reported
        // the descriptor's severity for a raised rule here, where the compiler reports the error.
        var diagnostics = await AllAnalyzers.RunAsync(TestSource.WithoutMarkup(Source), "root = true\n\n[*.cs]\ndotnet_diagnostic.LDV0006.severity = error\n");

        Assert.Equal(
            ["LDV0005 Warning", "LDV0006 Error"],
            diagnostics.Select(diagnostic => diagnostic.Id + " " + diagnostic.Severity));
    }

    [Fact]
    public async Task A_rule_lowered_to_a_suggestion_in_globalconfig()
    {
        await new WholeAnalyzerTest(Source)
            .WithConfig("/.globalconfig", "is_global = true\ndotnet_diagnostic.LDV0005.severity = suggestion\n")
            .Expect(BothImages.WithSeverity(DiagnosticSeverity.Info), TooManyFrames)
            .VerifyAsync();
    }

    [Fact]
    public async Task A_rule_off_for_one_file_only()
    {
        var test = new WholeAnalyzerTest(Source, "/0/Legacy.cs")
            .WithConfig("/.editorconfig", "root = true\n\n[Legacy.cs]\ndotnet_diagnostic.LDV0006.severity = none\n")
            .Expect(BothImages);
        test.TestState.Sources.Add(("/0/Current.cs", TestSource.Usings + """
            class Current
            {
                async Task Run(LemonDataVideoClient client) =>
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Fps = {|#2:500|} });
            }
            """));
        test.Expect(Expected(Descriptors.LDV0006_FpsOutOfRange, 2, Rules.CheckFps(500)!.Value.Message));
        await test.VerifyAsync();
    }

    [Theory]
    [InlineData("dotnet_analyzer_diagnostic.category-Usage.severity = none", new string[0])]
    [InlineData("dotnet_analyzer_diagnostic.category-Usage.severity = error", new[] { "LDV0005 Error", "LDV0006 Error" })]
    [InlineData("dotnet_analyzer_diagnostic.category-Usage.severity = none\ndotnet_diagnostic.LDV0006.severity = warning", new[] { "LDV0006 Warning" })]
    public async Task The_whole_category_at_once(string entries, string[] expected)
    {
        var diagnostics = await AllAnalyzers.RunAsync(TestSource.WithoutMarkup(Source), "root = true\n\n[*.cs]\n" + entries + "\n");

        Assert.Equal(expected, diagnostics.Select(diagnostic => diagnostic.Id + " " + diagnostic.Severity));
    }

    [Fact]
    public async Task The_configuration_check_is_set_in_globalconfig()
    {
        // LDV0012 has no location in the source, so only the global configuration reaches it (docs/LDV0012.md says so).
        var source = TestSource.InMethod("""await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "acme-video-2" });""");
        const string Malformed = "lemondata_video.extra_models = acme-video-2: txt\n";
        await new WholeAnalyzerTest(source)
            .WithConfig("/.globalconfig", "is_global = true\n" + Malformed)
            .Expect(new DiagnosticResult(Descriptors.LDV0012_InvalidExtraModel).WithMessage(
                "lemondata_video.extra_models entry 'acme-video-2: txt' is malformed: 'txt' is not a capability. "
                + Analyzers::LemonData.Video.Analyzers.Configuration.ExtraModelsParser.ExpectedSyntax))
            .VerifyAsync();
        await new WholeAnalyzerTest(source)
            .WithConfig("/.globalconfig", "is_global = true\n" + Malformed + "dotnet_diagnostic.LDV0012.severity = none\n")
            .VerifyAsync();
    }

    private static DiagnosticResult Expected(DiagnosticDescriptor descriptor, int markup, string message) =>
        new DiagnosticResult(descriptor).WithLocation(markup).WithArguments(message);
}
