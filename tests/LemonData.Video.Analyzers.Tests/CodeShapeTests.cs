extern alias Analyzers;

using System.Threading.Tasks;
using LemonData.Video.Analyzers.Tests.Support;
using Descriptors = Analyzers::LemonData.Video.Analyzers.Descriptors;
using Rules = Analyzers::LemonData.Video.VideoRequestRules;
using FpsAnalyzer = Analyzers::LemonData.Video.Analyzers.FpsShouldBeInRange;
using ImageAnalyzer = Analyzers::LemonData.Video.Analyzers.ImageShouldNotBeSetOnTextOnlyModel;
using ImageRequiredAnalyzer = Analyzers::LemonData.Video.Analyzers.ImageToVideoModelShouldHaveImage;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>Every shape a request is written in: a single value is seen in all of them, a combination where the request is whole.</summary>
public class CodeShapeTests
{
    public static TheoryData<string, string, string> FpsShapes => new()
    {
        { "initializer", """await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", Fps = {|#0:121|} });""", "" },
        { "target-typed new", """await client.CreateVideoAsync(new() { Prompt = "p", Fps = {|#0:121|} });""", "" },
        { "typed local with target-typed new", """VideoGenerationRequest request = new() { Prompt = "p", Fps = {|#0:121|} };""", "" },
        { "split statements", """
            var request = new VideoGenerationRequest();
            request.Prompt = "p";
            request.Fps = {|#0:121|};
            await client.CreateVideoAsync(request);
            """, "" },
        { "split statements on an escaped local", """
            var request = new VideoGenerationRequest { Prompt = "p" };
            request.Fps = {|#0:121|};
            Keep(request);
            """, "static void Keep(VideoGenerationRequest request) { }" },
        { "assignment in a branch", """
            var request = new VideoGenerationRequest { Prompt = "p" };
            if (flag) { request.Fps = {|#0:121|}; }
            """, "" },
        { "collection initializer", """var batch = new List<VideoGenerationRequest> { new() { Prompt = "p", Fps = {|#0:121|} } };""", "" },
        { "array initializer", """var batch = new[] { new VideoGenerationRequest { Prompt = "p", Fps = {|#0:121|} } };""", "" },
        { "field initializer", "", """static readonly VideoGenerationRequest Template = new() { Prompt = "p", Fps = {|#0:121|} };""" },
        { "property initializer", "", """VideoGenerationRequest Request { get; } = new VideoGenerationRequest { Prompt = "p", Fps = {|#0:121|} };""" },
        { "expression-bodied member", "", """static VideoGenerationRequest Make() => new() { Prompt = "p", Fps = {|#0:121|} };""" },
        { "parameter", "", """static void Change(VideoGenerationRequest request) => request.Fps = {|#0:121|};""" },
        { "lambda", """Func<VideoGenerationRequest> make = () => new() { Prompt = "p", Fps = {|#0:121|} };""", "" },
        { "nested member initializer", """var holder = new Holder { Request = { Prompt = "p", Fps = {|#0:121|} } };""", "class Holder { public VideoGenerationRequest Request { get; } = new(); }" },
        // The analyzer picks assignments by the name they write before it asks the semantic model anything: every way to write the name.
        { "parenthesized target", """
            var request = new VideoGenerationRequest { Prompt = "p" };
            (request.Fps) = {|#0:121|};
            """, "" },
        { "verbatim identifier", """
            var request = new VideoGenerationRequest { Prompt = "p" };
            request.@Fps = {|#0:121|};
            """, "" },
        { "unicode escape in the name", """
            var request = new VideoGenerationRequest { Prompt = "p" };
            request.F\u0070s = {|#0:121|};
            """, "" },
        { "implicit this in a derived request", "", "class FastRequest : VideoGenerationRequest { public void Speed() => Fps = {|#0:121|}; }" },
        { "base member of a derived request", "", "class FastRequest : VideoGenerationRequest { public void Speed() => base.Fps = {|#0:121|}; }" },
    };

    [Theory]
    [MemberData(nameof(FpsShapes))]
    public async Task A_single_value_is_seen_in_every_shape(string shape, string body, string members)
    {
        _ = shape;
        await Verify<FpsAnalyzer>.AnalyzerAsync(
            TestSource.InMethod(body, members),
            Verify<FpsAnalyzer>.Diagnostic(Descriptors.LDV0006_FpsOutOfRange, 0, Rules.CheckFps(121)));
    }

    public static TheoryData<string, string, string, string?> ModelAndImageShapes => new()
    {
        // An explicit model: one initializer is the whole request, wherever it goes.
        { "initializer sent", """await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", Model = "sora-2", {|#0:ImageUrl = "https://x/a.png"|} });""", "", "sora-2" },
        { "target-typed new sent", """await client.CreateVideoAsync(new() { Prompt = "p", Model = VideoModels.Veo31, {|#0:ImageUrl = "https://x/a.png"|} });""", "", "veo3.1" },
        { "collection initializer", """var batch = new List<VideoGenerationRequest> { new() { Prompt = "p", Model = VideoModels.Sora2Pro, {|#0:ImageUrl = "https://x/a.png"|} } };""", "", "sora-2-pro" },
        { "field initializer", "", """static readonly VideoGenerationRequest Template = new() { Prompt = "p", Model = VideoModels.KlingV26Pro, {|#0:ImageUrl = "https://x/a.png"|} };""", "kling-v2.6-pro" },
        { "returned", "", """static VideoGenerationRequest Make() { return new VideoGenerationRequest { Prompt = "p", Model = "wan-2.6", {|#0:ImageUrl = "https://x/a.png"|} }; }""", "wan-2.6" },
        { "passed to another method", """Keep(new VideoGenerationRequest { Prompt = "p", Model = "veo3", {|#0:ImageUrl = "https://x/a.png"|} });""", "static void Keep(VideoGenerationRequest request) { }", "veo3" },
        { "passed on as object", """Keep(new VideoGenerationRequest { Prompt = "p", Model = "veo3", {|#0:ImageUrl = "https://x/a.png"|} });""", "static void Keep(object request) { }", "veo3" },
        { "passed in params object[]", """Log("sending", new VideoGenerationRequest { Prompt = "p", Model = "veo3", {|#0:ImageUrl = "https://x/a.png"|} });""", "static void Log(string message, params object[] values) { }", "veo3" },
        { "returned as object", "", """static object Make() => new VideoGenerationRequest { Prompt = "p", Model = "wan-2.6", {|#0:ImageUrl = "https://x/a.png"|} };""", "wan-2.6" },
        // An unset model is sora-2 only where the analyzer sees the request's whole life.
        { "default model, sent directly", """await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", {|#0:ImageUrl = "https://x/a.png"|} });""", "", null },
        { "default model, generated directly", """await client.GenerateVideoAsync(new() { Prompt = "p", {|#0:ImageUrl = "https://x/a.png"|} }, null);""", "", null },
        { "default model, local sent", """
            var request = new VideoGenerationRequest { Prompt = "p", {|#0:ImageUrl = "https://x/a.png"|} };
            var task = await client.CreateVideoAsync(request);
            """, "", null },
        { "default model, local never sent", """
            var request = new VideoGenerationRequest { Prompt = "p" };
            {|#0:request.ImageUrl = "https://x/a.png"|};
            """, "", null },
        { "default model, reads and sends in branches", """
            var request = new VideoGenerationRequest { Prompt = "p" };
            {|#0:request.ImageUrl = "https://x/a.png"|};
            if (request.Fps is null && flag) { await client.CreateVideoAsync(request); }
            else { Console.WriteLine(request.Model ?? "default"); }
            """, "", null },
        { "split statements, model set after the image", """
            var request = new VideoGenerationRequest();
            request.Prompt = "p";
            {|#0:request.ImageUrl = "https://x/a.png"|};
            request.Model = VideoModels.Sora2Characters;
            await client.CreateVideoAsync(request);
            """, "", "sora-2-characters" },
        { "local assigned a new request", """
            VideoGenerationRequest request;
            request = new() { Prompt = "p", Model = "kling-v2.6-std" };
            {|#0:request.ImageUrl = "https://x/a.png"|};
            await client.CreateVideoAsync(request);
            """, "", "kling-v2.6-std" },
        { "last model wins", """
            var request = new VideoGenerationRequest { Prompt = "p", Model = VideoModels.KlingV21Pro, {|#0:ImageUrl = "https://x/a.png"|} };
            request.Model = VideoModels.Veo3;
            await client.CreateVideoAsync(request);
            """, "", "veo3" },
        { "properties no rule reads, set in branches", """
            var request = new VideoGenerationRequest { Prompt = "p", Model = VideoModels.Sora2 };
            if (flag) { request.Seed = 42; request.AspectRatio = "16:9"; }
            foreach (var word in new[] { "blurry" }) { request.NegativePrompt += word; }
            {|#0:request.ImageUrl = "https://x/a.png"|};
            await client.CreateVideoAsync(request);
            """, "", "sora-2" },
        { "switch section", """
            switch (userFps)
            {
                case 1:
                    var request = new VideoGenerationRequest { Prompt = "p", Model = VideoModels.Veo31Fast };
                    {|#0:request.ImageUrl = "https://x/a.png"|};
                    await client.CreateVideoAsync(request);
                    break;
            }
            """, "", "veo3.1-fast" },
    };

    [Theory]
    [MemberData(nameof(ModelAndImageShapes))]
    public async Task A_combination_is_seen_where_the_request_is_whole(string shape, string body, string members, string? model)
    {
        _ = shape;
        await Verify<ImageAnalyzer>.AnalyzerAsync(
            TestSource.InMethod(body, members),
            Verify<ImageAnalyzer>.Diagnostic(Descriptors.LDV0002_ImageOnTextOnlyModel, 0, Rules.CheckImageOnTextOnlyModel(model, "ImageUrl")));
    }

    [Fact]
    public async Task The_first_request_of_a_reused_local_ends_where_the_second_begins()
    {
        var source = TestSource.InMethod("""
                    var request = new VideoGenerationRequest { Prompt = "p", {|#0:Model = VideoModels.Wan26I2V|} };
                    await client.CreateVideoAsync(request);
                    request = new VideoGenerationRequest { Prompt = "p", Model = VideoModels.Wan26I2V };
                    request.ImageUrl = "https://x/a.png";
                    await client.CreateVideoAsync(request);
            """);
        await Verify<ImageRequiredAnalyzer>.AnalyzerAsync(
            source,
            Verify<ImageRequiredAnalyzer>.Diagnostic(Descriptors.LDV0004_ImageRequired, 0, Rules.CheckImageRequired("wan2.6-i2v", false, false)));
    }
}
