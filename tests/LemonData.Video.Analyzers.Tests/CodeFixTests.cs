extern alias Analyzers;

using System.Threading.Tasks;
using LemonData.Video.Analyzers.Tests.Support;
using ModelAnalyzer = Analyzers::LemonData.Video.Analyzers.ModelShouldBeInCatalog;
using FpsAnalyzer = Analyzers::LemonData.Video.Analyzers.FpsShouldBeInRange;
using CfgScaleAnalyzer = Analyzers::LemonData.Video.Analyzers.CfgScaleShouldBeInRange;
using MotionStrengthAnalyzer = Analyzers::LemonData.Video.Analyzers.MotionStrengthShouldBeInRange;
using ImageOnTextOnlyAnalyzer = Analyzers::LemonData.Video.Analyzers.ImageShouldNotBeSetOnTextOnlyModel;
using KeyframesAnalyzer = Analyzers::LemonData.Video.Analyzers.KeyframesShouldBeOnKeyframeModel;
using UseSuggestedModelIdFix = Analyzers::LemonData.Video.Analyzers.CodeFixes.UseSuggestedModelIdFix;
using ClampToNearestBoundFix = Analyzers::LemonData.Video.Analyzers.CodeFixes.ClampToNearestBoundFix;
using RemovePropertyFix = Analyzers::LemonData.Video.Analyzers.CodeFixes.RemovePropertyFix;
using SwitchModelFix = Analyzers::LemonData.Video.Analyzers.CodeFixes.SwitchModelFix;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>
/// Every fix, on one diagnostic and as Fix All (the testing library applies each test's fixes one at a time and
/// then all at once, in the document, project and solution scopes, and checks both against the same result).
/// </summary>
public class CodeFixTests
{
    [Theory]
    [InlineData("sora2", "sora-2")]
    [InlineData("Sora-2", "sora-2")]
    [InlineData("veo31", "veo3.1")]
    [InlineData("kling-2.6-pro", "kling-v2.6-pro")]
    [InlineData("runway-gen4-turbo-5", "runwayml-gen4-turbo-5")]
    public async Task LDV0001_uses_the_suggested_id(string typo, string suggested)
    {
        await Verify<ModelAnalyzer, UseSuggestedModelIdFix>.FixAsync(
            Request($$"""Model = [|"{{typo}}"|]"""),
            Request($$"""Model = "{{suggested}}" """.TrimEnd()));
    }

    [Fact]
    public async Task LDV0001_fix_all()
    {
        await Verify<ModelAnalyzer, UseSuggestedModelIdFix>.FixAsync(
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = [|"sora2"|] });
                    var request = new VideoGenerationRequest { Prompt = "a dog" };
                    request.Model = [|"hailuo2.3"|];
                    await client.CreateVideoAsync(request);
            """),
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "sora-2" });
                    var request = new VideoGenerationRequest { Prompt = "a dog" };
                    request.Model = "hailuo-2.3";
                    await client.CreateVideoAsync(request);
            """));
    }

    [Theory]
    [InlineData("Model = [|Typo|]")]
    [InlineData("Model = [|Prefix + \"2\"|]")]
    [InlineData("Model = [|\"\"|]")]
    public async Task LDV0001_offers_no_fix_for_a_constant_or_an_empty_id(string member)
    {
        await Verify<ModelAnalyzer, UseSuggestedModelIdFix>.NoFixAsync(Request(member, Constants));
    }

    [Theory]
    [InlineData("Fps = [|0|]", "Fps = 1")]
    [InlineData("Fps = [|-30|]", "Fps = 1")]
    [InlineData("Fps = [|121|]", "Fps = 120")]
    [InlineData("Fps = [|240|]", "Fps = 120")]
    public async Task LDV0006_clamps_to_the_nearest_bound(string member, string fixedMember)
    {
        await Verify<FpsAnalyzer, ClampToNearestBoundFix>.FixAsync(Request(member), Request(fixedMember));
    }

    [Theory]
    [InlineData("CfgScale = [|-0.1|]", "CfgScale = 0.0")]
    [InlineData("CfgScale = [|-1|]", "CfgScale = 0")]
    [InlineData("CfgScale = [|20.1|]", "CfgScale = 20.0")]
    [InlineData("CfgScale = [|25|]", "CfgScale = 20")]
    [InlineData("CfgScale = [|25d|]", "CfgScale = 20d")]
    [InlineData("CfgScale = [|20.5f|]", "CfgScale = 20f")]
    public async Task LDV0007_clamps_to_the_nearest_bound(string member, string fixedMember)
    {
        await Verify<CfgScaleAnalyzer, ClampToNearestBoundFix>.FixAsync(Request(member), Request(fixedMember));
    }

    [Theory]
    [InlineData("MotionStrength = [|-0.01|]", "MotionStrength = 0.0")]
    [InlineData("MotionStrength = [|1.01|]", "MotionStrength = 1.0")]
    [InlineData("MotionStrength = [|2|]", "MotionStrength = 1")]
    public async Task LDV0008_clamps_to_the_nearest_bound(string member, string fixedMember)
    {
        await Verify<MotionStrengthAnalyzer, ClampToNearestBoundFix>.FixAsync(Request(member), Request(fixedMember));
    }

    [Fact]
    public async Task LDV0006_fix_all()
    {
        await Verify<FpsAnalyzer, ClampToNearestBoundFix>.FixAsync(
            TestSource.InMethod("""
                    var batch = new List<VideoGenerationRequest>
                    {
                        new() { Prompt = "a", Fps = [|0|] },
                        new() { Prompt = "b", Fps = [|500|] },
                        new() { Prompt = "c", Fps = 24 },
                    };
                    var request = new VideoGenerationRequest { Prompt = "d" };
                    request.Fps = [|-1|];
            """),
            TestSource.InMethod("""
                    var batch = new List<VideoGenerationRequest>
                    {
                        new() { Prompt = "a", Fps = 1 },
                        new() { Prompt = "b", Fps = 120 },
                        new() { Prompt = "c", Fps = 24 },
                    };
                    var request = new VideoGenerationRequest { Prompt = "d" };
                    request.Fps = 1;
            """));
    }

    [Fact]
    public async Task LDV0007_and_LDV0008_fix_all()
    {
        await Verify<CfgScaleAnalyzer, ClampToNearestBoundFix>.FixAsync(
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a", CfgScale = [|30|] });
                    var request = new VideoGenerationRequest { Prompt = "b", CfgScale = [|-2.5|] };
                    request.CfgScale = [|20.25|];
            """),
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a", CfgScale = 20 });
                    var request = new VideoGenerationRequest { Prompt = "b", CfgScale = 0.0 };
                    request.CfgScale = 20.0;
            """));
        await Verify<MotionStrengthAnalyzer, ClampToNearestBoundFix>.FixAsync(
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a", MotionStrength = [|3|] });
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "b", MotionStrength = [|-0.5|] });
            """),
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a", MotionStrength = 1 });
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "b", MotionStrength = 0.0 });
            """));
    }

    [Theory]
    [InlineData("""{ Prompt = "a cat", [|ImageUrl = "https://example.com/cat.png"|] }""", """{ Prompt = "a cat" }""")]
    [InlineData("""{ [|ImageUrl = "https://example.com/cat.png"|], Prompt = "a cat" }""", """{ Prompt = "a cat" }""")]
    [InlineData("""{ [|ImageUrl = "https://example.com/cat.png"|] }""", """{ }""")]
    [InlineData("""{ Prompt = "a cat", [|ImageUrl = "https://example.com/cat.png"|], }""", """{ Prompt = "a cat", }""")]
    public async Task LDV0002_removes_a_member_wherever_it_stands(string initializer, string fixedInitializer)
    {
        await Verify<ImageOnTextOnlyAnalyzer, RemovePropertyFix>.FixAsync(
            TestSource.InMethod($$"""
                    await client.CreateVideoAsync(new VideoGenerationRequest {{initializer}});
            """),
            TestSource.InMethod($$"""
                    await client.CreateVideoAsync(new VideoGenerationRequest {{fixedInitializer}});
            """));
    }

    [Fact]
    public async Task LDV0002_removes_the_last_member_of_a_multi_line_initializer()
    {
        await Verify<ImageOnTextOnlyAnalyzer, RemovePropertyFix>.FixAsync(
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest
                    {
                        Prompt = "a cat",
                        [|ImageUrl = "https://example.com/cat.png"|]
                    });
            """),
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest
                    {
                        Prompt = "a cat"
                    });
            """));
    }

    [Theory]
    [InlineData("Fps = [|TooFast|]")]
    [InlineData("Fps = [|60 * 3|]")]
    [InlineData("CfgScale = [|Strong|]")]
    [InlineData("CfgScale = [|double.NaN|]")]
    public async Task Clamp_offers_no_fix_for_a_constant(string member)
    {
        if (member.StartsWith("Fps", System.StringComparison.Ordinal))
        {
            await Verify<FpsAnalyzer, ClampToNearestBoundFix>.NoFixAsync(Request(member, Constants));
        }
        else
        {
            await Verify<CfgScaleAnalyzer, ClampToNearestBoundFix>.NoFixAsync(Request(member, Constants));
        }
    }

    [Fact]
    public async Task LDV0002_removes_the_image_from_the_initializer()
    {
        await Verify<ImageOnTextOnlyAnalyzer, RemovePropertyFix>.FixAsync(
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest
                    {
                        Prompt = "a cat",
                        Model = VideoModels.Sora2,
                        [|ImageUrl = "https://example.com/cat.png"|],
                        Fps = 24,
                    });
            """),
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest
                    {
                        Prompt = "a cat",
                        Model = VideoModels.Sora2,
                        Fps = 24,
                    });
            """));
    }

    [Fact]
    public async Task LDV0002_removes_the_last_member_and_the_statement()
    {
        await Verify<ImageOnTextOnlyAnalyzer, RemovePropertyFix>.FixAsync(
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", [|Image = "data:image/png;base64,AAAA"|] });
                    var request = new VideoGenerationRequest { Prompt = "a dog", Model = "veo3" };
                    [|request.ImageUrl = "https://example.com/dog.png"|];
                    await client.CreateVideoAsync(request);
            """),
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat" });
                    var request = new VideoGenerationRequest { Prompt = "a dog", Model = "veo3" };
                    await client.CreateVideoAsync(request);
            """));
    }

    [Fact]
    public async Task LDV0002_fix_all_removes_both_images()
    {
        await Verify<ImageOnTextOnlyAnalyzer, RemovePropertyFix>.FixAsync(
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest
                    {
                        Prompt = "a cat",
                        [|ImageUrl = "https://example.com/cat.png"|],
                        [|Image = "data:image/png;base64,AAAA"|],
                    });
            """),
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest
                    {
                        Prompt = "a cat",
                    });
            """));
    }

    [Fact]
    public async Task LDV0003_removes_the_keyframes()
    {
        await Verify<KeyframesAnalyzer, RemovePropertyFix>.FixAsync(
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest
                    {
                        Prompt = "a cat",
                        Model = "kling-v2.1-pro",
                        [|StartImage = "https://example.com/first.png"|],
                        [|EndImage = "https://example.com/last.png"|],
                        Duration = 5,
                    });
            """),
            TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest
                    {
                        Prompt = "a cat",
                        Model = "kling-v2.1-pro",
                        Duration = 5,
                    });
            """));
    }

    [Theory]
    [InlineData("sora-2", "ImageUrl", "seedance-2-0")]
    [InlineData("kling-v2.6-pro", "ImageUrl", "kling-v2.1-pro")]
    [InlineData("seedance-1-0-lite-t2v", "Image", "seedance-1-0-lite-i2v")]
    [InlineData("wan-2.6", "ImageUrl", "wan2.6-i2v")]
    public async Task LDV0002_switches_to_a_model_that_takes_an_image(string model, string property, string replacement)
    {
        var value = property == "Image" ? "\"data:image/png;base64,AAAA\"" : "\"https://example.com/cat.png\"";
        await Verify<ImageOnTextOnlyAnalyzer, SwitchModelFix>.FixAsync(
            Request($$"""Model = "{{model}}", [|{{property}} = {{value}}|]"""),
            Request($$"""Model = "{{replacement}}", {{property}} = {{value}}"""));
    }

    [Fact]
    public async Task LDV0003_switches_to_the_keyframe_model_and_fix_all_agrees()
    {
        await Verify<KeyframesAnalyzer, SwitchModelFix>.FixAsync(
            Request("""Model = "veo3.1", [|StartImage = "https://example.com/first.png"|], [|EndImage = "https://example.com/last.png"|]"""),
            Request("""Model = "seedance-2-0", StartImage = "https://example.com/first.png", EndImage = "https://example.com/last.png" """.TrimEnd()));
    }

    [Theory]
    [InlineData("""Model = VideoModels.Sora2, [|ImageUrl = "https://example.com/cat.png"|]""")]
    [InlineData("""[|ImageUrl = "https://example.com/cat.png"|]""")]
    [InlineData("""Model = Text, [|StartImage = "https://example.com/cat.png"|]""")]
    public async Task Switch_offers_no_fix_unless_the_model_is_a_literal_in_the_same_initializer(string members)
    {
        if (members.Contains("StartImage", System.StringComparison.Ordinal))
        {
            await Verify<KeyframesAnalyzer, SwitchModelFix>.NoFixAsync(Request(members, Constants));
        }
        else
        {
            await Verify<ImageOnTextOnlyAnalyzer, SwitchModelFix>.NoFixAsync(Request(members, Constants));
        }
    }

    [Fact]
    public async Task Switch_offers_no_fix_for_a_model_set_in_another_statement()
    {
        await Verify<ImageOnTextOnlyAnalyzer, SwitchModelFix>.NoFixAsync(TestSource.InMethod("""
                    var request = new VideoGenerationRequest { Prompt = "a cat", [|ImageUrl = "https://example.com/cat.png"|] };
                    request.Model = "sora-2";
                    await client.CreateVideoAsync(request);
            """));
    }

    private const string Constants = """
            const int TooFast = 121;
            const double Strong = 25.0;
            const string Typo = "sora2";
            const string Prefix = "sora";
            const string Text = "veo3";
        """;

    private static string Request(string members, string classMembers = "") =>
        TestSource.InMethod($$"""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", {{members}} });
            """,
            classMembers);
}
