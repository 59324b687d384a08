using System;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Analyzers.Tests.Support;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>
/// A local built over several statements is complete where it leaves the method (returned, an argument of any call,
/// stored in a field, a property or an array element, captured by a lambda): the combination rules judge its state
/// there, as they judge an initializer that leaves at once. Anything written after the escape, or off the straight
/// line (a branch, a loop, ref/out), keeps the silence.
/// </summary>
public class EscapeTests
{
    private const string Helpers = """
            static VideoGenerationRequest? last;
            static VideoGenerationRequest? Current { get; set; }
            static void Keep(VideoGenerationRequest request) { }
            static void Tweak(ref VideoGenerationRequest request) { }
            static void Replace(out VideoGenerationRequest request) => request = new VideoGenerationRequest { Prompt = "p" };
            static Task Send(VideoGenerationRequest request) => Task.CompletedTask;
        """;

    // A text-only model and an image: LDV0002 on the image once the request is seen whole.
    private const string Built = """
                var request = new VideoGenerationRequest { Prompt = "p", Model = "sora-2" };
                request.ImageUrl = "https://x/a.png";

        """;

    [Theory]
    [InlineData("an argument of another method", "Keep(request);")]
    [InlineData("an awaited argument", "await Send(request);")]
    [InlineData("an argument as object", "Console.WriteLine(request);")]
    [InlineData("an argument in a declaration", "var pair = Tuple.Create(request, 1);")]
    [InlineData("a collection initializer element", "var batch = new List<VideoGenerationRequest> { request };")]
    [InlineData("an array initializer element", "var batch = new[] { request };")]
    [InlineData("stored in a field", "last = request;")]
    [InlineData("stored in a property", "Current = request;")]
    [InlineData("stored in an array element", "var batch = new VideoGenerationRequest[1];\nbatch[0] = request;")]
    [InlineData("captured by a lambda that reads it", "Func<VideoGenerationRequest> later = () => request;")]
    [InlineData("captured by a lambda that sends it", "Func<Task> later = () => client.CreateVideoAsync(request);")]
    [InlineData("sent, then handed on", "await client.CreateVideoAsync(request);\nKeep(request);")]
    [InlineData("read in the escape", "Console.WriteLine(request.Model + request.Prompt, request);")]
    public async Task A_local_is_complete_where_it_leaves_the_method(string shape, string escape)
    {
        var diagnostics = await AllAnalyzers.RunAsync(TestSource.InMethod(Built + escape, Helpers));
        Assert.True(diagnostics.Select(diagnostic => diagnostic.Id).SequenceEqual(["LDV0002"]), shape + ": " + string.Join("; ", diagnostics));
        Assert.Equal("request.ImageUrl = \"https://x/a.png\"", diagnostics[0].Location.SourceTree!.ToString().Substring(diagnostics[0].Location.SourceSpan.Start, diagnostics[0].Location.SourceSpan.Length));
    }

    [Fact]
    public async Task A_returned_local_is_complete()
    {
        var source = TestSource.InMethod("", """
                static VideoGenerationRequest Make()
                {
                    var request = new VideoGenerationRequest { Prompt = "p", Model = "sora-2" };
                    request.ImageUrl = "https://x/a.png";
                    return request;
                }

                static object MakeBoth()
                {
                    var request = new VideoGenerationRequest { Prompt = "p", Model = VideoModels.KlingV21Pro, ImageUrl = "https://x/a.png" };
                    request.Image = "data:image/png;base64,iVBORw0KGgo=";
                    return request;
                }
            """);
        var ids = (await AllAnalyzers.RunAsync(source)).Select(diagnostic => diagnostic.Id).Order(StringComparer.Ordinal);
        Assert.Equal(["LDV0002", "LDV0005"], ids);
    }

    [Fact]
    public async Task A_models_contract_is_checked_at_the_escape()
    {
        var source = TestSource.InMethod(
            """
                    var seedance = new VideoGenerationRequest { Prompt = "a cat" };
                    seedance.Model = "seedance-2.0-fast";
                    seedance.Resolution = "4k";
                    seedance.AspectRatio = "2:1";
                    seedance.Fps = 24;
                    seedance.Duration = 7;
                    last = seedance;
            """,
            Helpers);
        var ids = (await AllAnalyzers.RunAsync(source, editorconfig: null, ModelsFiles.SeedanceFast))
            .Select(diagnostic => diagnostic.Id).Order(StringComparer.Ordinal);
        Assert.Equal(["LDV0009", "LDV0013", "LDV0014", "LDV0015"], ids);
    }

    [Fact]
    public async Task A_local_assigned_a_new_request_is_complete_where_it_leaves()
    {
        var source = TestSource.InMethod(
            """
                    VideoGenerationRequest request;
                    request = new() { Prompt = "p", Model = VideoModels.KlingV21Pro, ImageUrl = "https://x/a.png" };
                    request.Image = "data:image/png;base64,iVBORw0KGgo=";
                    switch (userFps)
                    {
                        case 1:
                            var inner = new VideoGenerationRequest { Prompt = "p", Model = "sora-2" };
                            inner.ImageUrl = "https://x/a.png";
                            last = inner;
                            break;
                    }

                    Keep(request);
            """,
            Helpers);
        var ids = (await AllAnalyzers.RunAsync(source)).Select(diagnostic => diagnostic.Id).Order(StringComparer.Ordinal);
        Assert.Equal(["LDV0002", "LDV0005"], ids);
    }

    [Fact]
    public async Task A_fixed_length_is_checked_at_the_escape()
    {
        var source = TestSource.InMethod(
            """
                    var runway = new VideoGenerationRequest { Prompt = "a cat" };
                    runway.Model = VideoModels.RunwayGen4Turbo5;
                    runway.Duration = 10;
                    Keep(runway);
            """,
            Helpers);
        Assert.Equal(["LDV0009"], (await AllAnalyzers.RunAsync(source)).Select(diagnostic => diagnostic.Id));
    }

    [Fact]
    public async Task An_unset_property_means_nothing_at_the_escape()
    {
        // An image-to-video model without an image: whoever receives the request may add one (LDV0004 needs its whole life).
        var source = TestSource.InMethod(
            """
                    var request = new VideoGenerationRequest { Prompt = "p" };
                    request.Model = VideoModels.Wan26I2V;
                    Keep(request);
            """,
            Helpers);
        Assert.Empty(await AllAnalyzers.RunAsync(source));
    }

    [Theory]
    [InlineData("written after the escape", "Keep(request);\nrequest.Model = \"kling-v2.1-pro\";")]
    [InlineData("written through the field after the escape", "last = request;\nlast.Model = \"kling-v2.1-pro\";")]
    [InlineData("written through the array after the escape", "var batch = new[] { request };\nbatch[0].Model = \"kling-v2.1-pro\";")]
    [InlineData("written through a call's result after the escape", "Func<VideoGenerationRequest> later = () => request;\nlater().Model = \"kling-v2.1-pro\";")]
    [InlineData("handed on, then sent", "Keep(request);\nawait client.CreateVideoAsync(request);")]
    [InlineData("escape in a branch", "if (flag) { Keep(request); }")]
    [InlineData("escape in a loop", "foreach (var i in new[] { 1 }) { Keep(request); }")]
    [InlineData("escape through a conditional", "Keep(flag ? request : new VideoGenerationRequest { Prompt = \"q\" });")]
    [InlineData("passed by ref", "Tweak(ref request);")]
    [InlineData("passed as out", "Replace(out request);\nKeep(request);")]
    [InlineData("aliased to another local", "var alias = request;\nalias.Model = \"kling-v2.1-pro\";\nKeep(alias);")]
    [InlineData("captured by a lambda that writes it", "Action upgrade = () => request.Model = \"kling-v2.1-pro\";")]
    [InlineData("captured by a local function", "Keep(request);\nvoid Upgrade() => request.Model = \"kling-v2.1-pro\";")]
    [InlineData("written in the escape", "Console.WriteLine(request.Model = \"kling-v2.1-pro\", request);")]
    [InlineData("in a tuple", "var pair = (request, 1);")]
    public async Task What_follows_or_surrounds_the_escape_keeps_the_silence(string shape, string escape)
    {
        var diagnostics = await AllAnalyzers.RunAsync(TestSource.InMethod(Built + escape, Helpers));
        Assert.True(diagnostics.IsEmpty, shape + ": " + string.Join("; ", diagnostics));
    }

    [Theory]
    [InlineData("written after the enclosing block", "{\n" + Built + "last = request;\n}\nlast!.Model = \"kling-v2.1-pro\";")]
    [InlineData("written after the enclosing if", "if (flag)\n{\n" + Built + "last = request;\n}\nlast!.Model = \"kling-v2.1-pro\";")]
    [InlineData("written earlier in the enclosing loop", "var batch = new List<VideoGenerationRequest>();\nforeach (var i in new[] { 1, 2 })\n{\nif (batch.Count > 0) { batch[0].Model = \"kling-v2.1-pro\"; }\n" + Built + "batch.Add(request);\n}")]
    [InlineData("written in the enclosing finally", "try\n{\n" + Built + "last = request;\n}\nfinally { last!.Model = \"kling-v2.1-pro\"; }")]
    [InlineData("built inside a lambda", "Func<VideoGenerationRequest> make = () =>\n{\n" + Built + "return request;\n};\nmake().Model = \"kling-v2.1-pro\";")]
    public async Task A_write_outside_the_locals_block_after_the_escape_keeps_the_silence(string shape, string body)
    {
        var diagnostics = await AllAnalyzers.RunAsync(TestSource.InMethod(body, Helpers));
        Assert.True(diagnostics.IsEmpty, shape + ": " + string.Join("; ", diagnostics));
    }

    [Fact]
    public async Task A_local_built_in_a_loop_is_complete_where_it_leaves()
    {
        var source = TestSource.InMethod(
            "var batch = new List<VideoGenerationRequest>();\nforeach (var i in new[] { 1, 2 })\n{\n" + Built + "batch.Add(request);\n}\nKeepAll(batch);",
            Helpers + "static void KeepAll(List<VideoGenerationRequest> requests) { }");
        Assert.Equal(["LDV0002"], (await AllAnalyzers.RunAsync(source)).Select(diagnostic => diagnostic.Id));
    }

    [Fact]
    public async Task A_write_in_a_branch_before_the_escape_keeps_the_silence()
    {
        var source = TestSource.InMethod(
            """
                    var request = new VideoGenerationRequest { Prompt = "p", Model = "sora-2" };
                    if (flag) { request.Model = "kling-v2.1-pro"; }
                    request.ImageUrl = "https://x/a.png";
                    Keep(request);
            """,
            Helpers);
        Assert.Empty(await AllAnalyzers.RunAsync(source));
    }
}
