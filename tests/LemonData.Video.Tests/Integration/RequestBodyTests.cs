using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;

namespace LemonData.Video.Tests.Integration;

public sealed class RequestBodyTests : IDisposable
{
    private const string CreatePath = "/v1/videos/generations";

    private readonly FakeLemonDataService _service = new();

    public RequestBodyTests() => _service.GivenCreate("""{"task_id":"video_body","status":"pending"}""");

    public void Dispose() => _service.Dispose();

    private JsonElement SentBody()
    {
        var entry = Assert.Single(_service.RequestsTo("POST", CreatePath));
        using var document = JsonDocument.Parse(entry.RequestMessage.Body!);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Request_with_only_a_prompt_sends_exactly_the_prompt()
    {
        var client = _service.CreateClient();

        await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "A cat walking through a garden" });

        var body = SentBody();
        Assert.Equal(JsonValueKind.Object, body.ValueKind);
        var property = Assert.Single(body.EnumerateObject());
        Assert.Equal("prompt", property.Name);
        Assert.Equal("A cat walking through a garden", property.Value.GetString());
    }

    [Fact]
    public async Task Request_with_every_field_set_sends_each_under_its_snake_case_name()
    {
        var client = _service.CreateClient(options => options.ValidateRequests = false);

        await client.CreateVideoAsync(new VideoGenerationRequest
        {
            Model = "seedance-2-0",
            Prompt = "A kite over the sea",
            ImageUrl = "https://img.example/start.png",
            Image = "data:image/png;base64,iVBORw0KGgo=",
            Duration = 8,
            AspectRatio = "16:9",
            Resolution = "1080p",
            Fps = 24,
            NegativePrompt = "blur, text",
            Seed = 1234567890123,
            CfgScale = 7.5,
            MotionStrength = 0.35,
            StartImage = "https://img.example/first.png",
            EndImage = "https://img.example/last.png",
            User = "user-42",
        });

        var body = SentBody();
        var names = body.EnumerateObject().Select(property => property.Name).OrderBy(name => name, StringComparer.Ordinal).ToArray();
        Assert.Equal(
            new[] { "aspect_ratio", "cfg_scale", "duration", "end_image", "fps", "image", "image_url", "model", "motion_strength", "negative_prompt", "prompt", "resolution", "seed", "start_image", "user" },
            names);
        Assert.Equal("seedance-2-0", body.GetProperty("model").GetString());
        Assert.Equal("A kite over the sea", body.GetProperty("prompt").GetString());
        Assert.Equal("https://img.example/start.png", body.GetProperty("image_url").GetString());
        Assert.Equal("data:image/png;base64,iVBORw0KGgo=", body.GetProperty("image").GetString());
        Assert.Equal(8, body.GetProperty("duration").GetInt32());
        Assert.Equal("16:9", body.GetProperty("aspect_ratio").GetString());
        Assert.Equal("1080p", body.GetProperty("resolution").GetString());
        Assert.Equal(24, body.GetProperty("fps").GetInt32());
        Assert.Equal("blur, text", body.GetProperty("negative_prompt").GetString());
        Assert.Equal(1234567890123L, body.GetProperty("seed").GetInt64());
        Assert.Equal(7.5, body.GetProperty("cfg_scale").GetDouble());
        Assert.Equal(0.35, body.GetProperty("motion_strength").GetDouble());
        Assert.Equal("https://img.example/first.png", body.GetProperty("start_image").GetString());
        Assert.Equal("https://img.example/last.png", body.GetProperty("end_image").GetString());
        Assert.Equal("user-42", body.GetProperty("user").GetString());

        // Integers stay integers on the wire (the service's schema types them so).
        Assert.Equal("8", body.GetProperty("duration").GetRawText());
        Assert.Equal("24", body.GetProperty("fps").GetRawText());
    }

    [Fact]
    public async Task Valid_keyframe_request_passes_client_validation_and_is_sent_as_written()
    {
        var client = _service.CreateClient();

        await client.CreateVideoAsync(new VideoGenerationRequest
        {
            Model = VideoModels.Seedance20,
            Prompt = "From dawn to dusk",
            StartImage = "https://img.example/dawn.png",
            EndImage = "https://img.example/dusk.png",
            Duration = 5,
            CfgScale = 20,
            MotionStrength = 1,
            Fps = 120,
        });

        var body = SentBody();
        Assert.Equal("seedance-2-0", body.GetProperty("model").GetString());
        Assert.Equal("https://img.example/dawn.png", body.GetProperty("start_image").GetString());
        Assert.Equal("https://img.example/dusk.png", body.GetProperty("end_image").GetString());
        Assert.Equal(20, body.GetProperty("cfg_scale").GetDouble());
        Assert.Equal(1, body.GetProperty("motion_strength").GetDouble());
        Assert.Equal(120, body.GetProperty("fps").GetInt32());
    }

    [Fact]
    public async Task Requests_carry_the_key_as_a_bearer_token_and_a_json_content_type()
    {
        _service.GivenSequence("/v1/tasks/video_body", """{"task_id":"video_body","status":"processing"}""");
        var client = _service.CreateClient();

        await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "Auth" });
        await client.GetVideoTaskAsync("video_body");

        var create = Assert.Single(_service.RequestsTo("POST", CreatePath));
        var read = Assert.Single(_service.RequestsTo("GET", "/v1/tasks/video_body"));
        Assert.Equal("Bearer " + FakeLemonDataService.ApiKey, FakeLemonDataService.HeaderOf(create, "Authorization"));
        Assert.Equal("Bearer " + FakeLemonDataService.ApiKey, FakeLemonDataService.HeaderOf(read, "Authorization"));
        Assert.StartsWith("application/json", FakeLemonDataService.HeaderOf(create, "Content-Type"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Invalid_fps_is_refused_before_sending_with_LDV0006()
    {
        var client = _service.CreateClient();

        var exception = await Assert.ThrowsAsync<VideoRequestValidationException>(
            () => client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "Frozen", Fps = 0 }));

        var violation = Assert.Single(exception.Violations);
        Assert.Equal("LDV0006", violation.DiagnosticId);
        Assert.Equal("Fps", violation.Property);
        Assert.Contains("LDV0006", exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ArgumentException>(exception);
        Assert.Empty(_service.AllRequests);
    }

    [Fact]
    public async Task GenerateVideo_with_an_invalid_request_sends_nothing()
    {
        var client = _service.CreateClient();

        var exception = await Assert.ThrowsAsync<VideoRequestValidationException>(
            () => client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "Too fast", Fps = 121, CfgScale = 21 }));

        Assert.Equal(new[] { "LDV0006", "LDV0007" }, exception.Violations.Select(violation => violation.DiagnosticId).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Empty(_service.AllRequests);
    }

    [Fact]
    public async Task With_ValidateRequests_off_an_invalid_request_is_sent_as_written()
    {
        var client = _service.CreateClient(options => options.ValidateRequests = false);

        var task = await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "Frozen", Fps = 0 });

        Assert.Equal("video_body", task.Id);
        var body = SentBody();
        Assert.Equal(0, body.GetProperty("fps").GetInt32());
        Assert.Equal("Frozen", body.GetProperty("prompt").GetString());
        Assert.Equal(2, body.EnumerateObject().Count());
    }
}
