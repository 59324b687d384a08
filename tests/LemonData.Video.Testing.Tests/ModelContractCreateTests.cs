using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using LemonData.Video;
using LemonData.Video.Testing.Tests.Support;

namespace LemonData.Video.Testing.Tests;

/// <summary>A create is checked against the configured models: their ids and, where known, their lists.</summary>
public class ModelContractCreateTests
{
    private const string CreatePath = "/v1/videos/generations";

    [Fact]
    public async Task A_resolution_outside_the_models_list_is_a_400_naming_resolution()
    {
        await using var simulator = LemonDataSimulator.Start();

        var (status, text, _) = await CreateAsync(simulator, "{\"model\":\"seedance-2.0-fast\",\"prompt\":\"A cat\",\"resolution\":\"4k\"}");

        Assert.Equal(400, status);
        var body = Raw.Parse(text);
        var error = body.GetProperty("error");
        Assert.Equal("invalid_parameter", error.GetProperty("code").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal("resolution", error.GetProperty("param").GetString());
        Assert.Contains("480p, 720p", error.GetProperty("message").GetString());
        var only = Assert.Single(body.GetProperty("validation_errors").EnumerateArray());
        Assert.Equal("resolution", only.GetProperty("field").GetString());
        Assert.Contains("seedance-2.0-fast", only.GetProperty("message").GetString());
        Assert.Empty(simulator.CreatedTasks);
    }

    [Fact]
    public async Task Values_from_the_models_lists_make_a_task()
    {
        await using var simulator = LemonDataSimulator.Start();

        var created = await Raw.CreateAsync(simulator, "{\"model\":\"seedance-2.0-fast\",\"prompt\":\"A cat\",\"resolution\":\"720p\",\"duration\":12,\"aspect_ratio\":\"21:9\"}");

        Assert.Equal("seedance-2.0-fast", created.GetProperty("model").GetString());
        Assert.Equal(created.GetProperty("id").GetString(), Assert.Single(simulator.CreatedTasks).CreatedTaskId);
    }

    [Fact]
    public async Task Every_value_outside_a_list_is_listed_and_param_is_the_first()
    {
        await using var simulator = LemonDataSimulator.Start();

        var (status, text, _) = await CreateAsync(simulator, "{\"model\":\"viduq3-turbo\",\"prompt\":\"A cat\",\"duration\":7,\"resolution\":\"480p\",\"aspect_ratio\":\"2:1\"}");

        Assert.Equal(400, status);
        var body = Raw.Parse(text);
        Assert.Equal("duration", body.GetProperty("error").GetProperty("param").GetString());
        Assert.Equal(
            new[] { "duration", "resolution", "aspect_ratio" },
            body.GetProperty("validation_errors").EnumerateArray().Select(error => error.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task A_field_wrong_in_itself_is_reported_once_not_again_against_the_list()
    {
        await using var simulator = LemonDataSimulator.Start();

        var (status, text, _) = await CreateAsync(simulator, "{\"model\":\"seedance-2.0-fast\",\"prompt\":\"A cat\",\"duration\":61,\"resolution\":720}");

        Assert.Equal(400, status);
        var errors = Raw.Parse(text).GetProperty("validation_errors").EnumerateArray().ToList();
        Assert.Equal(new[] { "resolution", "duration" }, errors.Select(error => error.GetProperty("field").GetString()));
        Assert.Equal("must be a string", errors[0].GetProperty("message").GetString());
        Assert.Equal("must be between " + VideoLimits.MinDuration + " and " + VideoLimits.MaxDuration, errors[1].GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_parameter_the_model_does_not_support_is_accepted_and_ignored()
    {
        await using var simulator = LemonDataSimulator.Start();

        // fps is not among seedance-2.0-fast's supported_parameters: the service ignores it silently, so does the simulator.
        await Raw.CreateAsync(simulator, "{\"model\":\"seedance-2.0-fast\",\"prompt\":\"A cat\",\"fps\":24,\"negative_prompt\":\"dogs\"}");

        Assert.Contains("\"fps\":24", Assert.Single(simulator.CreatedTasks).Body);
    }

    [Fact]
    public async Task A_model_whose_lists_are_unknown_takes_any_value_within_the_api_limits()
    {
        await using var simulator = LemonDataSimulator.Start();

        var created = await Raw.CreateAsync(simulator, "{\"model\":\"sora-2\",\"prompt\":\"A cat\",\"resolution\":\"4k\",\"duration\":7,\"aspect_ratio\":\"2:1\"}");

        Assert.Equal("sora-2", created.GetProperty("model").GetString());
    }

    [Fact]
    public async Task A_model_missing_from_the_configured_list_is_a_404_even_when_the_sdk_snapshot_has_it()
    {
        var acme = new VideoModelInfo("acme-video-2", VideoCapabilities.TextToVideo);
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { Models = new[] { acme } });

        var (status, text, _) = await CreateAsync(simulator, "{\"model\":\"seedance-2.0-fast\",\"prompt\":\"A cat\"}");

        Assert.Equal(404, status);
        var error = Raw.Parse(text).GetProperty("error");
        Assert.Equal("model_not_found", error.GetProperty("code").GetString());
        Assert.Equal("model", error.GetProperty("param").GetString());
        Assert.Equal("acme-video-2", error.GetProperty("did_you_mean").GetString());
        Assert.Equal("acme-video-2", (await Raw.CreateAsync(simulator, "{\"model\":\"acme-video-2\",\"prompt\":\"A cat\"}")).GetProperty("model").GetString());
    }

    [Fact]
    public async Task An_unknown_model_suggests_the_closest_configured_id()
    {
        await using var simulator = LemonDataSimulator.Start();

        var (status, text, _) = await CreateAsync(simulator, "{\"model\":\"viduq3-trubo\",\"prompt\":\"A cat\"}");

        Assert.Equal(404, status);
        Assert.Equal("viduq3-turbo", Raw.Parse(text).GetProperty("error").GetProperty("did_you_mean").GetString());
    }

    [Fact]
    public async Task A_custom_models_lists_are_checked_on_create()
    {
        var acme = new VideoModelInfo("acme-video-2", VideoCapabilities.TextToVideo).WithContract(durations: new[] { 5, 10 });
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { Models = new[] { acme } });

        var (status, text, _) = await CreateAsync(simulator, "{\"model\":\"acme-video-2\",\"prompt\":\"A cat\",\"duration\":6}");

        Assert.Equal(400, status);
        Assert.Equal("duration must be one of 5, 10 for acme-video-2, but it is 6", Raw.Parse(text).GetProperty("error").GetProperty("message").GetString());
        await Raw.CreateAsync(simulator, "{\"model\":\"acme-video-2\",\"prompt\":\"A cat\",\"duration\":10}");
    }

    [Fact]
    public async Task The_sdk_reads_the_400_of_a_value_outside_a_list()
    {
        await using var simulator = LemonDataSimulator.Start();
        var client = Clients.For(simulator, options => options.ValidateRequests = false);
        var request = Clients.Request(VideoModels.Seedance2_0Fast);
        request.Resolution = "1080p";

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(request));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("resolution", error.Param);
        Assert.Equal("resolution", Assert.Single(error.ValidationErrors).Field);
    }

    [Theory]
    [InlineData("fps", VideoLimits.MinFps, VideoLimits.MaxFps, 1)]
    [InlineData("duration", VideoLimits.MinDuration, VideoLimits.MaxDuration, 1)]
    [InlineData("cfg_scale", VideoLimits.MinCfgScale, VideoLimits.MaxCfgScale, 0.5)]
    [InlineData("motion_strength", VideoLimits.MinMotionStrength, VideoLimits.MaxMotionStrength, 0.1)]
    public async Task The_api_limits_are_the_documents(string field, double min, double max, double step)
    {
        await using var simulator = LemonDataSimulator.Start();

        foreach (var (value, expected) in new[] { (min, 200), (max, 200), (min - step, 400), (max + step, 400) })
        {
            var json = "{\"prompt\":\"A cat\",\"" + field + "\":" + JsonSerializer.Serialize(value) + "}";
            var (status, text, _) = await CreateAsync(simulator, json);
            Assert.True(status == expected, json + " answered " + status + ": " + text);
        }
    }

    private static Task<(int Status, string Body, HttpResponseMessage Response)> CreateAsync(LemonDataSimulator simulator, string json) =>
        Raw.SendAsync(simulator, HttpMethod.Post, CreatePath, json);
}
