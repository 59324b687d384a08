using System.Linq;

namespace LemonData.Video.Tests.Unit;

/// <summary>The client's pre-send check reads every property of the request into the shared rules.</summary>
public sealed class RequestValidatorTests
{
    [Fact]
    public void A_valid_request_has_no_violation()
    {
        Assert.Empty(VideoRequestValidator.Validate(new VideoGenerationRequest { Prompt = "A cat", Model = VideoModels.Veo31, Duration = 8, Fps = 24, CfgScale = 7, MotionStrength = 0.5 }));
    }

    [Fact]
    public void Every_violation_is_reported_at_once_in_rule_order()
    {
        var request = new VideoGenerationRequest
        {
            Prompt = " ",
            Fps = 0,
            CfgScale = 21,
            MotionStrength = 1.5,
            Duration = 61,
            ImageUrl = "https://example.com/a.jpg",
            Image = "not a data url",
            StartImage = "https://example.com/s.jpg",
        };

        var ids = VideoRequestValidator.Validate(request).Select(v => v.DiagnosticId).ToArray();

        Assert.Equal(new[] { "LDV0002", "LDV0002", "LDV0003", "LDV0005", "LDV0006", "LDV0007", "LDV0008", "LDV0009", "LDV0010", "LDV0011" }, ids);
    }

    [Theory]
    [InlineData("Fps", "LDV0006")]
    [InlineData("CfgScale", "LDV0007")]
    [InlineData("MotionStrength", "LDV0008")]
    [InlineData("Duration", "LDV0009")]
    [InlineData("Image", "LDV0010")]
    [InlineData("Prompt", "LDV0011")]
    [InlineData("Model", "LDV0001")]
    public void Each_property_reaches_its_rule(string property, string id)
    {
        var request = new VideoGenerationRequest { Prompt = "ok", Model = VideoModels.Seedance20 };
        switch (property)
        {
            case "Fps": request.Fps = 121; break;
            case "CfgScale": request.CfgScale = -1; break;
            case "MotionStrength": request.MotionStrength = -0.1; break;
            case "Duration": request.Duration = 0; break;
            case "Image": request.Image = "https://example.com/a.png"; break;
            case "Prompt": request.Prompt = ""; break;
            case "Model": request.Model = "sora-3"; break;
        }

        var violation = Assert.Single(VideoRequestValidator.Validate(request));
        Assert.Equal(id, violation.DiagnosticId);
        Assert.Equal(property, violation.Property);
        Assert.Contains(property, violation.Message);
    }

    [Fact]
    public void The_exception_lists_every_violation_in_its_message_and_names_the_request_parameter()
    {
        var request = new VideoGenerationRequest { Prompt = "p", Fps = 500, CfgScale = 99 };

        var exception = Assert.Throws<VideoRequestValidationException>(() => VideoRequestValidator.ThrowIfInvalid(request));

        Assert.Equal(2, exception.Violations.Count);
        Assert.Contains("LDV0006", exception.Message);
        Assert.Contains("LDV0007", exception.Message);
        Assert.Contains("500", exception.Message);
        Assert.Equal("request", exception.ParamName);
    }

    [Fact]
    public void A_request_validates_itself_with_the_same_rules_as_the_client()
    {
        var request = new VideoGenerationRequest { Prompt = "p", Model = VideoModels.Sora2, ImageUrl = "https://example.com/a.jpg", Fps = 0 };

        Assert.Equal(VideoRequestValidator.Validate(request).Select(v => v.ToString()), request.Validate().Select(v => v.ToString()));
        Assert.Equal(new[] { "LDV0002", "LDV0006" }, request.Validate().Select(v => v.DiagnosticId));
        Assert.Empty(new VideoGenerationRequest { Prompt = "p" }.Validate());
    }
}
