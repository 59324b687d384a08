using System;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Analyzers.Tests.Support;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>
/// An object initializer is one whole request wherever it stands and leaves at once: an element of a C# 12
/// collection expression, an operand of ?:, ?? or a cast handed on, a target-typed new() in an argument or a return.
/// </summary>
public class InitializerShapeTests
{
    private const string Helpers = """
            static VideoGenerationRequest? last;
            static VideoGenerationRequest Fallback = new() { Prompt = "q" };
            static void Keep(VideoGenerationRequest request) { }
            static void KeepAll(List<VideoGenerationRequest> requests) { }
            static void Log(object value) { }
        """;

    // A text-only model and an image: LDV0002 on the image.
    private const string Request = """new VideoGenerationRequest { Prompt = "p", Model = "sora-2", ImageUrl = "https://x/a.png" }""";
    private const string TargetTyped = """new() { Prompt = "p", Model = "sora-2", ImageUrl = "https://x/a.png" }""";

    [Theory]
    [InlineData("collection expression in a local", "List<VideoGenerationRequest> batch = [" + TargetTyped + "];", "")]
    [InlineData("collection expression as an argument", "KeepAll([" + TargetTyped + "]);", "")]
    [InlineData("collection expression returned", "", "static List<VideoGenerationRequest> Make() => [" + TargetTyped + "];")]
    [InlineData("collection expression returned by a statement", "", "static VideoGenerationRequest[] Make() { return [" + Request + "]; }")]
    [InlineData("?: sent", "await client.CreateVideoAsync(flag ? " + Request + " : Fallback);", "")]
    [InlineData("?: other branch", "Keep(flag ? Fallback : " + Request + ");", "")]
    [InlineData("?: returned", "", "static VideoGenerationRequest Make(bool flag) => flag ? " + Request + " : Fallback;")]
    [InlineData("?? sent", "await client.CreateVideoAsync(last ?? " + Request + ");", "")]
    [InlineData("cast to object", "Log((object)" + Request + ");", "")]
    [InlineData("cast of a conditional", "Log((object)(flag ? " + Request + " : Fallback));", "")]
    [InlineData("target-typed new as an argument", "Keep(" + TargetTyped + ");", "")]
    [InlineData("target-typed new sent", "await client.GenerateVideoAsync(" + TargetTyped + ", null);", "")]
    [InlineData("target-typed new returned", "", "static VideoGenerationRequest Make() { return " + TargetTyped + "; }")]
    public async Task An_initializer_is_whole_wherever_it_stands(string shape, string body, string members)
    {
        var diagnostics = await AllAnalyzers.RunAsync(TestSource.InMethod(body, Helpers + members));
        Assert.True(diagnostics.Select(diagnostic => diagnostic.Id).SequenceEqual(["LDV0002"]), shape + ": " + string.Join("; ", diagnostics));
    }

    [Theory]
    [InlineData("?: stored in a local then changed", "var request = flag ? " + Request + " : Fallback;\nrequest.Model = \"kling-v2.1-pro\";\nawait client.CreateVideoAsync(request);")]
    [InlineData("?? stored in a field then changed", "last = last ?? " + Request + ";\nlast.Model = \"kling-v2.1-pro\";")]
    [InlineData("cast stored in a local", "var boxed = (object)" + Request + ";")]
    [InlineData("?: in a tuple", "var pair = (flag ? " + Request + " : Fallback, 1);")]
    [InlineData("?: passed by ref", "var request = flag ? " + Request + " : Fallback;\nTweak(ref request);")]
    public async Task An_initializer_that_may_change_later_stays_silent(string shape, string body)
    {
        var diagnostics = await AllAnalyzers.RunAsync(TestSource.InMethod(
            body,
            Helpers + "static void Tweak(ref VideoGenerationRequest request) => request.Model = \"kling-v2.1-pro\";"));
        Assert.True(diagnostics.IsEmpty, shape + ": " + string.Join("; ", diagnostics));
    }

    [Fact]
    public async Task An_unset_image_means_nothing_in_an_operand()
    {
        // An image-to-video model without an image, sent through ?:: the initializer is all the analyzer sees of it, but
        // LDV0004 needs the request's whole life.
        var source = TestSource.InMethod(
            """await client.CreateVideoAsync(flag ? new VideoGenerationRequest { Prompt = "p", Model = VideoModels.Wan26I2V } : Fallback);""",
            Helpers);
        Assert.Empty(await AllAnalyzers.RunAsync(source));
    }
}
