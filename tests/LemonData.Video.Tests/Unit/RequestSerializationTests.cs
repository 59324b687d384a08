using System.Linq;
using System.Text.Json;

namespace LemonData.Video.Tests.Unit;

/// <summary>The request JSON: what is sent, under which names, and that nothing unset is sent.</summary>
public sealed class RequestSerializationTests
{
    [Fact]
    public void A_request_with_only_a_prompt_sends_only_the_prompt()
    {
        var json = Serialize(new VideoGenerationRequest { Prompt = "A cat" });

        Assert.Equal("""{"prompt":"A cat"}""", json);
    }

    [Fact]
    public void An_empty_request_sends_an_empty_object()
    {
        var json = Serialize(new VideoGenerationRequest());

        // Even the required prompt is not sent as null: the service answers its own error for a
        // missing prompt (and client-side validation, LDV0011, stops it before that).
        Assert.Equal("{}", json);
    }

    [Fact]
    public void Every_field_is_sent_under_its_snake_case_name_with_its_value()
    {
        var request = new VideoGenerationRequest
        {
            Model = "seedance-2-0",
            Prompt = "Day to night",
            ImageUrl = "https://example.com/a.jpg",
            Image = "data:image/png;base64,AAAA",
            Duration = 5,
            AspectRatio = "16:9",
            Resolution = "1080p",
            Fps = 24,
            NegativePrompt = "blur",
            Seed = 42,
            CfgScale = 7.5,
            MotionStrength = 0.25,
            StartImage = "https://example.com/day.jpg",
            EndImage = "https://example.com/night.jpg",
            User = "user-1",
            Operation = "start-end-to-video",
            ReferenceImages = new[] { "https://example.com/r1.jpg" },
            ReferenceImageType = "style",
            VideoUrl = "https://example.com/in.mp4",
            AudioUrl = "https://example.com/in.mp3",
            OutputAudio = false,
            TaskId = "video_prev",
            ExtendAt = 3,
            Watermark = true,
        };

        using var document = JsonDocument.Parse(Serialize(request));
        var root = document.RootElement;

        Assert.Equal("seedance-2-0", root.GetProperty("model").GetString());
        Assert.Equal("Day to night", root.GetProperty("prompt").GetString());
        Assert.Equal("https://example.com/a.jpg", root.GetProperty("image_url").GetString());
        Assert.Equal("data:image/png;base64,AAAA", root.GetProperty("image").GetString());
        Assert.Equal(5, root.GetProperty("duration").GetInt32());
        Assert.Equal("16:9", root.GetProperty("aspect_ratio").GetString());
        Assert.Equal("1080p", root.GetProperty("resolution").GetString());
        Assert.Equal(24, root.GetProperty("fps").GetInt32());
        Assert.Equal("blur", root.GetProperty("negative_prompt").GetString());
        Assert.Equal(42, root.GetProperty("seed").GetInt64());
        Assert.Equal(7.5, root.GetProperty("cfg_scale").GetDouble());
        Assert.Equal(0.25, root.GetProperty("motion_strength").GetDouble());
        Assert.Equal("https://example.com/day.jpg", root.GetProperty("start_image").GetString());
        Assert.Equal("https://example.com/night.jpg", root.GetProperty("end_image").GetString());
        Assert.Equal("user-1", root.GetProperty("user").GetString());
        Assert.Equal("start-end-to-video", root.GetProperty("operation").GetString());
        Assert.Equal("https://example.com/r1.jpg", root.GetProperty("reference_images")[0].GetString());
        Assert.Equal("style", root.GetProperty("reference_image_type").GetString());
        Assert.Equal("https://example.com/in.mp4", root.GetProperty("video_url").GetString());
        Assert.Equal("https://example.com/in.mp3", root.GetProperty("audio_url").GetString());
        Assert.False(root.GetProperty("output_audio").GetBoolean());
        Assert.Equal("video_prev", root.GetProperty("task_id").GetString());
        Assert.Equal(3, root.GetProperty("extend_at").GetInt32());
        Assert.True(root.GetProperty("watermark").GetBoolean());
        Assert.Equal(24, root.EnumerateObject().Count());
    }

    [Fact]
    public void Zero_and_false_are_sent_when_they_were_set()
    {
        // The pitfall is sending 0/false for unset values; a value the user set to 0 must still go out.
        var json = Serialize(new VideoGenerationRequest { Prompt = "p", CfgScale = 0, MotionStrength = 0, Seed = 0, Watermark = false });

        Assert.Equal("""{"prompt":"p","seed":0,"cfg_scale":0,"motion_strength":0,"watermark":false}""", json);
    }

    [Fact]
    public void Setting_a_property_back_to_null_removes_it_from_the_json()
    {
        var request = new VideoGenerationRequest { Prompt = "p", Fps = 30, Model = "veo3" };
        request.Fps = null;
        request.Model = null;

        Assert.Equal("""{"prompt":"p"}""", Serialize(request));
    }

    [Fact]
    public void The_request_serializes_the_same_way_with_reflection_based_default_options()
    {
        // Users log or store requests with their own JsonSerializer settings: the attributes, not our
        // serializer context, must keep unset properties out.
        var request = new VideoGenerationRequest { Prompt = "p", Fps = 12 };

        var json = JsonSerializer.Serialize(request, new JsonSerializerOptions { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() });

        Assert.Equal("""{"prompt":"p","fps":12}""", json);
    }

    private static string Serialize(VideoGenerationRequest request) =>
        JsonSerializer.Serialize(request, LemonDataJsonContext.Default.VideoGenerationRequest);
}
