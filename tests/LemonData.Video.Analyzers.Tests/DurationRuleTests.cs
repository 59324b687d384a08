extern alias Analyzers;

using System.Threading.Tasks;
using LemonData.Video.Analyzers.Tests.Support;
using Descriptors = Analyzers::LemonData.Video.Analyzers.Descriptors;
using Rules = Analyzers::LemonData.Video.VideoRequestRules;
using DurationAnalyzer = Analyzers::LemonData.Video.Analyzers.DurationShouldBeSupportedByModel;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>LDV0009: the API's range for every model, and the one length of a fixed-length model.</summary>
public class DurationRuleTests
{
    [Theory]
    [InlineData("-5", -5, true)]
    [InlineData("0", 0, true)]
    [InlineData("1", 1, false)]
    [InlineData("20", 20, false)]
    [InlineData("60", 60, false)]
    [InlineData("61", 61, true)]
    [InlineData("60 * 2", 120, true)]
    public async Task The_API_range_with_the_default_model(string expression, int duration, bool fires)
    {
        var source = TestSource.InMethod($$"""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Duration = {|#0:{{expression}}|} });
            """);
        await Verify<DurationAnalyzer>.AnalyzerAsync(
            source,
            fires ? [Verify<DurationAnalyzer>.Diagnostic(Descriptors.LDV0009_UnsupportedDuration, 0, Rules.CheckDuration(null, duration))] : []);
    }

    [Theory]
    [InlineData("VideoModels.RunwayGen4Turbo5", "runwayml-gen4-turbo-5", 4, true)]
    [InlineData("VideoModels.RunwayGen4Turbo5", "runwayml-gen4-turbo-5", 5, false)]
    [InlineData("VideoModels.RunwayGen4Turbo5", "runwayml-gen4-turbo-5", 6, true)]
    [InlineData("\"runwayml-gen4-turbo-5\"", "runwayml-gen4-turbo-5", 10, true)]
    [InlineData("VideoModels.RunwayGen4Turbo10", "runwayml-gen4-turbo-10", 5, true)]
    [InlineData("VideoModels.RunwayGen4Turbo10", "runwayml-gen4-turbo-10", 9, true)]
    [InlineData("VideoModels.RunwayGen4Turbo10", "runwayml-gen4-turbo-10", 10, false)]
    [InlineData("VideoModels.RunwayGen4Turbo10", "runwayml-gen4-turbo-10", 11, true)]
    [InlineData("VideoModels.RunwayGen4Turbo10", "runwayml-gen4-turbo-10", 61, true)]
    [InlineData("VideoModels.RunwayGen4Turbo10", "runwayml-gen4-turbo-10", 0, true)]
    // A family's typical maximum is approximate and never enforced.
    [InlineData("VideoModels.Wan26", "wan-2.6", 30, false)]
    [InlineData("VideoModels.Veo3", "veo3", 60, false)]
    [InlineData("VideoModels.Veo3", "veo3", 61, true)]
    [InlineData("\"veo4\"", "veo4", 61, true)]
    [InlineData("\"veo4\"", "veo4", 10, false)]
    public async Task Per_model(string modelExpression, string model, int duration, bool fires)
    {
        var source = TestSource.InMethod($$"""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = {{modelExpression}}, Duration = {|#0:{{duration}}|} });
            """);
        await Verify<DurationAnalyzer>.AnalyzerAsync(
            source,
            fires ? [Verify<DurationAnalyzer>.Diagnostic(Descriptors.LDV0009_UnsupportedDuration, 0, Rules.CheckDuration(model, duration))] : []);
    }

    [Fact]
    public async Task A_fixed_length_is_checked_where_the_model_is_seen_and_only_there()
    {
        var source = TestSource.InMethod("""
                    var split = new VideoGenerationRequest { Prompt = "a cat" };
                    split.Duration = {|#0:10|};
                    split.Model = VideoModels.RunwayGen4Turbo5;
                    await client.CreateVideoAsync(split);

                    var template = new VideoGenerationRequest { Prompt = "a cat", Model = VideoModels.RunwayGen4Turbo5, Duration = {|#1:10|} };
                    Keep(template);

                    var unknown = new VideoGenerationRequest { Prompt = "a cat", Model = userModel, Duration = 10 };
                    await client.CreateVideoAsync(unknown);
            """,
            "static void Keep(VideoGenerationRequest request) { }");

        // The local handed to Keep is complete there, as the same initializer passed to Keep directly is.
        await Verify<DurationAnalyzer>.AnalyzerAsync(
            source,
            Verify<DurationAnalyzer>.Diagnostic(Descriptors.LDV0009_UnsupportedDuration, 0, Rules.CheckDuration("runwayml-gen4-turbo-5", 10)),
            Verify<DurationAnalyzer>.Diagnostic(Descriptors.LDV0009_UnsupportedDuration, 1, Rules.CheckDuration("runwayml-gen4-turbo-5", 10)));
    }

    [Fact]
    public async Task Out_of_range_is_reported_wherever_the_model_is_unknown_without_naming_a_model()
    {
        var source = TestSource.InMethod(
            """
                    var request = new VideoGenerationRequest { Prompt = "a cat", Model = userModel, Duration = {|#0:61|} };
                    request.Duration = {|#1:0|};
            """,
            """
                static VideoGenerationRequest Make() => new() { Prompt = "a cat", Duration = {|#2:90|} };
                static void Change(VideoGenerationRequest request) => request.Duration = {|#3:-1|};
            """);

        await Verify<DurationAnalyzer>.AnalyzerAsync(
            source,
            Expected(0, "Duration is 61 seconds, but the API accepts 1 to 60 seconds. Set a value in that range, or leave Duration unset for the model's default."),
            Expected(1, "Duration is 0 seconds, but the API accepts 1 to 60 seconds. Set a value in that range, or leave Duration unset for the model's default."),
            Expected(2, "Duration is 90 seconds, but the API accepts 1 to 60 seconds. Set a value in that range, or leave Duration unset for the model's default."),
            Expected(3, "Duration is -1 seconds, but the API accepts 1 to 60 seconds. Set a value in that range, or leave Duration unset for the model's default."));

        static Microsoft.CodeAnalysis.Testing.DiagnosticResult Expected(int markup, string message) =>
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.LDV0009_UnsupportedDuration).WithLocation(markup).WithArguments(message);
    }

    [Fact]
    public async Task Out_of_range_names_the_model_where_it_is_known()
    {
        var source = TestSource.InMethod(
            """
                    var request = new VideoGenerationRequest { Prompt = "a cat", Model = VideoModels.RunwayGen4Turbo10 };
                    request.Duration = {|#0:90|};
                    await client.CreateVideoAsync(request);
                    await client.CreateVideoAsync(new() { Prompt = "a cat", Duration = {|#1:0|} });
            """,
            """
                static VideoGenerationRequest Make() => new() { Prompt = "a cat", Model = VideoModels.KlingV21Master, Duration = {|#2:90|} };
            """);

        await Verify<DurationAnalyzer>.AnalyzerAsync(
            source,
            Verify<DurationAnalyzer>.Diagnostic(Descriptors.LDV0009_UnsupportedDuration, 0, Rules.CheckDuration("runwayml-gen4-turbo-10", 90)),
            Verify<DurationAnalyzer>.Diagnostic(Descriptors.LDV0009_UnsupportedDuration, 1, Rules.CheckDuration(null, 0)),
            Verify<DurationAnalyzer>.Diagnostic(Descriptors.LDV0009_UnsupportedDuration, 2, Rules.CheckDuration("kling-v2.1-master", 90)));
    }
}
