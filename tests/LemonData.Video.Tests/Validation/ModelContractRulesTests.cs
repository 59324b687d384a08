using System;
using System.Linq;
using LemonData.Video;

namespace LemonData.Video.Tests.Validation;

/// <summary>LDV0009 by durations, LDV0013-LDV0015: checked against a model's contract lists, silent where a list is unknown.</summary>
public class ModelContractRulesTests
{
    private static readonly VideoModelInfo Fast = new VideoModelInfo("seedance-2.0-fast", VideoCapabilities.TextToVideo | VideoCapabilities.ImageToVideo | VideoCapabilities.Keyframes).WithContract(
        durations: new[] { 4, 5, 6, 8, 10, 12, 15 },
        resolutions: new[] { "480p", "720p" },
        aspectRatios: new[] { "1:1", "3:4", "4:3", "9:16", "16:9", "21:9" },
        supportedParameters: new[] { "prompt", "image_url", "start_image", "end_image", "duration", "resolution", "aspect_ratio", "seed", "reference_images", "output_audio" });

    private static readonly VideoModelCatalog Catalog = VideoModelCatalog.Create(new[] { Fast });

    [Theory]
    [InlineData("4k", "720p")]
    [InlineData("1080p", "720p")]
    [InlineData("360p", "480p")]
    [InlineData("ultra", "480p")]
    public void Resolution_outside_the_list_names_the_offered_values_and_the_nearest(string value, string nearest)
    {
        var violation = Assert.NotNull(VideoRequestRules.CheckResolution("seedance-2.0-fast", Fast, value));

        Assert.Equal("LDV0013", violation.DiagnosticId);
        Assert.Equal("Resolution", violation.Property);
        Assert.Contains("offers only 480p, 720p", violation.Message, StringComparison.Ordinal);
        Assert.Contains("'" + nearest + "' (the nearest)", violation.Message, StringComparison.Ordinal);
        Assert.Contains("'seedance-2.0-fast'", violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("720p")]
    [InlineData("720P")]
    [InlineData(" 480p ")]
    public void Resolution_in_the_list_is_fine_whatever_its_case(string value)
    {
        Assert.Null(VideoRequestRules.CheckResolution("seedance-2.0-fast", Fast, value));
    }

    [Theory]
    [InlineData("2:1", "16:9")]
    [InlineData("2.4:1", "21:9")]
    [InlineData("5:4", "4:3")]
    [InlineData("adaptive", "1:1")]
    public void Aspect_ratio_outside_the_list_proposes_the_nearest_shape(string value, string nearest)
    {
        var violation = Assert.NotNull(VideoRequestRules.CheckAspectRatio(null, Fast, value));

        Assert.Equal("LDV0014", violation.DiagnosticId);
        Assert.Contains("'" + nearest + "' (the nearest)", violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7, "6")]
    [InlineData(9, "8")]
    [InlineData(60, "15")]
    [InlineData(1, "4")]
    public void Duration_outside_the_list_is_LDV0009_with_the_nearest_length(int seconds, string nearest)
    {
        var violation = Assert.NotNull(VideoRequestRules.CheckDuration("seedance-2.0-fast", Fast, seconds));

        Assert.Equal("LDV0009", violation.DiagnosticId);
        Assert.Contains("4, 5, 6, 8, 10, 12, 15 seconds", violation.Message, StringComparison.Ordinal);
        Assert.Contains("for example " + nearest + " (the nearest)", violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NegativePrompt", "negative_prompt")]
    [InlineData("Fps", "fps")]
    [InlineData("CfgScale", "cfg_scale")]
    [InlineData("Watermark", "watermark")]
    public void A_parameter_the_model_does_not_read_is_LDV0015_naming_the_wire_name(string property, string wireName)
    {
        var violation = Assert.NotNull(VideoRequestRules.CheckSupportedParameter("seedance-2.0-fast", Fast, property));

        Assert.Equal("LDV0015", violation.DiagnosticId);
        Assert.Equal(property, violation.Property);
        Assert.Contains(property + " (" + wireName + ") is set", violation.Message, StringComparison.Ordinal);
        Assert.Contains("ignore " + wireName + " silently", violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Model")]
    [InlineData("Prompt")]
    [InlineData("User")]
    [InlineData("Image")]
    [InlineData("ImageUrl")]
    [InlineData("Seed")]
    [InlineData("OutputAudio")]
    public void LDV0015_is_silent_for_model_prompt_user_and_what_the_model_reads(string property)
    {
        Assert.Null(VideoRequestRules.CheckSupportedParameter("seedance-2.0-fast", Fast, property));
    }

    [Fact]
    public void Every_list_rule_is_silent_where_the_list_is_unknown()
    {
        Assert.True(VideoModelCatalog.TryGet("seedance-2.0-fast", out var snapshotEntry));

        Assert.Null(VideoRequestRules.CheckResolution("seedance-2.0-fast", snapshotEntry, "4k"));
        Assert.Null(VideoRequestRules.CheckAspectRatio("seedance-2.0-fast", snapshotEntry, "2:1"));
        Assert.Null(VideoRequestRules.CheckDuration("seedance-2.0-fast", snapshotEntry, 7));
        Assert.Null(VideoRequestRules.CheckSupportedParameter("seedance-2.0-fast", snapshotEntry, "NegativePrompt"));
        Assert.Null(VideoRequestRules.CheckResolution("x", null, "4k"));
    }

    [Fact]
    public void The_snapshot_alone_raises_no_list_rule_for_any_model()
    {
        foreach (var model in VideoModelCatalog.All)
        {
            var request = new VideoGenerationRequest
            {
                Model = model.Id,
                Prompt = "A cat",
                Resolution = "13k",
                AspectRatio = "7:5",
                NegativePrompt = "blur",
                Seed = 3,
                Watermark = true,
                Image = model.Supports(VideoCapabilities.ImageToVideo) && !model.Supports(VideoCapabilities.TextToVideo) ? "data:image/png;base64,AAAA" : null,
            };

            var ids = request.Validate().Select(v => v.DiagnosticId);

            Assert.DoesNotContain(ids, id => id is "LDV0013" or "LDV0014" or "LDV0015");
        }
    }

    [Fact]
    public void The_validator_checks_a_loaded_catalogs_lists_and_collects_every_set_property()
    {
        var request = new VideoGenerationRequest
        {
            Model = "seedance-2.0-fast",
            Prompt = "A cat",
            Resolution = "4k",
            AspectRatio = "2:1",
            Duration = 7,
            NegativePrompt = "blur",
            Watermark = false,
            Seed = 7,
        };

        var violations = VideoRequestValidator.Validate(request, new ModelFacts(Catalog, declaredModels: null));

        Assert.Equal(
            new[] { "LDV0009", "LDV0013", "LDV0014", "LDV0015", "LDV0015" },
            violations.Select(v => v.DiagnosticId).ToArray());
        Assert.Equal(new[] { "NegativePrompt", "Watermark" }, violations.Where(v => v.DiagnosticId == "LDV0015").Select(v => v.Property).ToArray());
    }

    [Fact]
    public void The_services_answer_wins_and_a_404_is_LDV0001_with_the_services_ids()
    {
        var request = new VideoGenerationRequest { Model = "acme-video-9", Prompt = "A cat", Resolution = "4k" };
        var service = new VideoModelInfo("acme-video-9", VideoCapabilities.TextToVideo).WithContract(resolutions: new[] { "720p" });

        var answered = VideoRequestValidator.Validate(request, ModelFacts.Snapshot.With(service, unverified: false, notFound: false, serviceModelIds: null));
        Assert.Equal("LDV0013", Assert.Single(answered).DiagnosticId);

        var notFound = VideoRequestValidator.Validate(request, ModelFacts.Snapshot.With(null, unverified: false, notFound: true, serviceModelIds: new[] { "acme-video-8", "sora-2" }));
        var ldv0001 = Assert.Single(notFound);
        Assert.Equal("LDV0001", ldv0001.DiagnosticId);
        Assert.Contains("404 model_not_found", ldv0001.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'acme-video-8'?", ldv0001.Message, StringComparison.Ordinal);

        var unverified = VideoRequestValidator.Validate(request, ModelFacts.Snapshot.With(null, unverified: true, notFound: false, serviceModelIds: null));
        Assert.Empty(unverified);
    }

    [Theory]
    [InlineData("text-to-video", VideoCapabilities.TextToVideo)]
    [InlineData("image-to-video", VideoCapabilities.ImageToVideo)]
    [InlineData("start-end-to-video", VideoCapabilities.Keyframes)]
    [InlineData("Start_End_To_Video", VideoCapabilities.Keyframes)]
    [InlineData("video-extension", VideoCapabilities.Extend)]
    [InlineData("video-to-video", VideoCapabilities.Edit)]
    [InlineData("video-effects", VideoCapabilities.Effects)]
    [InlineData("reference-to-video", VideoCapabilities.None)]
    [InlineData("audio-to-video", VideoCapabilities.None)]
    [InlineData(null, VideoCapabilities.None)]
    public void Operations_map_to_capabilities(string? operation, VideoCapabilities expected)
    {
        Assert.Equal(expected, VideoOperations.ToCapability(operation));
    }

    [Fact]
    public void WithContract_checks_its_values()
    {
        var model = new VideoModelInfo("acme", VideoCapabilities.None);

        Assert.Throws<ArgumentOutOfRangeException>(() => model.WithContract(durations: new[] { 0 }));
        Assert.Throws<ArgumentException>(() => model.WithContract(resolutions: new[] { " " }));
        Assert.Equal(VideoCapabilities.Keyframes, model.WithContract(operations: new[] { "start-end-to-video" }).Capabilities);
    }
}
