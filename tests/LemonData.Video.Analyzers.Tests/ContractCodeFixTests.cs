extern alias Analyzers;

using System.Threading.Tasks;
using LemonData.Video.Analyzers.Tests.Support;
using AspectRatioAnalyzer = Analyzers::LemonData.Video.Analyzers.AspectRatioShouldBeOfferedByModel;
using DurationAnalyzer = Analyzers::LemonData.Video.Analyzers.DurationShouldBeSupportedByModel;
using KeyframesAnalyzer = Analyzers::LemonData.Video.Analyzers.KeyframesShouldBeOnKeyframeModel;
using ParameterAnalyzer = Analyzers::LemonData.Video.Analyzers.ParameterShouldBeSupportedByModel;
using RemovePropertyFix = Analyzers::LemonData.Video.Analyzers.CodeFixes.RemovePropertyFix;
using ResolutionAnalyzer = Analyzers::LemonData.Video.Analyzers.ResolutionShouldBeOfferedByModel;
using SwitchModelFix = Analyzers::LemonData.Video.Analyzers.CodeFixes.SwitchModelFix;
using UseOfferedValueFix = Analyzers::LemonData.Video.Analyzers.CodeFixes.UseOfferedValueFix;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>The fixes of the contract rules, on one diagnostic and as Fix All, with the catalog file.</summary>
public class ContractCodeFixTests
{
    private const string File = ModelsFiles.SeedanceFast;

    [Theory]
    [InlineData("\"4k\"", "\"720p\"")]
    [InlineData("\"1080p\"", "\"720p\"")]
    [InlineData("\"360p\"", "\"480p\"")]
    [InlineData("\"best\"", "\"480p\"")]
    public async Task LDV0013_uses_the_nearest_offered_resolution(string value, string fixedValue)
    {
        await Verify<ResolutionAnalyzer, UseOfferedValueFix>.FixWithModelsAsync(
            Request("Resolution = [|" + value + "|]"),
            Request("Resolution = " + fixedValue),
            File);
    }

    [Theory]
    [InlineData("\"2:1\"", "\"16:9\"")]
    [InlineData("\"1:2\"", "\"9:16\"")]
    [InlineData("\"5:4\"", "\"4:3\"")]
    [InlineData("\"adaptive\"", "\"1:1\"")]
    public async Task LDV0014_uses_the_nearest_offered_aspect_ratio(string value, string fixedValue)
    {
        await Verify<AspectRatioAnalyzer, UseOfferedValueFix>.FixWithModelsAsync(
            Request("AspectRatio = [|" + value + "|]"),
            Request("AspectRatio = " + fixedValue),
            File);
    }

    [Theory]
    [InlineData("7", "6")]
    [InlineData("9", "8")]
    [InlineData("3", "4")]
    [InlineData("20", "15")]
    [InlineData("61", "15")]
    [InlineData("-5", "4")]
    public async Task LDV0009_uses_the_nearest_duration_the_model_makes(string value, string fixedValue)
    {
        await Verify<DurationAnalyzer, UseOfferedValueFix>.FixWithModelsAsync(
            Request("Duration = [|" + value + "|]"),
            Request("Duration = " + fixedValue),
            File);
    }

    [Fact]
    public async Task LDV0009_uses_the_one_length_of_a_fixed_length_model_without_a_file()
    {
        await Verify<DurationAnalyzer, UseOfferedValueFix>.FixAsync(
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = VideoModels.RunwayGen4Turbo5, Duration = [|10|] });
            """),
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = VideoModels.RunwayGen4Turbo5, Duration = 5 });
            """));
    }

    [Fact]
    public async Task LDV0009_offers_nothing_for_the_APIs_range_alone_or_a_constant()
    {
        await Verify<DurationAnalyzer, UseOfferedValueFix>.NoFixAsync(TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Duration = [|61|] });
            """));
        await Verify<DurationAnalyzer, UseOfferedValueFix>.NoFixAsync(
            TestSource.InMethod(
                """
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "seedance-2.0-fast", Duration = [|Seven|] });
                """,
                "const int Seven = 7;"),
            File);
    }

    [Fact]
    public async Task LDV0013_offers_nothing_for_a_constant()
    {
        await Verify<ResolutionAnalyzer, UseOfferedValueFix>.NoFixAsync(
            TestSource.InMethod(
                """
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "seedance-2.0-fast", Resolution = [|Best|] });
                """,
                "const string Best = \"4k\";"),
            File);
    }

    [Fact]
    public async Task The_offered_value_fix_all_gives_each_value_its_own()
    {
        await Verify<ResolutionAnalyzer, UseOfferedValueFix>.FixWithModelsAsync(
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a", Model = "seedance-2.0-fast", Resolution = [|"4k"|] });
                    var request = new VideoGenerationRequest { Prompt = "b", Model = "seedance-2.0-fast" };
                    request.Resolution = [|"240p"|];
                    await client.CreateVideoAsync(request);
            """),
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a", Model = "seedance-2.0-fast", Resolution = "720p" });
                    var request = new VideoGenerationRequest { Prompt = "b", Model = "seedance-2.0-fast" };
                    request.Resolution = "480p";
                    await client.CreateVideoAsync(request);
            """),
            File);
        await Verify<DurationAnalyzer, UseOfferedValueFix>.FixWithModelsAsync(
            TestSource.InMethod("""
                    var batch = new List<VideoGenerationRequest>
                    {
                        new() { Prompt = "a", Model = "seedance-2.0-fast", Duration = [|7|] },
                        new() { Prompt = "b", Model = "seedance-2.0-fast", Duration = [|11|] },
                        new() { Prompt = "c", Model = "seedance-2.0-fast", Duration = 10 },
                    };
            """),
            TestSource.InMethod("""
                    var batch = new List<VideoGenerationRequest>
                    {
                        new() { Prompt = "a", Model = "seedance-2.0-fast", Duration = 6 },
                        new() { Prompt = "b", Model = "seedance-2.0-fast", Duration = 10 },
                        new() { Prompt = "c", Model = "seedance-2.0-fast", Duration = 10 },
                    };
            """),
            File);
    }

    [Fact]
    public async Task LDV0015_removes_the_property_the_model_does_not_read()
    {
        await Verify<ParameterAnalyzer, RemovePropertyFix>.FixWithModelsAsync(
            Request("[|Fps = 24|], Seed = 42"),
            Request("Seed = 42"),
            File,
            RemovePropertyFix.UnsupportedParameterEquivalenceKey);
    }

    [Fact]
    public async Task LDV0015_fix_all_removes_every_unread_property_as_a_member_and_as_a_statement()
    {
        await Verify<ParameterAnalyzer, RemovePropertyFix>.FixWithModelsAsync(
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest
                    {
                        Prompt = "a cat",
                        Model = "seedance-2.0-fast",
                        [|Fps = 24|],
                        [|NegativePrompt = "blurry"|],
                        Seed = 42,
                    });
                    var request = new VideoGenerationRequest { Prompt = "a dog", Model = "seedance-2.0-fast" };
                    [|request.Watermark = false|];
                    await client.CreateVideoAsync(request);
            """),
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest
                    {
                        Prompt = "a cat",
                        Model = "seedance-2.0-fast",
                        Seed = 42,
                    });
                    var request = new VideoGenerationRequest { Prompt = "a dog", Model = "seedance-2.0-fast" };
                    await client.CreateVideoAsync(request);
            """),
            File,
            RemovePropertyFix.UnsupportedParameterEquivalenceKey);
    }

    [Fact]
    public async Task LDV0015_offers_no_removal_that_would_drop_a_call()
    {
        await Verify<ParameterAnalyzer, RemovePropertyFix>.NoFixAsync(
            TestSource.InMethod(
                """
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "seedance-2.0-fast", [|Fps = NextFps()|] });
                """,
                "static int NextFps() => 24;"),
            File);
    }

    [Fact]
    public async Task The_switch_model_fix_offers_no_model_the_file_says_lacks_the_capability()
    {
        // Without a file, veo3.1 with keyframes switches to seedance-2-0 (CodeFixTests); the file says it has none.
        var file = ModelsFiles.With("\"id\": \"seedance-2-0\", \"capabilities\": [\"text-to-video\", \"image-to-video\"]");
        await Verify<KeyframesAnalyzer, SwitchModelFix>.NoFixAsync(
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "veo3.1", [|StartImage = "https://example.com/first.png"|] });
            """),
            file);
    }

    private static string Request(string members) =>
        TestSource.InMethod($$"""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "seedance-2.0-fast", {{members}} });
            """);
}
