using System;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Analyzers.Tests.Support;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>
/// No false positive is the first rule: every shape here breaks a rule on its face, but the analyzer cannot know
/// the request that is sent, so all eleven analyzers must stay silent.
/// </summary>
public class SilenceTests
{
    private const string Helpers = """
            static VideoGenerationRequest? last;
            static readonly VideoGenerationRequest Template = new() { Prompt = "p", Model = VideoModels.Wan26I2V };
            static readonly int ReadonlyFps = 500;
            static void AddImage(VideoGenerationRequest request) => request.ImageUrl = "https://example.com/cat.png";
            static void Tweak(ref VideoGenerationRequest request) => request = new VideoGenerationRequest { Prompt = "p" };
            static Task Send(VideoGenerationRequest request) => Task.CompletedTask;
            static Task<T> Retry<T>(Func<Task<T>> action) => action();
        """;

    [Theory]
    // Values the compiler does not know.
    [InlineData("non-constant fps", """await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", Fps = userFps + 500 });""")]
    [InlineData("static readonly field", """await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", Fps = ReadonlyFps });""")]
    [InlineData("non-constant model", """await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", Model = userModel, ImageUrl = "https://x/a.png" });""")]
    [InlineData("non-constant image url", """await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", ImageUrl = userUrl });""")]
    [InlineData("non-constant image", """await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", Model = "kling-v2.1-pro", Image = userUrl });""")]
    [InlineData("non-constant prompt", """await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = userModel.Trim() });""")]
    [InlineData("method call", """await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", CfgScale = Math.Max(25, userFps) });""")]
    [InlineData("non-constant runway duration", """await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", Model = VideoModels.RunwayGen4Turbo5, Duration = userFps });""")]
    [InlineData("runway model unknown", """await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", Model = userModel, Duration = 10 });""")]
    [InlineData("unknown model skips combinations", """await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", Model = userModel, ImageUrl = "https://x/a.png", Image = "data:image/png;base64,AAAA" });""")]
    [InlineData("explicit null image", """await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", ImageUrl = null, Image = null });""")]
    [InlineData("null prompt", """await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = null!, Model = null });""")]
    [InlineData("default fps", """await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", Fps = default });""")]
    [InlineData("unset prompt", """await client.CreateVideoAsync(new VideoGenerationRequest { Model = VideoModels.Veo31 });""")]
    // A request the analyzer cannot follow: the default model and an absent image mean nothing there.
    [InlineData("assigned in a branch", """
        var request = new VideoGenerationRequest { Prompt = "p", Model = "sora-2" };
        if (flag) { request.Model = "kling-v2.1-pro"; }
        request.ImageUrl = "https://x/a.png";
        await client.CreateVideoAsync(request);
        """)]
    [InlineData("assigned in a branch without braces", """
        var request = new VideoGenerationRequest { Prompt = "p", Model = VideoModels.RunwayGen4Turbo5 };
        if (flag) request.Model = VideoModels.RunwayGen4Turbo10;
        request.Duration = 10;
        await client.CreateVideoAsync(request);
        """)]
    [InlineData("assigned in a loop", """
        var request = new VideoGenerationRequest { Prompt = "p", Model = VideoModels.Wan26I2V };
        foreach (var url in new[] { "https://x/a.png" }) { request.ImageUrl = url; }
        await client.CreateVideoAsync(request);
        """)]
    [InlineData("assigned in try", """
        var request = new VideoGenerationRequest { Prompt = "p", Model = VideoModels.Wan26I2V };
        try { request.ImageUrl = "https://x/a.png"; } finally { }
        await client.CreateVideoAsync(request);
        """)]
    [InlineData("passed to another method", """
        var request = new VideoGenerationRequest { Prompt = "p", Model = VideoModels.Wan26I2V };
        AddImage(request);
        await client.CreateVideoAsync(request);
        """)]
    [InlineData("passed to another method, then changed", """
        var request = new VideoGenerationRequest { Prompt = "p", Model = "sora-2" };
        AddImage(request);
        request.ImageUrl = "https://x/a.png";
        """)]
    [InlineData("returned", """
        var request = new VideoGenerationRequest { Prompt = "p", ImageUrl = "https://x/a.png" };
        await Send(request);
        """)]
    [InlineData("stored in a field", """
        var request = new VideoGenerationRequest { Prompt = "p", StartImage = "https://x/a.png" };
        last = request;
        """)]
    [InlineData("passed by ref", """
        var request = new VideoGenerationRequest { Prompt = "p", Model = "sora-2", ImageUrl = "https://x/a.png" };
        Tweak(ref request);
        await client.CreateVideoAsync(request);
        """)]
    [InlineData("captured by a lambda", """
        var request = new VideoGenerationRequest { Prompt = "p", Model = "sora-2" };
        Action upgrade = () => request.Model = "kling-v2.1-pro";
        upgrade();
        request.ImageUrl = "https://x/a.png";
        await client.CreateVideoAsync(request);
        """)]
    [InlineData("captured by a local function", """
        var request = new VideoGenerationRequest { Prompt = "p", Model = VideoModels.Wan26I2V };
        Attach();
        await client.CreateVideoAsync(request);
        void Attach() => request.Image = "data:image/png;base64,AAAA";
        """)]
    [InlineData("sent from a lambda", """
        var request = new VideoGenerationRequest { Prompt = "p", ImageUrl = "https://x/a.png" };
        await Retry(() => client.CreateVideoAsync(request));
        """)]
    [InlineData("local reassigned in a branch", """
        var request = new VideoGenerationRequest { Prompt = "p", Model = VideoModels.Wan26I2V };
        if (flag) { request = new VideoGenerationRequest { Prompt = "p", ImageUrl = userUrl }; }
        await client.CreateVideoAsync(request);
        """)]
    [InlineData("assigned inside an expression", """
        var request = new VideoGenerationRequest { Prompt = "p", Model = VideoModels.Wan26I2V };
        var url = request.ImageUrl = userUrl;
        await client.CreateVideoAsync(request);
        """)]
    [InlineData("assigned through a conditional", """
        var request = new VideoGenerationRequest { Prompt = "p", Model = "sora-2" };
        request.Model = flag ? "sora-2" : "kling-v2.1-pro";
        request.ImageUrl = "https://x/a.png";
        await client.CreateVideoAsync(request);
        """)]
    [InlineData("label a goto may jump back to", """
        var request = new VideoGenerationRequest { Prompt = "p", Model = "sora-2" };
        again:
        request.ImageUrl = "https://x/a.png";
        if (flag) { request.Model = "kling-v2.1-pro"; flag = false; goto again; }
        await client.CreateVideoAsync(request);
        """)]
    [InlineData("declared outside the branch that creates it", """
        VideoGenerationRequest request;
        if (flag) { request = new VideoGenerationRequest { Prompt = "p", Model = VideoModels.Wan26I2V }; }
        else { request = new VideoGenerationRequest { Prompt = "p" }; }
        request.ImageUrl = "https://x/a.png";
        await client.CreateVideoAsync(request);
        """)]
    [InlineData("sent to another method directly", """await Send(new VideoGenerationRequest { Prompt = "p", ImageUrl = "https://x/a.png" });""")]
    [InlineData("collection element without a model", """var batch = new List<VideoGenerationRequest> { new() { Prompt = "p", ImageUrl = "https://x/a.png", StartImage = "https://x/b.png" } };""")]
    [InlineData("image-to-video model whose image may come later", """last = new VideoGenerationRequest { Prompt = "p", Model = VideoModels.Wan26I2V };""")]
    [InlineData("both images, model may come later", """var batch = new[] { new VideoGenerationRequest { Prompt = "p", ImageUrl = "https://x/a.png", Image = "data:image/png;base64,AAAA" } };""")]
    [InlineData("field changed after its initializer", """
        last = new VideoGenerationRequest { Prompt = "p", Model = "sora-2", ImageUrl = "https://x/a.png" };
        last.Model = "kling-v2.1-pro";
        """)]
    [InlineData("parameter reassigned", """
        Local(new VideoGenerationRequest());
        async Task Local(VideoGenerationRequest request)
        {
            request = new VideoGenerationRequest { Prompt = "p", Model = VideoModels.Wan26I2V };
            AddImage(request);
            await client.CreateVideoAsync(request);
        }
        """)]
    [InlineData("sent through a conditional", """
        var request = new VideoGenerationRequest { Prompt = "p", ImageUrl = "https://x/a.png" };
        await client.CreateVideoAsync(flag ? request : new VideoGenerationRequest { Prompt = "q" });
        """)]
    [InlineData("field initializer of an image-to-video model", """last ??= Template;""")]
    [InlineData("converted to object", """object boxed = new VideoGenerationRequest { Prompt = "p", Model = VideoModels.Wan26I2V };""")]
    public async Task Shapes_the_analyzer_cannot_follow_stay_silent(string shape, string body)
    {
        var diagnostics = await AllAnalyzers.RunAsync(TestSource.InMethod(body, Helpers));
        Assert.True(diagnostics.IsEmpty, shape + ": " + string.Join("; ", diagnostics));
    }

    [Fact]
    public async Task A_use_deep_in_a_long_expression_stops_the_following_too()
    {
        // 150 '+' deep: past the depth the follower recurses to, where it walks on with Roslyn's own iterator.
        var terms = string.Concat(Enumerable.Repeat(" + \"-\"", 150));
        const string Describe = "static string Describe(VideoGenerationRequest request) { request.ImageUrl = \"https://x/a.png\"; return \"\"; }";
        var passedOn = TestSource.InMethod($$"""
                    var request = new VideoGenerationRequest { Prompt = "p", Model = VideoModels.Wan26I2V };
                    var text = Describe(request){{terms}};
                    await client.CreateVideoAsync(request);
            """, Describe);
        var readOnly = passedOn.Replace("Describe(request)", "request.Prompt", StringComparison.Ordinal);

        Assert.Empty(await AllAnalyzers.RunAsync(passedOn));
        Assert.Equal(["LDV0004"], (await AllAnalyzers.RunAsync(readOnly)).Select(diagnostic => diagnostic.Id));
    }

    [Fact]
    public async Task Valid_requests_stay_silent()
    {
        var source = TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat" });
                    await client.CreateVideoAsync(new() { Prompt = "a cat", Model = VideoModels.Sora2Pro, Duration = 20, Fps = 24, CfgScale = 7.5, MotionStrength = 0.5, Seed = 42 });
                    await client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "kling-v2.1-pro", ImageUrl = "https://x/a.png", Fps = 1 });
                    await client.CreateVideoAsync(new() { Prompt = "a cat", Model = VideoModels.Seedance20, StartImage = "https://x/a.png", EndImage = "https://x/b.png" });
                    await client.CreateVideoAsync(new() { Prompt = "a cat", Model = VideoModels.Wan26I2V, Image = "data:image/png;base64,iVBORw0KGgo=" });
                    await client.CreateVideoAsync(new() { Prompt = "a cat", Model = VideoModels.RunwayGen4Turbo5, Duration = 5 });
                    await client.CreateVideoAsync(new() { Prompt = "a cat", Model = VideoModels.RunwayGen4Turbo10, Duration = 10, CfgScale = 0, MotionStrength = 1 });
                    await client.CreateVideoAsync(new() { Prompt = "a cat", Model = VideoModels.KlingVideoExtend, ImageUrl = "https://x/last-frame.png" });
                    await client.CreateVideoAsync(new() { Prompt = "a cat", Model = VideoModels.KlingEffects, ImageUrl = "https://x/a.png" });
                    await client.CreateVideoAsync(new() { Prompt = "a cat", Model = VideoModels.Default, Duration = 60, Fps = 120, CfgScale = 20 });

                    var request = new VideoGenerationRequest { Prompt = "a dog" };
                    request.Model = VideoModels.Hailuo23;
                    request.ImageUrl = "https://x/a.png";
                    await client.CreateVideoAsync(request);

                    var model = request.Model;
                    request = new VideoGenerationRequest { Prompt = "a bird", Model = VideoModels.Seedance10LiteI2V };
                    request.Image = "data:image/jpeg;base64,/9j/4AAQ";
                    await client.GenerateVideoAsync(request, null);
            """);
        Assert.Empty(await AllAnalyzers.RunAsync(source));
    }

    [Fact]
    public async Task A_look_alike_type_stays_silent()
    {
        var source = TestSource.Usings + """
            class MyRequest
            {
                public string? Model { get; set; }
                public string Prompt { get; set; } = "";
                public string? ImageUrl { get; set; }
                public int? Fps { get; set; }
                public int? Duration { get; set; }
                public double? CfgScale { get; set; }
            }

            namespace Mine
            {
                class VideoGenerationRequest
                {
                    public int? Fps { get; set; }
                    public string? Model { get; set; }
                }
            }

            class Sample
            {
                object Make() => new MyRequest { Model = "sora2", Prompt = "", ImageUrl = "https://x/a.png", Fps = 500, Duration = 0, CfgScale = 99 };
                object MakeOther() => new Mine.VideoGenerationRequest { Fps = 500, Model = "nope" };
                void Change(MyRequest request) { request.Fps = 0; request.Model = "nope"; }
            }
            """;
        Assert.Empty(await AllAnalyzers.RunAsync(source));
    }

    [Fact]
    public async Task A_derived_request_type_keeps_value_rules_but_not_the_default_model()
    {
        var source = TestSource.Usings + """
            class KlingRequest : VideoGenerationRequest
            {
                public KlingRequest() { Model = VideoModels.KlingV21Pro; }
            }

            class Sample
            {
                async Task Run(LemonDataVideoClient client)
                {
                    await client.CreateVideoAsync(new KlingRequest { Prompt = "p", ImageUrl = "https://x/a.png", Fps = 500 });
                }
            }
            """;
        var diagnostics = await AllAnalyzers.RunAsync(source);
        Assert.Equal(["LDV0006"], diagnostics.Select(diagnostic => diagnostic.Id));
    }

    [Fact]
    public async Task A_client_look_alike_does_not_count_as_sending()
    {
        var source = TestSource.Usings + """
            class FakeClient
            {
                public Task CreateVideoAsync(VideoGenerationRequest request) => Task.CompletedTask;
            }

            class Sample
            {
                async Task Run(FakeClient client)
                {
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", ImageUrl = "https://x/a.png" });
                    var request = new VideoGenerationRequest { Prompt = "p", StartImage = "https://x/a.png" };
                    await client.CreateVideoAsync(request);
                }
            }
            """;
        Assert.Empty(await AllAnalyzers.RunAsync(source));
    }

    [Fact]
    public async Task A_client_subclass_that_overrides_sending_may_change_the_request()
    {
        var source = TestSource.Usings + """
            class DefaultingClient : LemonDataVideoClient
            {
                public DefaultingClient() : base("sk-test") { }

                public override Task<VideoTask> CreateVideoAsync(VideoGenerationRequest request, System.Threading.CancellationToken cancellationToken = default)
                {
                    request.Model ??= VideoModels.KlingV21Pro;
                    return base.CreateVideoAsync(request, cancellationToken);
                }
            }

            class PlainClient : LemonDataVideoClient
            {
                public PlainClient() : base("sk-test") { }
            }

            class Sample
            {
                async Task Run(DefaultingClient client, PlainClient plain)
                {
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", ImageUrl = "https://x/a.png" });
                    var request = new VideoGenerationRequest { Prompt = "p", StartImage = "https://x/a.png" };
                    await client.CreateVideoAsync(request);
                    await plain.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", ImageUrl = "https://x/a.png" });
                }
            }
            """;
        var diagnostics = await AllAnalyzers.RunAsync(source);

        // Only the plain subclass, which sends as the SDK does, makes the default model sora-2.
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("LDV0002", diagnostic.Id);
        var line = diagnostic.Location.SourceTree!.GetText().Lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line].ToString();
        Assert.Contains("plain.CreateVideoAsync", line, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Requests.cs", "// <auto-generated/>\n")]
    [InlineData("Requests.g.cs", "")]
    [InlineData("Requests.Designer.cs", "")]
    public async Task Generated_code_stays_silent(string path, string header)
    {
        var source = header + TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "", Model = "sora2", Fps = 500, CfgScale = 99, MotionStrength = 2, Duration = 0, Image = "nope" });
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", Model = VideoModels.Wan26I2V, StartImage = "https://x/a.png" });
            """);
        Assert.Empty(await AllAnalyzers.RunAsync(true, (path, source)));
    }

    [Fact]
    public async Task A_project_without_the_SDK_stays_silent()
    {
        // The same names, compiled from source: not the LemonData.Video assembly, so not the SDK.
        var source = """
            using System.Threading.Tasks;

            namespace LemonData.Video
            {
                public class VideoGenerationRequest
                {
                    public string? Model { get; set; }
                    public string Prompt { get; set; } = "";
                    public int? Fps { get; set; }
                    public string? ImageUrl { get; set; }
                }

                public class LemonDataVideoClient
                {
                    public virtual Task CreateVideoAsync(VideoGenerationRequest request) => Task.CompletedTask;
                }
            }

            class Sample
            {
                Task Run(LemonData.Video.LemonDataVideoClient client) =>
                    client.CreateVideoAsync(new LemonData.Video.VideoGenerationRequest { Prompt = "", Model = "sora2", Fps = 500, ImageUrl = "https://x/a.png" });
            }
            """;
        Assert.Empty(await AllAnalyzers.RunAsync(false, ("Sample.cs", source)));
    }
}
