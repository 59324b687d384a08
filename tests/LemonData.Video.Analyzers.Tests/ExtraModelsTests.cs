extern alias Analyzers;

using System.Threading.Tasks;
using LemonData.Video.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis.Testing;
using Capabilities = Analyzers::LemonData.Video.VideoCapabilities;
using Descriptors = Analyzers::LemonData.Video.Analyzers.Descriptors;
using ExtraModelsParser = Analyzers::LemonData.Video.Analyzers.Configuration.ExtraModelsParser;
using ImageOnTextOnlyAnalyzer = Analyzers::LemonData.Video.Analyzers.ImageShouldNotBeSetOnTextOnlyModel;
using ModelInfo = Analyzers::LemonData.Video.VideoModelInfo;
using Rules = Analyzers::LemonData.Video.VideoRequestRules;
using Violation = Analyzers::LemonData.Video.VideoRuleViolation;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>
/// <c>lemondata_video.extra_models</c>, end to end through the compiler's own reading of .editorconfig and .globalconfig:
/// a declared model is no LDV0001, and gets the capability checks it declared.
/// </summary>
public class ExtraModelsTests
{
    private const string EditorConfig = "/.editorconfig";
    private const string GlobalConfig = "/.globalconfig";

    [Theory]
    [InlineData(null, true)]
    [InlineData("acme-video-2: text, image", false)]
    [InlineData("acme-video-2", false)]
    [InlineData("acme-other: text | acme-video-2: text, duration=5", false)]
    [InlineData("acme-video-3: text", true)]
    [InlineData("ACME-VIDEO-2: text", true)]
    public async Task A_declared_model_is_not_unknown(string? declared, bool ldv0001)
    {
        var test = new WholeAnalyzerTest(Request("""Model = {|#0:"acme-video-2"|}"""));
        if (declared is not null)
        {
            test.WithConfig(EditorConfig, Section("*.cs", declared));
        }

        if (ldv0001)
        {
            test.Expect(Expected(Descriptors.LDV0001_UnknownModel, 0, Rules.CheckModel("acme-video-2")));
        }

        await test.VerifyAsync();
    }

    [Theory]
    [InlineData("text", "ImageUrl", true)]
    [InlineData("text", "Image", true)]
    [InlineData("text, image", "ImageUrl", false)]
    [InlineData("extend", "ImageUrl", false)]
    public async Task LDV0002_for_a_declared_text_only_model(string capabilities, string property, bool fires)
    {
        var value = property == "Image" ? "\"data:image/png;base64,iVBORw0KGgo=\"" : "\"https://example.com/cat.png\"";
        var test = new WholeAnalyzerTest(Request("Model = \"acme-video-2\", {|#0:" + property + " = " + value + "|}"))
            .WithConfig(EditorConfig, Section("*.cs", "acme-video-2: " + capabilities));
        if (fires)
        {
            // The shared rule's sentence, for a model described the way the declaration describes it.
            var declared = Declared("acme-video-2", Capabilities.TextToVideo);
            test.Expect(Expected(Descriptors.LDV0002_ImageOnTextOnlyModel, 0, Rules.CheckImageOnTextOnlyModel("acme-video-2", declared, property)));
        }

        await test.VerifyAsync();
    }

    [Fact]
    public async Task LDV0002_names_the_declared_model_and_offers_no_switch()
    {
        var test = new Verify<ImageOnTextOnlyAnalyzer>.Test { TestCode = Request("""Model = "acme-video-2", {|#0:ImageUrl = "https://example.com/cat.png"|}""") };
        test.TestState.AnalyzerConfigFiles.Add((EditorConfig, Section("*.cs", "acme-video-2: text")));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.LDV0002_ImageOnTextOnlyModel).WithLocation(0).WithMessage(
            Rules.CheckImageOnTextOnlyModel("acme-video-2", Declared("acme-video-2", Capabilities.TextToVideo), "ImageUrl")!.Value.Message));
        await test.RunAsync();
        SwallowedExceptions.AssertNone();

        Assert.StartsWith("ImageUrl is set, but model 'acme-video-2' takes text only", test.ExpectedDiagnostics[0].Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("image", true)]
    [InlineData("text, image", false)]
    public async Task LDV0004_for_a_declared_image_only_model(string capabilities, bool fires)
    {
        var test = new WholeAnalyzerTest(Request("""{|#0:Model = "acme-i2v"|}"""))
            .WithConfig(EditorConfig, Section("*.cs", "acme-i2v: " + capabilities));
        if (fires)
        {
            test.Expect(Expected(Descriptors.LDV0004_ImageRequired, 0, Rules.CheckImageRequired("acme-i2v", Declared("acme-i2v", Capabilities.ImageToVideo), false, false)));
        }

        await test.VerifyAsync();
    }

    [Theory]
    [InlineData("text, image", true)]
    [InlineData("text, image, keyframes", false)]
    public async Task LDV0003_for_a_declared_model_without_keyframes(string capabilities, bool fires)
    {
        var test = new WholeAnalyzerTest(Request("""Model = "acme-keys-1", {|#0:EndImage = "https://example.com/end.png"|}"""))
            .WithConfig(EditorConfig, Section("*.cs", "acme-keys-1: " + capabilities));
        if (fires)
        {
            test.Expect(Expected(Descriptors.LDV0003_KeyframesNotSupported, 0, Rules.CheckKeyframes("acme-keys-1", Declared("acme-keys-1", Capabilities.TextToVideo | Capabilities.ImageToVideo), "EndImage")));
        }

        await test.VerifyAsync();
    }

    [Theory]
    [InlineData("image, duration=5", 10, true)]
    [InlineData("image, duration=5", 5, false)]
    [InlineData("duration=5", 10, true)]
    [InlineData("image", 10, false)]
    public async Task LDV0009_for_a_declared_fixed_length(string declaration, int duration, bool fires)
    {
        var test = new WholeAnalyzerTest(Request("Model = \"acme-clip\", ImageUrl = \"https://example.com/a.png\", Duration = {|#0:" + duration + "|}"))
            .WithConfig(EditorConfig, Section("*.cs", "acme-clip: " + declaration));
        if (fires)
        {
            var declared = Declared("acme-clip", Capabilities.ImageToVideo, fixedDuration: 5);
            test.Expect(Expected(Descriptors.LDV0009_UnsupportedDuration, 0, Rules.CheckDuration("acme-clip", declared, duration)));
        }

        await test.VerifyAsync();
    }

    [Fact]
    public async Task A_model_declared_without_capabilities_is_never_checked_for_them()
    {
        // Any of these would fire for a catalog model of the wrong kind: with nothing declared, no rule guesses.
        var source = TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a", Model = "acme-preview", ImageUrl = "https://x/a.png", StartImage = "https://x/s.png", EndImage = "https://x/e.png" });
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "b", Model = "acme-preview" });
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "c", Model = "acme-preview", ImageUrl = "https://x/a.png", Image = "data:image/png;base64,AAAA", Duration = 7 });
            """);
        await new WholeAnalyzerTest(source).WithConfig(EditorConfig, Section("*.cs", "acme-preview")).VerifyAsync();
    }

    [Fact]
    public async Task A_file_section_declares_for_its_files_only_and_wins_over_the_global_configuration()
    {
        var test = new WholeAnalyzerTest(Request("""Model = "acme-video-2", {|#0:ImageUrl = "https://example.com/cat.png"|}""", "Legacy"), "/0/Legacy.cs")
            .WithConfig(GlobalConfig, "is_global = true\nlemondata_video.extra_models = acme-video-2: text, image\n")
            .WithConfig(EditorConfig, "root = true\n\n[Legacy.cs]\nlemondata_video.extra_models = acme-video-2: text | acme-legacy\n");
        test.TestState.Sources.Add(("/0/Current.cs", Request("""Model = "acme-video-2", ImageUrl = "https://example.com/cat.png" """, "Current")));
        test.TestState.Sources.Add(("/0/Other.cs", Request("""Model = {|#1:"acme-legacy"|}""", "Other")));
        test.Expect(
            Expected(Descriptors.LDV0002_ImageOnTextOnlyModel, 0, Rules.CheckImageOnTextOnlyModel("acme-video-2", Declared("acme-video-2", Capabilities.TextToVideo), "ImageUrl")),
            Expected(Descriptors.LDV0001_UnknownModel, 1, Rules.CheckModel("acme-legacy")));
        await test.VerifyAsync();
    }

    [Fact]
    public async Task A_malformed_entry_is_LDV0012_once_and_the_other_entries_apply()
    {
        const string Value = "acme-video-2: text, imag | acme-keys-1: text";
        // The same entry in the global configuration and in a section: reported once. The entry still declares its
        // model (no LDV0001 in Second.cs), with nothing known of it (no LDV0002 either).
        var test = new WholeAnalyzerTest(Request("""Model = "acme-keys-1", {|#0:StartImage = "https://example.com/a.png"|}"""))
            .WithConfig(GlobalConfig, "is_global = true\nlemondata_video.extra_models = " + Value + "\n")
            .WithConfig(EditorConfig, Section("*.cs", Value));
        test.TestState.Sources.Add(("/0/Second.cs", Request("""Model = "acme-video-2", ImageUrl = "https://example.com/a.png" """, "Second")));
        test.Expect(
            Expected(Descriptors.LDV0003_KeyframesNotSupported, 0, Rules.CheckKeyframes("acme-keys-1", Declared("acme-keys-1", Capabilities.TextToVideo), "StartImage")),
            new DiagnosticResult(Descriptors.LDV0012_InvalidExtraModel).WithArguments(
                "lemondata_video.extra_models entry 'acme-video-2: text, imag' is malformed: 'imag' is not a capability. " + ExtraModelsParser.ExpectedSyntax));
        await test.VerifyAsync();
    }

    [Fact]
    public async Task An_entry_for_a_catalog_model_is_LDV0012_and_the_catalog_applies()
    {
        var test = new WholeAnalyzerTest(Request("""Model = "sora-2", {|#0:ImageUrl = "https://example.com/cat.png"|}"""))
            .WithConfig(EditorConfig, Section("*.cs", "sora-2: text, image"));
        test.Expect(
            Expected(Descriptors.LDV0002_ImageOnTextOnlyModel, 0, Rules.CheckImageOnTextOnlyModel("sora-2", "ImageUrl")),
            new DiagnosticResult(Descriptors.LDV0012_InvalidExtraModel).WithArguments(
                "lemondata_video.extra_models entry 'sora-2: text, image' is ignored: 'sora-2' is a model of the catalog, whose capabilities apply; remove the entry."));
        await test.VerifyAsync();
    }

    [Fact]
    public async Task A_semicolon_starts_an_editorconfig_comment_so_entries_after_it_are_lost()
    {
        // Why the separator is '|': the compiler's .editorconfig reader drops everything from ';' on, without a word.
        var test = new WholeAnalyzerTest(Request("""Model = {|#0:"acme-keys-1"|}"""))
            .WithConfig(EditorConfig, Section("*.cs", "acme-video-2: text, image; acme-keys-1: text, keyframes"));
        test.Expect(Expected(Descriptors.LDV0001_UnknownModel, 0, Rules.CheckModel("acme-keys-1")));
        await test.VerifyAsync();
    }

    private static string Section(string glob, string extraModels) =>
        "root = true\n\n[" + glob + "]\nlemondata_video.extra_models = " + extraModels + "\n";

    private static string Request(string members, string className = "Sample") =>
        TestSource.Usings + $$"""
        class {{className}}
        {
            async Task Run(LemonDataVideoClient client) =>
                await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", {{members}} });
        }
        """;

    private static ModelInfo Declared(string id, Capabilities capabilities, int? fixedDuration = null) =>
        new(id, "test", id, capabilities, fixedDuration, null, null);

    private static DiagnosticResult Expected(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, int markup, Violation? violation)
    {
        Assert.True(violation.HasValue, "the shared rule should find a violation for the expected diagnostic");
        return new DiagnosticResult(descriptor).WithLocation(markup).WithArguments(violation!.Value.Message);
    }
}
