extern alias Analyzers;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis.Testing;
using AspectRatioAnalyzer = Analyzers::LemonData.Video.Analyzers.AspectRatioShouldBeOfferedByModel;
using CatalogFileReader = Analyzers::LemonData.Video.CatalogFileReader;
using Descriptors = Analyzers::LemonData.Video.Analyzers.Descriptors;
using DurationAnalyzer = Analyzers::LemonData.Video.Analyzers.DurationShouldBeSupportedByModel;
using ModelCatalog = Analyzers::LemonData.Video.VideoModelCatalog;
using ModelInfo = Analyzers::LemonData.Video.VideoModelInfo;
using ParameterAnalyzer = Analyzers::LemonData.Video.Analyzers.ParameterShouldBeSupportedByModel;
using ResolutionAnalyzer = Analyzers::LemonData.Video.Analyzers.ResolutionShouldBeOfferedByModel;
using Rules = Analyzers::LemonData.Video.VideoRequestRules;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>
/// The rules of a model's contract (LDV0009's durations, LDV0013 Resolution, LDV0014 AspectRatio, LDV0015 supported
/// parameters) with the catalog file of the issue, and their silence without it.
/// </summary>
public class ContractRuleTests
{
    private const string Model = "seedance-2.0-fast";
    private const string Url = "\"https://example.com/cat.png\"";
    private const string DataUrl = "\"data:image/png;base64,iVBORw0KGgo=\"";

    private static readonly ModelInfo Seedance = Info(ModelsFiles.SeedanceFast, Model);

    [Theory]
    [InlineData("\"4k\"", "4k", true)]
    [InlineData("\"1080p\"", "1080p", true)]
    [InlineData("\"720p\"", "720p", false)]
    [InlineData("\"480p\"", "480p", false)]
    [InlineData("\"720P\"", "720P", false)]
    [InlineData("userModel", null, false)]
    public async Task LDV0013_resolution_not_offered(string expression, string? value, bool fires)
    {
        var source = Request("Resolution = {|#0:" + expression + "|}");
        await Verify<ResolutionAnalyzer>.AnalyzerWithModelsAsync(
            source,
            ModelsFiles.SeedanceFast,
            fires ? [Verify<ResolutionAnalyzer>.Diagnostic(Descriptors.LDV0013_UnsupportedResolution, 0, Rules.CheckResolution(Model, Seedance, value!))] : []);
    }

    [Fact]
    public void LDV0013_names_the_model_the_value_and_the_offered_resolutions()
    {
        var message = Rules.CheckResolution(Model, Seedance, "4k")!.Value.Message;
        Assert.StartsWith("Resolution is '4k', but model 'seedance-2.0-fast' offers only 480p, 720p", message, StringComparison.Ordinal);
        Assert.Contains("for example '720p' (the nearest)", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2:1", true)]
    [InlineData("adaptive", true)]
    [InlineData("16:9", false)]
    [InlineData("21:9", false)]
    public async Task LDV0014_aspect_ratio_not_offered(string value, bool fires)
    {
        await Verify<AspectRatioAnalyzer>.AnalyzerWithModelsAsync(
            Request("AspectRatio = {|#0:\"" + value + "\"|}"),
            ModelsFiles.SeedanceFast,
            fires ? [Verify<AspectRatioAnalyzer>.Diagnostic(Descriptors.LDV0014_UnsupportedAspectRatio, 0, Rules.CheckAspectRatio(Model, Seedance, value))] : []);
    }

    [Theory]
    [InlineData(7, true)]
    [InlineData(3, true)]
    [InlineData(16, true)]
    [InlineData(0, true)]
    [InlineData(61, true)]
    [InlineData(4, false)]
    [InlineData(8, false)]
    [InlineData(15, false)]
    public async Task LDV0009_duration_not_in_the_models_durations(int duration, bool fires)
    {
        await Verify<DurationAnalyzer>.AnalyzerWithModelsAsync(
            Request("Duration = {|#0:" + duration.ToString(CultureInfo.InvariantCulture) + "|}"),
            ModelsFiles.SeedanceFast,
            fires ? [Verify<DurationAnalyzer>.Diagnostic(Descriptors.LDV0009_UnsupportedDuration, 0, Rules.CheckDuration(Model, Seedance, duration))] : []);
    }

    [Fact]
    public void LDV0009_names_the_durations_and_the_nearest()
    {
        var message = Rules.CheckDuration(Model, Seedance, 7)!.Value.Message;
        Assert.Contains("makes only clips of 4, 5, 6, 8, 10, 12, 15 seconds", message, StringComparison.Ordinal);
        Assert.Contains("for example 6 (the nearest)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LDV0009_a_duration_in_the_APIs_range_is_checked_against_the_list_only_where_the_model_is_seen()
    {
        var source = TestSource.InMethod(
            """
                    var split = new VideoGenerationRequest { Prompt = "a cat" };
                    split.Duration = {|#0:7|};
                    split.Model = "seedance-2.0-fast";
                    await client.CreateVideoAsync(split);

                    var escaped = new VideoGenerationRequest { Prompt = "a cat", Model = userModel, Duration = 7 };
                    Keep(escaped);
            """,
            "static void Keep(VideoGenerationRequest request) { }");
        await Verify<DurationAnalyzer>.AnalyzerWithModelsAsync(
            source,
            ModelsFiles.SeedanceFast,
            Verify<DurationAnalyzer>.Diagnostic(Descriptors.LDV0009_UnsupportedDuration, 0, Rules.CheckDuration(Model, Seedance, 7)));
    }

    public static TheoryData<string, string, bool> Parameters => new()
    {
        // Not in supported_parameters: the service would ignore them.
        { "Fps = 24", "Fps", true },
        { "NegativePrompt = \"blurry\"", "NegativePrompt", true },
        { "CfgScale = 7.5", "CfgScale", true },
        { "MotionStrength = 0.5", "MotionStrength", true },
        { "Watermark = false", "Watermark", true },
        { "VideoUrl = " + Url, "VideoUrl", true },
        { "Operation = \"text-to-video\"", "Operation", true },
        { "ExtendAt = 3", "ExtendAt", true },
        // Set for sure although not constant: a non-nullable value, an interpolation.
        { "Fps = userFps", "Fps", true },
        { "NegativePrompt = $\"no {userModel}\"", "NegativePrompt", true },
        // Supported, or never reported, or not known to be set.
        { "Image = " + DataUrl, "Image", false },
        { "ImageUrl = " + Url, "ImageUrl", false },
        { "StartImage = " + Url, "StartImage", false },
        { "Seed = 42", "Seed", false },
        { "OutputAudio = true", "OutputAudio", false },
        { "ReferenceImages = new[] { " + Url + " }", "ReferenceImages", false },
        { "Resolution = \"720p\"", "Resolution", false },
        { "User = \"user-1\"", "User", false },
        { "Fps = null", "Fps", false },
        { "NegativePrompt = userModel", "NegativePrompt", false },
    };

    [Theory]
    [MemberData(nameof(Parameters))]
    public async Task LDV0015_property_not_in_supported_parameters(string member, string property, bool fires)
    {
        await Verify<ParameterAnalyzer>.AnalyzerWithModelsAsync(
            Request("{|#0:" + member + "|}"),
            ModelsFiles.SeedanceFast,
            fires ? [Verify<ParameterAnalyzer>.Diagnostic(Descriptors.LDV0015_UnsupportedParameter, 0, Rules.CheckSupportedParameter(Model, Seedance, property))] : []);
    }

    [Fact]
    public void LDV0015_names_the_property_its_wire_name_and_the_supported_parameters()
    {
        var message = Rules.CheckSupportedParameter(Model, Seedance, "Fps")!.Value.Message;
        Assert.StartsWith("Fps (fps) is set, but model 'seedance-2.0-fast' does not read it", message, StringComparison.Ordinal);
        Assert.Contains("prompt, image_url, start_image", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LDV0015_Image_counts_as_image_url()
    {
        var file = ModelsFiles.With("\"id\": \"acme-text-1\", \"supported_parameters\": [\"prompt\", \"duration\"]");
        var info = Info(file, "acme-text-1");
        await Verify<ParameterAnalyzer>.AnalyzerWithModelsAsync(
            TestSource.InMethod($$"""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "acme-text-1", {|#0:Image = {{DataUrl}}|} });
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "acme-text-1", {|#1:ImageUrl = {{Url}}|}, Duration = 5 });
            """),
            file,
            Verify<ParameterAnalyzer>.Diagnostic(Descriptors.LDV0015_UnsupportedParameter, 0, Rules.CheckSupportedParameter("acme-text-1", info, "Image")),
            Verify<ParameterAnalyzer>.Diagnostic(Descriptors.LDV0015_UnsupportedParameter, 1, Rules.CheckSupportedParameter("acme-text-1", info, "ImageUrl")));
    }

    [Fact]
    public async Task A_write_off_the_straight_line_makes_the_value_unknown_until_a_later_write_decides_it()
    {
        var source = TestSource.InMethod("""
                    var unknown = new VideoGenerationRequest { Prompt = "a cat", Model = "seedance-2.0-fast", Resolution = "4k", Fps = null };
                    if (flag) { unknown.Resolution = "720p"; unknown.NegativePrompt = "blurry"; }
                    await client.CreateVideoAsync(unknown);

                    var decided = new VideoGenerationRequest { Prompt = "a cat", Model = "seedance-2.0-fast" };
                    if (flag) { decided.Resolution = "720p"; }
                    decided.Resolution = {|#0:"4k"|};
                    await client.CreateVideoAsync(decided);
            """);
        await Verify<ResolutionAnalyzer>.AnalyzerWithModelsAsync(
            source,
            ModelsFiles.SeedanceFast,
            Verify<ResolutionAnalyzer>.Diagnostic(Descriptors.LDV0013_UnsupportedResolution, 0, Rules.CheckResolution(Model, Seedance, "4k")));
    }

    [Fact]
    public async Task A_contract_property_set_in_a_branch_does_not_hide_the_other_rules()
    {
        // The rules of the API's limits and capabilities keep following the request past a Seed or a Resolution in a branch.
        var source = TestSource.InMethod("""
                    var request = new VideoGenerationRequest { Prompt = "a cat", Model = "seedance-2.0-fast" };
                    if (flag) { request.Seed = 42; request.Resolution = "4k"; }
                    request.Duration = {|#0:7|};
                    await client.CreateVideoAsync(request);
            """);
        await Verify<DurationAnalyzer>.AnalyzerWithModelsAsync(
            source,
            ModelsFiles.SeedanceFast,
            Verify<DurationAnalyzer>.Diagnostic(Descriptors.LDV0009_UnsupportedDuration, 0, Rules.CheckDuration(Model, Seedance, 7)));
    }

    [Fact]
    public async Task The_default_model_is_checked_by_its_entry_where_the_request_is_seen_whole()
    {
        var file = ModelsFiles.With("\"id\": \"sora-2\", \"capabilities\": [\"text-to-video\"], \"resolutions\": [\"720p\"]");
        var sora = Info(file, "sora-2");
        var source = TestSource.InMethod(
            """
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Resolution = {|#0:"4k"|} });
                    Keep(new VideoGenerationRequest { Prompt = "a cat", Resolution = "4k" });
            """,
            "static void Keep(VideoGenerationRequest request) { }");
        await Verify<ResolutionAnalyzer>.AnalyzerWithModelsAsync(
            source,
            file,
            Verify<ResolutionAnalyzer>.Diagnostic(Descriptors.LDV0013_UnsupportedResolution, 0, Rules.CheckResolution(null, sora, "4k")));
    }

    [Fact]
    public async Task A_model_only_the_file_knows_is_no_LDV0001_and_a_typo_of_it_is_offered_it()
    {
        var file = ModelsFiles.With("\"id\": \"acme-video-9\", \"capabilities\": [\"text-to-video\"]");
        var catalog = ModelCatalog.FromFile(CatalogFileReader.Read(file));
        var source = TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "acme-video-9" });
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = {|#0:"acme-vide-9"|} });
            """);
        var violation = Rules.CheckModel("acme-vide-9", catalog, null, false)!.Value;
        Assert.Contains("Did you mean 'acme-video-9'?", violation.Message, StringComparison.Ordinal);
        await new WholeAnalyzerTest(source)
            .WithModelsFile(file)
            .Expect(new DiagnosticResult(Descriptors.LDV0001_UnknownModel).WithLocation(0).WithArguments(violation.Message))
            .VerifyAsync();

        // Without the file, both are unknown.
        await new WholeAnalyzerTest(TestSource.WithoutMarkup(source).Replace("Model = \"acme-video-9\"", "Model = {|#0:\"acme-video-9\"|}", StringComparison.Ordinal).Replace("Model = \"acme-vide-9\"", "Model = {|#1:\"acme-vide-9\"|}", StringComparison.Ordinal))
            .Expect(
                new DiagnosticResult(Descriptors.LDV0001_UnknownModel).WithLocation(0).WithArguments(Rules.CheckModel("acme-video-9")!.Value.Message),
                new DiagnosticResult(Descriptors.LDV0001_UnknownModel).WithLocation(1).WithArguments(Rules.CheckModel("acme-vide-9")!.Value.Message))
            .VerifyAsync();
    }

    /// <summary>Requests that break a contract of the file and nothing the snapshot knows, with the id each must raise.</summary>
    public static IEnumerable<(string Members, string Id)> ContractBreakers()
    {
        foreach (var resolution in new[] { "4k", "1080p", "2160p", "360p" })
        {
            yield return ("Resolution = \"" + resolution + "\"", "LDV0013");
        }

        foreach (var aspectRatio in new[] { "2:1", "adaptive", "5:4", "1:2" })
        {
            yield return ("AspectRatio = \"" + aspectRatio + "\"", "LDV0014");
        }

        foreach (var duration in new[] { 1, 2, 3, 7, 9, 11, 13, 14, 16, 20, 30, 60 })
        {
            yield return ("Duration = " + duration.ToString(CultureInfo.InvariantCulture), "LDV0009");
        }

        foreach (var member in new[] { "Fps = 24", "Fps = 120", "NegativePrompt = \"blurry\"", "CfgScale = 7", "MotionStrength = 0.3", "Watermark = true", "Operation = \"text-to-video\"", "VideoUrl = " + Url, "AudioUrl = " + Url, "TaskId = \"task-1\"", "ExtendAt = 4", "ReferenceImageType = \"style\"" })
        {
            yield return (member, "LDV0015");
        }
    }

    [Fact]
    public async Task Without_the_file_no_contract_rule_fires_and_with_it_each_request_raises_its_own()
    {
        var breakers = ContractBreakers().ToList();
        var shapes = new Func<string, string>[]
        {
            members => "        await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = \"a cat\", Model = \"seedance-2.0-fast\", " + members + " });",
            members => "        await client.GenerateVideoAsync(new() { Prompt = \"a cat\", Model = VideoModels.Seedance2_0Fast, " + members + " });",
            members => "        { var request = new VideoGenerationRequest { Prompt = \"a cat\" }; request.Model = \"seedance-2.0-fast\"; request." + members + "; await client.CreateVideoAsync(request); }",
            members => "        Keep(new VideoGenerationRequest { Prompt = \"a cat\", Model = \"seedance-2.0-fast\", " + members + " });",
        };
        var lines = breakers.SelectMany(breaker => shapes.Select(shape => shape(breaker.Members))).ToList();
        var source = TestSource.InMethod(string.Join("\n", lines), "static void Keep(VideoGenerationRequest request) { }");

        Assert.Empty(await AllAnalyzers.RunAsync(source, editorconfig: null, modelsFile: null));

        // The same code with the file: every request raises exactly the id it breaks, once, on its own line.
        var withFile = await AllAnalyzers.RunAsync(source, editorconfig: null, modelsFile: ModelsFiles.SeedanceFast);
        var firstLine = source.Split('\n').ToList().FindIndex(line => line.Contains("a cat", StringComparison.Ordinal));
        for (var i = 0; i < lines.Count; i++)
        {
            var onLine = withFile.Where(diagnostic => diagnostic.Location.GetLineSpan().StartLinePosition.Line == firstLine + i).Select(diagnostic => diagnostic.Id).ToList();
            Assert.True(onLine.SequenceEqual([breakers[i / shapes.Length].Id]), lines[i] + ": " + string.Join(", ", onLine));
        }
    }

    /// <summary>
    /// The shortcut that reads an initializer's own Model (a model without lists: no need to build the whole request) must
    /// never hide a finding: a request stored in a local whose model a later statement changes is followed to its end.
    /// </summary>
    [Fact]
    public async Task A_model_changed_after_the_initializer_is_the_one_the_contract_rules_judge_by()
    {
        var source = TestSource.InMethod("""
                    var request = new VideoGenerationRequest { Prompt = "a cat", Model = "sora-2", Resolution = {|#0:"4k"|}, {|#1:Fps = 24|} };
                    request.Model = "seedance-2.0-fast";
                    await client.CreateVideoAsync(request);
            """);

        await Verify<ResolutionAnalyzer>.AnalyzerWithModelsAsync(
            source,
            ModelsFiles.SeedanceFast,
            [Verify<ResolutionAnalyzer>.Diagnostic(Descriptors.LDV0013_UnsupportedResolution, 0, Rules.CheckResolution(Model, Seedance, "4k"))]);
        await Verify<ParameterAnalyzer>.AnalyzerWithModelsAsync(
            source,
            ModelsFiles.SeedanceFast,
            [Verify<ParameterAnalyzer>.Diagnostic(Descriptors.LDV0015_UnsupportedParameter, 1, Rules.CheckSupportedParameter(Model, Seedance, "Fps"))]);
    }

    [Fact]
    public async Task An_initializer_naming_a_model_without_lists_raises_no_contract_rule()
    {
        await Verify<ParameterAnalyzer>.AnalyzerWithModelsAsync(
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "sora-2", Fps = 24, Resolution = "4k" });
            """),
            ModelsFiles.SeedanceFast,
            []);
    }

    private static string Request(string members) =>
        TestSource.InMethod($$"""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "seedance-2.0-fast", {{members}} });
            """);

    internal static ModelInfo Info(string file, string id)
    {
        Assert.True(ModelCatalog.FromFile(CatalogFileReader.Read(file)).TryGetModel(id, out var info), id + " is not in the file");
        return info;
    }
}
