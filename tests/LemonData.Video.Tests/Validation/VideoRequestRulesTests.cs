#nullable enable

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LemonData.Video;
using Xunit;

namespace LemonData.Video.Tests.Validation;

public class VideoRequestRulesTests
{
    private const string GoodDataUrl = "data:image/png;base64,iVBORw0KGgo=";

    public static IEnumerable<object[]> CatalogIds() => VideoModelCatalog.All.Select(m => new object[] { m.Id });

    // ---- LDV0001 unknown model ----

    [Theory]
    [InlineData("sora-3", "sora-2")]
    [InlineData("Sora-2", "sora-2")]
    [InlineData("veo31", "veo3.1")]
    [InlineData("kling-2.6-pro", "kling-v2.6-pro")]
    [InlineData("runway-gen4-turbo-5", "runwayml-gen4-turbo-5")]
    public void CheckModel_reports_an_unknown_id_and_suggests_the_closest(string model, string suggestion)
    {
        var violation = VideoRequestRules.CheckModel(model);

        AssertViolation(violation, "LDV0001", "Model", "'" + model + "'", "Did you mean '" + suggestion + "'?", "ValidateRequests = false");
    }

    [Fact]
    public void CheckModel_says_ids_are_case_sensitive_when_only_the_case_differs()
    {
        var violation = VideoRequestRules.CheckModel("Sora-2");

        AssertViolation(violation, "LDV0001", "Model", "case-sensitive");
    }

    [Fact]
    public void CheckModel_does_not_mention_case_for_a_real_typo()
    {
        var violation = VideoRequestRules.CheckModel("sora-3");

        Assert.DoesNotContain("case-sensitive", Assert.NotNull(violation).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckModel_reports_an_empty_id()
    {
        var violation = VideoRequestRules.CheckModel(string.Empty);

        AssertViolation(violation, "LDV0001", "Model", "Model ''", "Leave Model unset to use the default 'sora-2'");
        Assert.DoesNotContain("Did you mean", Assert.NotNull(violation).Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void CheckModel_accepts_every_catalog_id(string model)
    {
        Assert.Null(VideoRequestRules.CheckModel(model));
    }

    [Fact]
    public void CheckModel_accepts_an_unset_model()
    {
        Assert.Null(VideoRequestRules.CheckModel(null));
    }

    [Theory]
    [InlineData("sora-3", "sora-2")]
    [InlineData("SORA-2", "sora-2")]
    [InlineData("veo31", "veo3.1")]
    [InlineData("veo3", "veo3")]
    [InlineData("seedance-2.0", "seedance-2.0")]
    [InlineData("seedance-2.0-fats", "seedance-2.0-fast")]
    [InlineData("wan2.6", "wan-2.6")]
    [InlineData("", "veo3")]
    public void FindClosest_returns_the_nearest_catalog_id(string id, string expected)
    {
        Assert.Equal(expected, ModelIdSuggestions.FindClosest(id));
    }

    [Fact]
    public void FindClosest_copes_with_a_long_string()
    {
        var closest = ModelIdSuggestions.FindClosest(new string('x', 100_000));

        Assert.True(VideoModelCatalog.Contains(closest));
    }

    // ---- LDV0002 image on a text-only model ----

    [Theory]
    [InlineData("sora-2", "ImageUrl")]
    [InlineData("sora-2", "Image")]
    [InlineData("sora-2-pro", "ImageUrl")]
    [InlineData("veo3", "ImageUrl")]
    [InlineData("veo3.1-4k", "Image")]
    [InlineData("wan-2.6", "ImageUrl")]
    [InlineData("kling-v2.6-pro", "ImageUrl")]
    [InlineData("seedance-1-0-lite-t2v", "Image")]
    public void CheckImageOnTextOnlyModel_fires_for_text_only_models(string model, string property)
    {
        var violation = VideoRequestRules.CheckImageOnTextOnlyModel(model, property);

        AssertViolation(violation, "LDV0002", property, "'" + model + "'", property + " is set", "text only", "kling-v2.1-pro", "wan2.6-i2v");
    }

    [Fact]
    public void CheckImageOnTextOnlyModel_fires_for_an_unset_model_because_the_default_is_text_only()
    {
        var violation = VideoRequestRules.CheckImageOnTextOnlyModel(null, "ImageUrl");

        AssertViolation(violation, "LDV0002", "ImageUrl", "Model is not set, so the service uses 'sora-2'");
    }

    [Theory]
    [InlineData("kling-v2.1-pro")]
    [InlineData("kling-v2.1-master")]
    [InlineData("wan2.6-i2v")]
    [InlineData("seedance-1-0-lite-i2v")]
    [InlineData("seedance-2-0")]
    [InlineData("runwayml-gen4-turbo-5")]
    [InlineData("kling-video-extend")]
    [InlineData("luma-video-extend-api")]
    [InlineData("kling-effects")]
    [InlineData("sora-3")]
    public void CheckImageOnTextOnlyModel_stays_silent_for_models_that_take_an_image_or_are_unknown(string model)
    {
        Assert.Null(VideoRequestRules.CheckImageOnTextOnlyModel(model, "ImageUrl"));
        Assert.Null(VideoRequestRules.CheckImageOnTextOnlyModel(model, "Image"));
    }

    // ---- LDV0003 keyframes ----

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void CheckKeyframes_fires_for_every_model_whose_capabilities_are_known_but_the_keyframe_ones(string model)
    {
        foreach (var property in new[] { "StartImage", "EndImage" })
        {
            var violation = VideoRequestRules.CheckKeyframes(model, property);
            Assert.True(VideoModelCatalog.TryGet(model, out var info));
            if (model is "seedance-2-0" or "seedance-2.0-fast" || info.Capabilities == VideoCapabilities.None)
            {
                // A model whose capabilities no page documents is one a rule knows nothing about: silence.
                Assert.Null(violation);
            }
            else
            {
                AssertViolation(violation, "LDV0003", property, "'" + model + "'", property + " is set", "keyframes", "seedance-2-0");
            }
        }
    }

    [Fact]
    public void CheckKeyframes_fires_for_an_unset_model()
    {
        AssertViolation(VideoRequestRules.CheckKeyframes(null, "EndImage"), "LDV0003", "EndImage", "Model is not set, so the service uses 'sora-2'");
    }

    [Fact]
    public void CheckKeyframes_points_an_image_to_video_model_to_ImageUrl()
    {
        AssertViolation(VideoRequestRules.CheckKeyframes("kling-v2.1-pro", "StartImage"), "LDV0003", "StartImage", "set ImageUrl");
    }

    [Fact]
    public void CheckKeyframes_stays_silent_for_an_unknown_model()
    {
        Assert.Null(VideoRequestRules.CheckKeyframes("seedance-3-0", "StartImage"));
    }

    // ---- LDV0004 image required ----

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void CheckImageRequired_fires_only_for_image_to_video_only_models(string model)
    {
        var violation = VideoRequestRules.CheckImageRequired(model, hasImageUrl: false, hasImage: false);

        if (model is "wan2.6-i2v" or "seedance-1-0-lite-i2v")
        {
            AssertViolation(violation, "LDV0004", "ImageUrl", "'" + model + "'", "neither ImageUrl nor Image is set", "image-to-video");
        }
        else
        {
            Assert.Null(violation);
        }
    }

    [Theory]
    [InlineData("wan2.6-i2v", "wan-2.6")]
    [InlineData("seedance-1-0-lite-i2v", "seedance-1-0-lite-t2v")]
    public void CheckImageRequired_suggests_the_text_to_video_twin(string model, string twin)
    {
        AssertViolation(VideoRequestRules.CheckImageRequired(model, false, false), "LDV0004", "ImageUrl", "such as '" + twin + "'");
    }

    [Theory]
    [InlineData("seedance-1-0-lite-i2v", VideoCapabilities.TextToVideo, "Seedance", "seedance-1-0-lite-t2v")]
    [InlineData("wan2.6-i2v", VideoCapabilities.TextToVideo, "Wan", "wan-2.6")]
    [InlineData("sora-2", VideoCapabilities.Keyframes, null, "seedance-2-0")]
    [InlineData("sora-2", VideoCapabilities.ImageToVideo, "Sora", null)]
    public void FindClosest_can_be_limited_by_capability_and_family(string id, VideoCapabilities required, string? family, string? expected)
    {
        Assert.Equal(expected, ModelIdSuggestions.FindClosest(id, required, family));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void CheckImageRequired_is_satisfied_by_either_image(bool hasImageUrl, bool hasImage)
    {
        Assert.Null(VideoRequestRules.CheckImageRequired("wan2.6-i2v", hasImageUrl, hasImage));
        Assert.Null(VideoRequestRules.CheckImageRequired("seedance-1-0-lite-i2v", hasImageUrl, hasImage));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wan2.7-i2v")]
    public void CheckImageRequired_stays_silent_for_unset_or_unknown_models(string? model)
    {
        Assert.Null(VideoRequestRules.CheckImageRequired(model, false, false));
    }

    // ---- LDV0005 two image sources ----

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, false)]
    public void CheckSingleImageSource_fires_when_both_are_set(bool hasImageUrl, bool hasImage, bool fires)
    {
        var violation = VideoRequestRules.CheckSingleImageSource(hasImageUrl, hasImage);

        if (fires)
        {
            AssertViolation(violation, "LDV0005", "Image", "Image and ImageUrl are both set");
        }
        else
        {
            Assert.Null(violation);
        }
    }

    // ---- LDV0006-LDV0008 ranges ----

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(24, false)]
    [InlineData(120, false)]
    [InlineData(121, true)]
    [InlineData(-5, true)]
    [InlineData(int.MaxValue, true)]
    public void CheckFps_allows_1_to_120(int fps, bool fires)
    {
        var violation = VideoRequestRules.CheckFps(fps);

        if (fires)
        {
            AssertViolation(violation, "LDV0006", "Fps", "Fps is " + fps.ToString(CultureInfo.InvariantCulture), "between 1 and 120");
        }
        else
        {
            Assert.Null(violation);
        }
    }

    [Theory]
    [InlineData(0.0, null)]
    [InlineData(7.5, null)]
    [InlineData(20.0, null)]
    [InlineData(-0.01, "-0.01")]
    [InlineData(20.01, "20.01")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void CheckCfgScale_allows_0_to_20(double cfgScale, string? shownAs)
    {
        var violation = VideoRequestRules.CheckCfgScale(cfgScale);

        if (shownAs is null)
        {
            Assert.Null(violation);
        }
        else
        {
            AssertViolation(violation, "LDV0007", "CfgScale", "CfgScale is " + shownAs, "between 0 and 20");
        }
    }

    [Theory]
    [InlineData(0.0, null)]
    [InlineData(0.5, null)]
    [InlineData(1.0, null)]
    [InlineData(-0.1, "-0.1")]
    [InlineData(1.01, "1.01")]
    [InlineData(double.NaN, "NaN")]
    public void CheckMotionStrength_allows_0_to_1(double motionStrength, string? shownAs)
    {
        var violation = VideoRequestRules.CheckMotionStrength(motionStrength);

        if (shownAs is null)
        {
            Assert.Null(violation);
        }
        else
        {
            AssertViolation(violation, "LDV0008", "MotionStrength", "MotionStrength is " + shownAs, "between 0 and 1");
        }
    }

    [Fact]
    public void Numbers_in_messages_use_the_invariant_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");

            var violation = VideoRequestRules.CheckCfgScale(20.5);

            AssertViolation(violation, "LDV0007", "CfgScale", "20.5");
            Assert.DoesNotContain("20,5", Assert.NotNull(violation).Message, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    // ---- LDV0009 duration ----

    [Theory]
    [InlineData(null, 0, true)]
    [InlineData(null, 1, false)]
    [InlineData(null, 60, false)]
    [InlineData(null, 61, true)]
    [InlineData(null, -3, true)]
    [InlineData("sora-2", 0, true)]
    [InlineData("sora-2", 61, true)]
    [InlineData("veo3.1", 30, false)]
    [InlineData("wan-2.6", 60, false)]
    [InlineData("runwayml-gen4-turbo-5", 5, false)]
    [InlineData("runwayml-gen4-turbo-5", 10, true)]
    [InlineData("runwayml-gen4-turbo-5", 61, true)]
    [InlineData("runwayml-gen4-turbo-10", 10, false)]
    [InlineData("runwayml-gen4-turbo-10", 5, true)]
    [InlineData("my-new-model", 30, false)]
    [InlineData("my-new-model", 61, true)]
    [InlineData("my-new-model", 0, true)]
    public void CheckDuration_allows_1_to_60_and_the_fixed_length_of_fixed_length_models(string? model, int duration, bool fires)
    {
        var violation = VideoRequestRules.CheckDuration(model, duration);

        if (fires)
        {
            AssertViolation(violation, "LDV0009", "Duration", "Duration is " + duration.ToString(CultureInfo.InvariantCulture) + " seconds", model ?? "'sora-2'");
        }
        else
        {
            Assert.Null(violation);
        }
    }

    [Fact]
    public void CheckDuration_names_the_fixed_length_and_the_model_that_makes_the_asked_length()
    {
        var violation = VideoRequestRules.CheckDuration("runwayml-gen4-turbo-5", 10);

        AssertViolation(violation, "LDV0009", "Duration", "'runwayml-gen4-turbo-5' makes 5-second clips only", "'runwayml-gen4-turbo-10'");
    }

    [Fact]
    public void CheckDuration_names_the_range_for_an_out_of_range_value()
    {
        AssertViolation(VideoRequestRules.CheckDuration("veo3", 61), "LDV0009", "Duration", "'veo3'", "1 to 60 seconds");
    }

    [Fact]
    public void CheckDuration_says_which_model_an_unset_model_means()
    {
        AssertViolation(VideoRequestRules.CheckDuration(null, 0), "LDV0009", "Duration", "Model is not set, so the service uses 'sora-2'");
    }

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void CheckDuration_never_enforces_the_approximate_family_maximum(string model)
    {
        Assert.True(VideoModelCatalog.TryGet(model, out var info));
        if (info.FixedDurationSeconds is null)
        {
            Assert.Null(VideoRequestRules.CheckDuration(model, 60));
            Assert.Null(VideoRequestRules.CheckDuration(model, (info.TypicalMaxDurationSeconds ?? 10) + 1));
        }
    }

    // ---- LDV0010 image data URL ----

    [Theory]
    [InlineData(GoodDataUrl)]
    [InlineData("data:image/jpeg;base64,/9j/4AAQSkZJRg==")]
    [InlineData("data:image/svg+xml;base64,PHN2Zz4=")]
    [InlineData("DATA:IMAGE/PNG;BASE64,AAAA")]
    [InlineData("data:image/png;name=cat.png;base64,AAAA")]
    [InlineData("data:image/png;base64,AAAA\nBBBB\r\nCC==\n")]
    [InlineData("data:image/webp;base64, AAAA ")]
    public void CheckImageDataUrl_accepts_base64_image_data_urls(string image)
    {
        Assert.Null(VideoRequestRules.CheckImageDataUrl(image));
    }

    [Fact]
    public void CheckImageDataUrl_accepts_an_unset_image()
    {
        Assert.Null(VideoRequestRules.CheckImageDataUrl(null));
    }

    [Theory]
    [InlineData("https://x/y.png", "does not start with 'data:image/'")]
    [InlineData("data:image/png;base64,", "empty")]
    [InlineData("data:image/png;base64,  \n ", "empty")]
    [InlineData("data:text/plain;base64,AAAA", "does not start with 'data:image/'")]
    [InlineData("data:image/png,AAAA", ";base64")]
    [InlineData("data:image/png;base64,@@@", "'@'")]
    [InlineData("data:image/png;base64", "no ','")]
    [InlineData("data:image/;base64,AAAA", "image type")]
    [InlineData("data:image/p ng;base64,AAAA", "image type")]
    [InlineData("data:image/png;base64,AA=A", "padding")]
    [InlineData("data:image/png;base64,AA-_", "'-'")]
    [InlineData("", "does not start with 'data:image/'")]
    [InlineData("iVBORw0KGgo=", "does not start with 'data:image/'")]
    public void CheckImageDataUrl_rejects_anything_else(string image, string reason)
    {
        var violation = VideoRequestRules.CheckImageDataUrl(image);

        AssertViolation(violation, "LDV0010", "Image", "Image is '" + image + "'", reason, "data:image/png;base64,");
    }

    [Fact]
    public void CheckImageDataUrl_sends_a_web_address_to_ImageUrl()
    {
        AssertViolation(VideoRequestRules.CheckImageDataUrl("https://x/y.png"), "LDV0010", "Image", "set ImageUrl instead");
    }

    [Fact]
    public void CheckImageDataUrl_quotes_only_the_start_of_a_large_image()
    {
        var image = "data:image/png;base64," + new string('A', 5_000_000) + "!";

        var violation = VideoRequestRules.CheckImageDataUrl(image);

        AssertViolation(violation, "LDV0010", "Image", "data:image/png;base64,AAAA", "5000023 characters", "'!'");
        Assert.True(Assert.NotNull(violation).Message.Length < 1_000);
    }

    [Fact]
    public void CheckImageDataUrl_accepts_a_large_image()
    {
        Assert.Null(VideoRequestRules.CheckImageDataUrl("data:image/png;base64," + new string('A', 5_000_000)));
    }

    // ---- LDV0011 prompt ----

    [Theory]
    [InlineData(null, "not set")]
    [InlineData("", "empty")]
    [InlineData("  ", "white space")]
    [InlineData("\t\n", "white space")]
    public void CheckPrompt_fires_for_a_missing_prompt(string? prompt, string shownAs)
    {
        AssertViolation(VideoRequestRules.CheckPrompt(prompt), "LDV0011", "Prompt", "Prompt is " + shownAs);
    }

    [Fact]
    public void CheckPrompt_accepts_text()
    {
        Assert.Null(VideoRequestRules.CheckPrompt("A cat on a skateboard"));
    }

    // ---- every message stands alone ----

    public static IEnumerable<object[]> MessageCases() => ViolationCases.Keys.Select(k => new object[] { k });

    private static readonly Dictionary<string, (Func<VideoRuleViolation?> Check, string Value)> ViolationCases = new()
    {
        ["LDV0001"] = (() => VideoRequestRules.CheckModel("sora-3"), "sora-3"),
        ["LDV0002"] = (() => VideoRequestRules.CheckImageOnTextOnlyModel("veo3", "ImageUrl"), "veo3"),
        ["LDV0003"] = (() => VideoRequestRules.CheckKeyframes("veo3", "StartImage"), "veo3"),
        ["LDV0004"] = (() => VideoRequestRules.CheckImageRequired("wan2.6-i2v", false, false), "wan2.6-i2v"),
        ["LDV0005"] = (() => VideoRequestRules.CheckSingleImageSource(true, true), "ImageUrl"),
        ["LDV0006"] = (() => VideoRequestRules.CheckFps(121), "121"),
        ["LDV0007"] = (() => VideoRequestRules.CheckCfgScale(20.01), "20.01"),
        ["LDV0008"] = (() => VideoRequestRules.CheckMotionStrength(1.01), "1.01"),
        ["LDV0009"] = (() => VideoRequestRules.CheckDuration("runwayml-gen4-turbo-5", 10), "10"),
        ["LDV0010"] = (() => VideoRequestRules.CheckImageDataUrl("https://x/y.png"), "https://x/y.png"),
        ["LDV0011"] = (() => VideoRequestRules.CheckPrompt("  "), "'  '"),
        ["LDV0013"] = (() => VideoRequestRules.CheckResolution("acme", ContractModel, "4k"), "'4k'"),
        ["LDV0014"] = (() => VideoRequestRules.CheckAspectRatio("acme", ContractModel, "2:1"), "'2:1'"),
        ["LDV0015"] = (() => VideoRequestRules.CheckSupportedParameter("acme", ContractModel, "NegativePrompt"), "negative_prompt"),
    };

    private static readonly VideoModelInfo ContractModel = new VideoModelInfo("acme", VideoCapabilities.TextToVideo).WithContract(
        durations: new[] { 5, 10 },
        resolutions: new[] { "480p", "720p" },
        aspectRatios: new[] { "16:9", "9:16" },
        supportedParameters: new[] { "prompt", "duration", "resolution", "aspect_ratio" });

    [Theory]
    [MemberData(nameof(MessageCases))]
    public void Every_message_names_its_property_and_the_offending_value(string id)
    {
        var (check, value) = ViolationCases[id];

        var violation = Assert.NotNull(check());

        Assert.Equal(id, violation.DiagnosticId);
        Assert.Contains(violation.Property, violation.Message, StringComparison.Ordinal);
        Assert.Contains(value, violation.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rule_id_has_a_message_case()
    {
        // LDV0016 is about the catalog file, not a request: its messages are the file reader's (CatalogFileReaderTests).
        var ids = typeof(VideoRuleIds).GetFields().Select(f => (string)f.GetRawConstantValue()!)
            .Where(id => id != VideoRuleIds.InvalidModelsFile)
            .OrderBy(x => x, StringComparer.Ordinal);

        Assert.Equal(ids, ViolationCases.Keys.OrderBy(x => x, StringComparer.Ordinal));
    }

    // ---- CheckAll ----

    [Fact]
    public void CheckAll_reports_every_violation_ordered_by_id()
    {
        var values = new VideoRequestValues
        {
            Model = "sora-2",
            Prompt = " ",
            ImageUrl = "https://x/y.png",
            Image = "https://x/y.png",
            StartImage = "https://x/a.png",
            EndImage = "https://x/b.png",
            Fps = 0,
            CfgScale = 21,
            MotionStrength = 2,
            Duration = 61,
        };

        var violations = VideoRequestRules.CheckAll(values);

        Assert.Equal(
            new[]
            {
                "LDV0002 ImageUrl", "LDV0002 Image", "LDV0003 StartImage", "LDV0003 EndImage", "LDV0005 Image",
                "LDV0006 Fps", "LDV0007 CfgScale", "LDV0008 MotionStrength", "LDV0009 Duration", "LDV0010 Image",
                "LDV0011 Prompt",
            },
            violations.Select(v => v.DiagnosticId + " " + v.Property));
        Assert.Equal(violations.Select(v => v.DiagnosticId).OrderBy(x => x, StringComparer.Ordinal), violations.Select(v => v.DiagnosticId));
    }

    [Fact]
    public void CheckAll_skips_combination_rules_for_an_unknown_model()
    {
        var values = new VideoRequestValues
        {
            Model = "sora-3",
            Prompt = "A cat",
            ImageUrl = "https://x/y.png",
            Image = GoodDataUrl,
            StartImage = "https://x/a.png",
            Duration = 7,
        };

        var violations = VideoRequestRules.CheckAll(values);

        var violation = Assert.Single(violations);
        Assert.Equal("LDV0001", violation.DiagnosticId);
    }

    [Fact]
    public void CheckAll_keeps_value_rules_for_an_unknown_model()
    {
        var values = new VideoRequestValues { Model = "wan2.7-i2v", Prompt = "", Fps = 0, Duration = 61, Image = "x" };

        var violations = VideoRequestRules.CheckAll(values);

        Assert.Equal(new[] { "LDV0001", "LDV0006", "LDV0009", "LDV0010", "LDV0011" }, violations.Select(v => v.DiagnosticId));
    }

    [Fact]
    public void CheckAll_applies_the_fixed_length_of_a_known_model()
    {
        var values = new VideoRequestValues { Model = VideoModels.RunwayGen4Turbo5, Prompt = "A cat", Duration = 10 };

        var violation = Assert.Single(VideoRequestRules.CheckAll(values));
        Assert.Equal("LDV0009", violation.DiagnosticId);
    }

    [Fact]
    public void CheckAll_treats_an_unset_model_as_sora_2()
    {
        var values = new VideoRequestValues { Prompt = "A cat", ImageUrl = "https://x/y.png" };

        var violation = Assert.Single(VideoRequestRules.CheckAll(values));
        Assert.Equal("LDV0002", violation.DiagnosticId);
        Assert.Contains("Model is not set, so the service uses 'sora-2'", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckAll_requires_an_image_for_an_image_to_video_only_model()
    {
        var values = new VideoRequestValues { Model = VideoModels.Wan26I2V, Prompt = "A cat" };

        var violation = Assert.Single(VideoRequestRules.CheckAll(values));
        Assert.Equal("LDV0004", violation.DiagnosticId);
    }

    [Fact]
    public void CheckAll_counts_an_empty_image_url_as_set()
    {
        var values = new VideoRequestValues { Model = VideoModels.Wan26I2V, Prompt = "A cat", ImageUrl = string.Empty };

        Assert.Empty(VideoRequestRules.CheckAll(values));
    }

    [Fact]
    public void CheckAll_reports_only_a_missing_prompt_for_an_empty_request()
    {
        var violation = Assert.Single(VideoRequestRules.CheckAll(new VideoRequestValues()));
        Assert.Equal("LDV0011", violation.DiagnosticId);
    }

    [Fact]
    public void CheckAll_accepts_a_valid_request()
    {
        var values = new VideoRequestValues
        {
            Model = VideoModels.Seedance20,
            Prompt = "A cat on a skateboard",
            Image = GoodDataUrl,
            StartImage = "https://x/a.png",
            EndImage = "https://x/b.png",
            Duration = 10,
            Fps = 24,
            CfgScale = 7.5,
            MotionStrength = 0.5,
        };

        Assert.Empty(VideoRequestRules.CheckAll(values));
    }

    private static void AssertViolation(VideoRuleViolation? actual, string id, string property, params string[] fragments)
    {
        var violation = Assert.NotNull(actual);
        Assert.Equal(id, violation.DiagnosticId);
        Assert.Equal(property, violation.Property);
        Assert.Contains(property, violation.Message, StringComparison.Ordinal);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, violation.Message, StringComparison.Ordinal);
        }
    }
    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(60, false)]
    [InlineData(61, true)]
    [InlineData(-3, true)]
    public void CheckDurationRange_applies_the_api_range_and_names_no_model(int duration, bool fires)
    {
        var violation = VideoRequestRules.CheckDurationRange(duration);

        Assert.Equal(fires, violation.HasValue);
        if (violation is { } found)
        {
            Assert.Equal("LDV0009", found.DiagnosticId);
            Assert.Equal("Duration", found.Property);
            Assert.Contains(duration.ToString(CultureInfo.InvariantCulture), found.Message);
            Assert.Contains("1 to 60", found.Message);
            Assert.DoesNotContain("sora", found.Message);
        }
    }

    [Fact]
    public void CheckDurationRange_agrees_with_CheckDuration_on_every_model_without_a_fixed_length()
    {
        foreach (var model in VideoModelCatalog.All.Where(m => m.FixedDurationSeconds is null))
        {
            foreach (var duration in new[] { -1, 0, 1, 30, 60, 61, 600 })
            {
                Assert.Equal(VideoRequestRules.CheckDuration(model.Id, duration).HasValue, VideoRequestRules.CheckDurationRange(duration).HasValue);
            }
        }
    }
}
