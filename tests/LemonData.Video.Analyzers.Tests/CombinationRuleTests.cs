extern alias Analyzers;

using System.Threading.Tasks;
using LemonData.Video.Analyzers.Tests.Support;
using Descriptors = Analyzers::LemonData.Video.Analyzers.Descriptors;
using Rules = Analyzers::LemonData.Video.VideoRequestRules;
using ImageOnTextOnlyAnalyzer = Analyzers::LemonData.Video.Analyzers.ImageShouldNotBeSetOnTextOnlyModel;
using KeyframesAnalyzer = Analyzers::LemonData.Video.Analyzers.KeyframesShouldBeOnKeyframeModel;
using ImageRequiredAnalyzer = Analyzers::LemonData.Video.Analyzers.ImageToVideoModelShouldHaveImage;
using BothImagesAnalyzer = Analyzers::LemonData.Video.Analyzers.ImageAndImageUrlShouldNotBothBeSet;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>LDV0002-LDV0005: the rules that combine the model with the images, for each kind of model.</summary>
public class CombinationRuleTests
{
    private const string Url = "\"https://example.com/cat.png\"";
    private const string DataUrl = "\"data:image/png;base64,iVBORw0KGgo=\"";

    [Theory]
    // Text-to-video only, by literal, by VideoModels and by default.
    [InlineData("\"sora-2\"", "sora-2", "ImageUrl", true)]
    [InlineData("VideoModels.Sora2", "sora-2", "Image", true)]
    [InlineData("VideoModels.Veo31_4K", "veo3.1-4k", "ImageUrl", true)]
    [InlineData("\"kling-video-o1-pro\"", "kling-video-o1-pro", "ImageUrl", true)]
    [InlineData("VideoModels.Seedance10LiteT2V", "seedance-1-0-lite-t2v", "Image", true)]
    [InlineData("VideoModels.Default", "sora-2", "ImageUrl", true)]
    [InlineData(null, null, "ImageUrl", true)]
    [InlineData(null, null, "Image", true)]
    // Models that take an image: image-to-video, extend (the clip's last frame), effects.
    [InlineData("VideoModels.KlingV21Pro", "kling-v2.1-pro", "ImageUrl", false)]
    [InlineData("\"wan2.6-i2v\"", "wan2.6-i2v", "Image", false)]
    [InlineData("VideoModels.Seedance20", "seedance-2-0", "ImageUrl", false)]
    [InlineData("VideoModels.LumaVideoExtend", "luma-video-extend-api", "ImageUrl", false)]
    [InlineData("VideoModels.KlingEffects", "kling-effects", "Image", false)]
    // A model the catalog does not know is LDV0001's business: it may take images.
    [InlineData("\"sora-3\"", "sora-3", "ImageUrl", false)]
    public async Task LDV0002_image_on_a_text_only_model(string? modelExpression, string? model, string property, bool fires)
    {
        var modelMember = modelExpression is null ? string.Empty : "Model = " + modelExpression + ", ";
        var value = property == "Image" ? DataUrl : Url;
        var source = TestSource.InMethod($$"""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", {{modelMember}}{|#0:{{property}} = {{value}}|} });
            """);
        await Verify<ImageOnTextOnlyAnalyzer>.AnalyzerAsync(
            source,
            fires ? [Verify<ImageOnTextOnlyAnalyzer>.Diagnostic(Descriptors.LDV0002_ImageOnTextOnlyModel, 0, Rules.CheckImageOnTextOnlyModel(model, property))] : []);
    }

    [Fact]
    public async Task LDV0002_reports_each_image_property()
    {
        var source = TestSource.InMethod($$"""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", {|#0:ImageUrl = {{Url}}|}, {|#1:Image = {{DataUrl}}|} });
            """);
        await Verify<ImageOnTextOnlyAnalyzer>.AnalyzerAsync(
            source,
            Verify<ImageOnTextOnlyAnalyzer>.Diagnostic(Descriptors.LDV0002_ImageOnTextOnlyModel, 0, Rules.CheckImageOnTextOnlyModel(null, "ImageUrl")),
            Verify<ImageOnTextOnlyAnalyzer>.Diagnostic(Descriptors.LDV0002_ImageOnTextOnlyModel, 1, Rules.CheckImageOnTextOnlyModel(null, "Image")));
    }

    [Theory]
    [InlineData(null, null, "StartImage", true)]
    [InlineData("VideoModels.Sora2", "sora-2", "EndImage", true)]
    [InlineData("\"kling-v2.1-pro\"", "kling-v2.1-pro", "StartImage", true)]
    [InlineData("VideoModels.KlingV21Pro", "kling-v2.1-pro", "EndImage", true)]
    [InlineData("VideoModels.RunwayGen4Turbo5", "runwayml-gen4-turbo-5", "EndImage", true)]
    [InlineData("VideoModels.Seedance20", "seedance-2-0", "StartImage", false)]
    [InlineData("\"seedance-2-0\"", "seedance-2-0", "EndImage", false)]
    [InlineData("\"seedance-3-0\"", "seedance-3-0", "EndImage", false)]
    public async Task LDV0003_keyframes_on_a_model_without_them(string? modelExpression, string? model, string property, bool fires)
    {
        var modelMember = modelExpression is null ? string.Empty : "Model = " + modelExpression + ", ";
        var source = TestSource.InMethod($$"""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", {{modelMember}}{|#0:{{property}} = {{Url}}|} });
            """);
        await Verify<KeyframesAnalyzer>.AnalyzerAsync(
            source,
            fires ? [Verify<KeyframesAnalyzer>.Diagnostic(Descriptors.LDV0003_KeyframesNotSupported, 0, Rules.CheckKeyframes(model, property))] : []);
    }

    [Theory]
    [InlineData("VideoModels.Wan26I2V", "wan2.6-i2v", "", true)]
    [InlineData("\"seedance-1-0-lite-i2v\"", "seedance-1-0-lite-i2v", "", true)]
    [InlineData("VideoModels.Seedance10LiteI2V", "seedance-1-0-lite-i2v", ", ImageUrl = null, Image = null", true)]
    [InlineData("VideoModels.Wan26I2V", "wan2.6-i2v", ", ImageUrl = " + Url, false)]
    [InlineData("VideoModels.Wan26I2V", "wan2.6-i2v", ", Image = " + DataUrl, false)]
    [InlineData("VideoModels.Wan26I2V", "wan2.6-i2v", ", ImageUrl = userUrl", false)]
    [InlineData("VideoModels.KlingV21Pro", "kling-v2.1-pro", "", false)]
    [InlineData("VideoModels.KlingVideoExtend", "kling-video-extend", "", false)]
    public async Task LDV0004_image_to_video_model_without_an_image(string modelExpression, string model, string more, bool fires)
    {
        var source = TestSource.InMethod($$"""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", {|#0:Model = {{modelExpression}}|}{{more}} });
            """);
        await Verify<ImageRequiredAnalyzer>.AnalyzerAsync(
            source,
            fires ? [Verify<ImageRequiredAnalyzer>.Diagnostic(Descriptors.LDV0004_ImageRequired, 0, Rules.CheckImageRequired(model, false, false))] : []);
    }

    [Fact]
    public async Task LDV0004_follows_a_local_to_its_end()
    {
        var source = TestSource.InMethod("""
                    var withImage = new VideoGenerationRequest { Prompt = "a cat", Model = VideoModels.Wan26I2V };
                    withImage.ImageUrl = "https://example.com/cat.png";
                    await client.CreateVideoAsync(withImage);

                    var without = new VideoGenerationRequest();
                    without.Prompt = "a cat";
                    {|#0:without.Model = VideoModels.Wan26I2V|};
                    without.Seed = 42;
                    await client.CreateVideoAsync(without);
            """);
        await Verify<ImageRequiredAnalyzer>.AnalyzerAsync(
            source,
            Verify<ImageRequiredAnalyzer>.Diagnostic(Descriptors.LDV0004_ImageRequired, 0, Rules.CheckImageRequired("wan2.6-i2v", false, false)));
    }

    [Theory]
    [InlineData("Model = VideoModels.KlingV21Pro, ", true)]
    [InlineData("Model = \"hailuo-2.3\", ", true)]
    [InlineData("", true)]
    [InlineData("Model = \"my-new-model\", ", false)]
    [InlineData("Model = userModel, ", false)]
    public async Task LDV0005_both_image_sources(string model, bool fires)
    {
        var source = TestSource.InMethod($$"""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", {{model}}ImageUrl = {{Url}}, {|#0:Image = {{DataUrl}}|} });
            """);
        await Verify<BothImagesAnalyzer>.AnalyzerAsync(
            source,
            fires ? [Verify<BothImagesAnalyzer>.Diagnostic(Descriptors.LDV0005_ConflictingImageSources, 0, Rules.CheckSingleImageSource(true, true))] : []);
    }

    [Fact]
    public async Task LDV0005_in_one_initializer_and_in_split_statements()
    {
        var source = TestSource.InMethod($$"""
                    var batch = new List<VideoGenerationRequest>
                    {
                        new() { Prompt = "a cat", Model = VideoModels.ViduQ3Pro, Image = {{DataUrl}}, ImageUrl = null },
                        new() { Prompt = "a cat", Model = VideoModels.ViduQ3Pro, ImageUrl = {{Url}}, {|#0:Image = {{DataUrl}}|} },
                    };

                    var request = new VideoGenerationRequest { Prompt = "a cat", Model = VideoModels.Hailuo23Pro, ImageUrl = {{Url}} };
                    {|#1:request.Image = {{DataUrl}}|};
                    await client.CreateVideoAsync(request);
            """);
        await Verify<BothImagesAnalyzer>.AnalyzerAsync(
            source,
            Verify<BothImagesAnalyzer>.Diagnostic(Descriptors.LDV0005_ConflictingImageSources, 0, Rules.CheckSingleImageSource(true, true)),
            Verify<BothImagesAnalyzer>.Diagnostic(Descriptors.LDV0005_ConflictingImageSources, 1, Rules.CheckSingleImageSource(true, true)));
    }
}
