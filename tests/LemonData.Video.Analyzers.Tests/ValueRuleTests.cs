extern alias Analyzers;

using System.Threading.Tasks;
using LemonData.Video.Analyzers.Tests.Support;
using Descriptors = Analyzers::LemonData.Video.Analyzers.Descriptors;
using Rules = Analyzers::LemonData.Video.VideoRequestRules;
using ModelAnalyzer = Analyzers::LemonData.Video.Analyzers.ModelShouldBeInCatalog;
using ImageAnalyzer = Analyzers::LemonData.Video.Analyzers.ImageShouldBeBase64DataUrl;
using PromptAnalyzer = Analyzers::LemonData.Video.Analyzers.PromptShouldNotBeEmpty;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>LDV0001, LDV0010, LDV0011: rules on one string value.</summary>
public class ValueRuleTests
{
    [Theory]
    [InlineData("\"sora2\"", "sora2", true)]
    [InlineData("\"Sora-2\"", "Sora-2", true)]
    [InlineData("\"veo31\"", "veo31", true)]
    [InlineData("\"kling-2.6-pro\"", "kling-2.6-pro", true)]
    [InlineData("\"\"", "", true)]
    [InlineData("\"  \"", "  ", true)]
    [InlineData("\"sora-2 \"", "sora-2 ", true)]
    [InlineData("\"sora\" + \"2\"", "sora2", true)]
    [InlineData("\"sora-2\"", null, false)]
    [InlineData("\"sora\" + \"-2\"", null, false)]
    [InlineData("VideoModels.Sora2", null, false)]
    [InlineData("VideoModels.Default", null, false)]
    [InlineData("null", null, false)]
    public async Task LDV0001_model_not_in_the_catalog(string expression, string? model, bool fires)
    {
        var source = TestSource.InMethod($$"""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = {|#0:{{expression}}|} });
            """);
        await Verify<ModelAnalyzer>.AnalyzerAsync(
            source,
            fires ? [Verify<ModelAnalyzer>.Diagnostic(Descriptors.LDV0001_UnknownModel, 0, Rules.CheckModel(model))] : []);
    }

    [Fact]
    public async Task LDV0001_names_the_closest_id()
    {
        var diagnostics = await AllAnalyzers.RunAsync(TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "veo31" });
            """));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("LDV0001", diagnostic.Id);
        Assert.Contains("Did you mean 'veo3.1'?", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("veo3.1", diagnostic.Properties["SuggestedModel"]);
    }

    [Theory]
    [InlineData("\"https://example.com/cat.png\"", true)]
    [InlineData("\"cat.png\"", true)]
    [InlineData("\"\"", true)]
    [InlineData("\"data:image/png,iVBORw0KGgo=\"", true)]
    [InlineData("\"data:image/;base64,iVBORw0KGgo=\"", true)]
    [InlineData("\"data:image/png;base64,\"", true)]
    [InlineData("\"data:image/png;base64,iVBO*Rw0\"", true)]
    [InlineData("\"data:text/plain;base64,aGVsbG8=\"", true)]
    [InlineData("\"data:image/png;base64,iVBORw0KGgo=\"", false)]
    [InlineData("\"DATA:IMAGE/JPEG;BASE64,/9j/4AAQ\"", false)]
    [InlineData("\"data:image/svg+xml;name=a.svg;base64,PHN2Zz4=\"", false)]
    [InlineData("null", false)]
    public async Task LDV0010_image_not_a_data_url(string expression, bool fires)
    {
        var source = TestSource.InMethod($$"""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = VideoModels.KlingV21Pro, Image = {|#0:{{expression}}|} });
            """);
        var image = expression == "null" ? null : expression.Trim('"');
        await Verify<ImageAnalyzer>.AnalyzerAsync(
            source,
            fires ? [Verify<ImageAnalyzer>.Diagnostic(Descriptors.LDV0010_InvalidImageDataUrl, 0, Rules.CheckImageDataUrl(image))] : []);
    }

    [Theory]
    [InlineData("\"\"", "", true)]
    [InlineData("\" \"", " ", true)]
    [InlineData("\"\\t\\r\\n\"", "\t\r\n", true)]
    [InlineData("string.Empty", "", false)]
    [InlineData("\"a cat\"", null, false)]
    [InlineData("\" a cat \"", null, false)]
    public async Task LDV0011_empty_prompt(string expression, string? prompt, bool fires)
    {
        // string.Empty is a static readonly field, not a constant: the compiler does not know it.
        var source = TestSource.InMethod($$"""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = {|#0:{{expression}}|} });
            """);
        await Verify<PromptAnalyzer>.AnalyzerAsync(
            source,
            fires ? [Verify<PromptAnalyzer>.Diagnostic(Descriptors.LDV0011_EmptyPrompt, 0, Rules.CheckPrompt(prompt))] : []);
    }
}
