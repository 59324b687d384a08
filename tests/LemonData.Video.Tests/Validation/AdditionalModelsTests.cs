using System;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;

namespace LemonData.Video.Tests.Validation;

/// <summary>
/// <see cref="LemonDataVideoClientOptions.AdditionalModels"/>: a model newer than the SDK, declared with what it can
/// do, is sent without LDV0001 and checked by its own capabilities, as the analyzer checks it from .editorconfig.
/// </summary>
public sealed class AdditionalModelsTests : IDisposable
{
    private const string NewModel = "acme-video-2";

    private readonly FakeLemonDataService _service = new();

    public AdditionalModelsTests() =>
        _service.GivenCreate("""{"id":"ldtask_new","poll_url":"/v1/tasks/ldtask_new","status":"pending"}""");

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task An_undeclared_new_model_the_service_does_not_know_either_is_refused_and_nothing_is_created()
    {
        // The fake service knows no model: its GET /v1/models/acme-video-2 answers 404, so the lookup confirms LDV0001.
        var error = await Assert.ThrowsAsync<VideoRequestValidationException>(() =>
            _service.CreateClient().CreateVideoAsync(new VideoGenerationRequest { Model = NewModel, Prompt = "a fox" }));

        Assert.Equal("LDV0001", Assert.Single(error.Violations).DiagnosticId);
        Assert.Empty(_service.RequestsTo("POST", "/v1/videos/generations"));
    }

    [Fact]
    public async Task Without_lookups_an_undeclared_new_model_is_refused_and_nothing_is_sent()
    {
        var error = await Assert.ThrowsAsync<VideoRequestValidationException>(() =>
            _service.CreateClient(options => options.ModelLookup = ModelLookup.None).CreateVideoAsync(new VideoGenerationRequest { Model = NewModel, Prompt = "a fox" }));

        Assert.Equal("LDV0001", Assert.Single(error.Violations).DiagnosticId);
        Assert.Empty(_service.AllRequests);
    }

    [Fact]
    public async Task A_declared_model_is_sent()
    {
        var client = _service.CreateClient(options => options.AdditionalModels.Add(new VideoModelInfo(NewModel, VideoCapabilities.TextToVideo | VideoCapabilities.ImageToVideo)));

        var task = await client.CreateVideoAsync(new VideoGenerationRequest { Model = NewModel, Prompt = "a fox", ImageUrl = "https://example.com/fox.png" });

        Assert.Equal("ldtask_new", task.Id);
        Assert.Contains("\"model\":\"" + NewModel + "\"", _service.AllRequests.Single().RequestMessage.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declared_text_only_model_gets_LDV0002_for_an_image_naming_the_model()
    {
        var client = _service.CreateClient(options => options.AdditionalModels.Add(new VideoModelInfo(NewModel, VideoCapabilities.TextToVideo)));

        var error = await Assert.ThrowsAsync<VideoRequestValidationException>(() =>
            client.CreateVideoAsync(new VideoGenerationRequest { Model = NewModel, Prompt = "a fox", ImageUrl = "https://example.com/fox.png" }));

        var violation = Assert.Single(error.Violations);
        Assert.Equal("LDV0002", violation.DiagnosticId);
        Assert.Equal("ImageUrl", violation.Property);
        Assert.Contains("'" + NewModel + "'", violation.Message, StringComparison.Ordinal);
        Assert.Empty(_service.AllRequests);
    }

    [Fact]
    public async Task A_declared_fixed_length_and_missing_keyframes_are_checked()
    {
        var client = _service.CreateClient(options => options.AdditionalModels.Add(new VideoModelInfo(NewModel, VideoCapabilities.ImageToVideo, fixedDurationSeconds: 5)));

        var error = await Assert.ThrowsAsync<VideoRequestValidationException>(() => client.CreateVideoAsync(new VideoGenerationRequest
        {
            Model = NewModel,
            Prompt = "a fox",
            ImageUrl = "https://example.com/fox.png",
            StartImage = "https://example.com/first.png",
            Duration = 10,
        }));

        Assert.Equal(new[] { "LDV0003", "LDV0009" }, error.Violations.Select(v => v.DiagnosticId).OrderBy(id => id, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task A_model_declared_without_capabilities_is_sent_unchecked_but_the_APIs_limits_still_apply()
    {
        var client = _service.CreateClient(options => options.AdditionalModels.Add(new VideoModelInfo(NewModel, VideoCapabilities.None)));

        await client.CreateVideoAsync(new VideoGenerationRequest { Model = NewModel, Prompt = "a fox", StartImage = "https://example.com/a.png" });
        var error = await Assert.ThrowsAsync<VideoRequestValidationException>(() =>
            client.CreateVideoAsync(new VideoGenerationRequest { Model = NewModel, Prompt = "a fox", Fps = 500 }));

        Assert.Single(_service.AllRequests);
        Assert.Equal("LDV0006", Assert.Single(error.Violations).DiagnosticId);
    }

    [Fact]
    public async Task A_catalog_model_keeps_the_catalogs_description()
    {
        var client = _service.CreateClient(options => options.AdditionalModels.Add(new VideoModelInfo(VideoModels.Sora2, VideoCapabilities.ImageToVideo)));

        var error = await Assert.ThrowsAsync<VideoRequestValidationException>(() =>
            client.CreateVideoAsync(new VideoGenerationRequest { Model = VideoModels.Sora2, Prompt = "a fox", ImageUrl = "https://example.com/fox.png" }));

        Assert.Equal("LDV0002", Assert.Single(error.Violations).DiagnosticId);
    }

    [Fact]
    public async Task The_client_copies_the_list_when_it_is_created()
    {
        var options = new LemonDataVideoClientOptions { Endpoint = _service.Endpoint };
        var client = new LemonDataVideoClient(FakeLemonDataService.ApiKey, options);
        options.AdditionalModels.Add(new VideoModelInfo(NewModel, VideoCapabilities.TextToVideo));

        var error = await Assert.ThrowsAsync<VideoRequestValidationException>(() =>
            client.CreateVideoAsync(new VideoGenerationRequest { Model = NewModel, Prompt = "a fox" }));

        Assert.Equal("LDV0001", Assert.Single(error.Violations).DiagnosticId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("acme video")]
    public void A_model_id_must_be_a_wire_id(string id) =>
        Assert.Throws<ArgumentException>(() => new VideoModelInfo(id, VideoCapabilities.TextToVideo));

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void A_fixed_length_is_1_to_60_seconds(int seconds)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new VideoModelInfo(NewModel, VideoCapabilities.TextToVideo, seconds));
        Assert.Equal("fixedDurationSeconds", error.ParamName);
    }
}
