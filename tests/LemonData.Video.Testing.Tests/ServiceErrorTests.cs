using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using LemonData.Video;
using LemonData.Video.Testing.Tests.Support;

namespace LemonData.Video.Testing.Tests;

/// <summary>The simulator validates like the service, and the SDK maps its answers.</summary>
public class ServiceErrorTests
{
    private const string CreatePath = "/v1/videos/generations";

    [Fact]
    public async Task Fps_zero_sent_without_client_validation_is_a_400_on_fps()
    {
        await using var simulator = LemonDataSimulator.Start();
        var client = Clients.For(simulator, options => options.ValidateRequests = false);
        var request = Clients.Request();
        request.Fps = 0;

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(request));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("fps", error.Param);
        Assert.Equal("invalid_parameter", error.ErrorCode);
        Assert.Equal("invalid_request_error", error.ErrorType);
        Assert.Contains(error.ValidationErrors, field => field.Field == "fps");
        var sent = Assert.Single(simulator.Creates());
        Assert.Contains("\"fps\":0", sent.Body);
    }

    [Fact]
    public async Task With_client_validation_fps_zero_never_reaches_the_service()
    {
        await using var simulator = LemonDataSimulator.Start();
        var request = Clients.Request();
        request.Fps = 0;

        await Assert.ThrowsAsync<VideoRequestValidationException>(() => Clients.For(simulator).CreateVideoAsync(request));

        Assert.Empty(simulator.Requests);
    }

    [Fact]
    public async Task Every_bad_field_is_listed_in_validation_errors()
    {
        await using var simulator = LemonDataSimulator.Start();
        var client = Clients.For(simulator, options => options.ValidateRequests = false);
        var request = Clients.Request();
        request.CfgScale = 25;
        request.MotionStrength = 1.5;
        request.Fps = 121;
        request.Duration = 61;

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(request));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(
            new[] { "cfg_scale", "duration", "fps", "motion_strength" },
            error.ValidationErrors.Select(field => field.Field).OrderBy(key => key, StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("{\"prompt\":\"A cat\",\"fps\":24}", 200, null)]
    [InlineData("{\"prompt\":\"A cat\",\"fps\":1,\"cfg_scale\":0,\"motion_strength\":1,\"duration\":60}", 200, null)]
    [InlineData("{\"prompt\":\"A cat\",\"cfg_scale\":20.5}", 400, "cfg_scale")]
    [InlineData("{\"prompt\":\"A cat\",\"motion_strength\":-0.1}", 400, "motion_strength")]
    [InlineData("{\"prompt\":\"A cat\",\"fps\":24.5}", 400, "fps")]
    [InlineData("{\"prompt\":\"A cat\",\"fps\":\"24\"}", 400, "fps")]
    [InlineData("{\"prompt\":\"A cat\",\"image\":\"https://example.com/a.png\"}", 400, "image")]
    [InlineData("{\"prompt\":\"A cat\",\"unknown_field\":[1,2]}", 200, null)]
    [InlineData("{\"prompt\":\"   \"}", 400, "prompt")]
    [InlineData("{\"prompt\":42}", 400, "prompt")]
    [InlineData("{\"model\":\"sora-2\"}", 400, "prompt")]
    public async Task Fields_are_checked_like_the_service(string json, int expectedStatus, string? expectedParam)
    {
        await using var simulator = LemonDataSimulator.Start();

        var (status, body, _) = await Raw.SendAsync(simulator, HttpMethod.Post, CreatePath, json);

        Assert.Equal(expectedStatus, status);
        if (expectedParam is not null)
        {
            var error = Raw.Parse(body).GetProperty("error");
            Assert.Equal(expectedParam, error.GetProperty("param").GetString());
            Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
            Assert.Equal(expectedParam, Raw.Parse(body).GetProperty("validation_errors")[0].GetProperty("field").GetString());
        }
    }

    [Fact]
    public async Task Missing_prompt_is_a_missing_required_parameter()
    {
        await using var simulator = LemonDataSimulator.Start();

        var (status, body, _) = await Raw.SendAsync(simulator, HttpMethod.Post, CreatePath, "{}");

        Assert.Equal(400, status);
        var error = Raw.Parse(body).GetProperty("error");
        Assert.Equal("missing_required_parameter", error.GetProperty("code").GetString());
        Assert.Equal("prompt", error.GetProperty("param").GetString());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("")]
    public async Task A_body_that_is_not_a_json_object_is_a_400(string body)
    {
        await using var simulator = LemonDataSimulator.Start();

        var (status, answer, _) = await Raw.SendAsync(simulator, HttpMethod.Post, CreatePath, body);

        Assert.Equal(400, status);
        Assert.Equal("invalid_json", Raw.Parse(answer).GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("sora2", "sora-2")]
    [InlineData("veo31", "veo3.1")]
    [InlineData("Kling-V2.6-Pro", "kling-v2.6-pro")]
    [InlineData("seedance-2", "seedance-2-0")]
    public async Task Unknown_model_is_a_404_model_not_found_with_did_you_mean(string model, string suggestion)
    {
        await using var simulator = LemonDataSimulator.Start();
        var client = Clients.For(simulator, options => options.ValidateRequests = false);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Clients.Request(model)));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("model_not_found", error.ErrorCode);
        Assert.Equal("model", error.Param);
        Assert.Equal(suggestion, error.DidYouMean);
        Assert.Empty(simulator.Polls());
    }

    [Fact]
    public async Task Every_catalog_model_is_accepted_and_an_unset_model_means_sora_2()
    {
        await using var simulator = LemonDataSimulator.Start();
        foreach (var model in VideoModelCatalog.All)
        {
            var created = await Raw.CreateAsync(simulator, "{\"prompt\":\"A cat\",\"model\":\"" + model.Id + "\"}");
            Assert.Equal(model.Id, created.GetProperty("model").GetString());
        }

        Assert.Equal("sora-2", (await Raw.CreateAsync(simulator)).GetProperty("model").GetString());
    }

    [Fact]
    public async Task A_key_that_is_not_sk_is_a_401()
    {
        await using var simulator = LemonDataSimulator.Start();
        var client = new LemonDataVideoClient("bad-key", new LemonDataVideoClientOptions { Endpoint = simulator.Endpoint });

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Clients.Request()));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("invalid_api_key", error.ErrorCode);
        Assert.Equal("authentication_error", error.ErrorType);
        Assert.DoesNotContain("bad-key", error.ToString());
        Assert.True(Assert.Single(simulator.Requests).HasAuthorization);
    }

    [Fact]
    public async Task A_caller_HttpClient_without_a_bearer_key_gets_a_401()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");
        var client = new LemonDataVideoClient(http, new LemonDataVideoClientOptions { Endpoint = simulator.Endpoint, MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GetVideoTaskAsync("ldtask_x"));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("invalid_api_key", error.ErrorCode);
    }

    [Fact]
    public async Task No_authorization_header_is_a_401_in_the_documented_shape()
    {
        await using var simulator = LemonDataSimulator.Start();

        var (status, body, _) = await Raw.SendAsync(simulator, HttpMethod.Post, CreatePath, "{\"prompt\":\"A cat\"}", key: null);

        Assert.Equal(401, status);
        var error = Raw.Parse(body).GetProperty("error");
        Assert.Equal("invalid_api_key", error.GetProperty("code").GetString());
        Assert.Equal("authentication_error", error.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.False(Assert.Single(simulator.Requests).HasAuthorization);
    }

    [Fact]
    public async Task Any_sk_key_is_accepted()
    {
        await using var simulator = LemonDataSimulator.Start();
        var client = new LemonDataVideoClient("sk-anything-at-all", new LemonDataVideoClientOptions
        {
            Endpoint = simulator.Endpoint,
            PollInterval = TimeSpan.FromMilliseconds(5),
        });

        var task = await client.GenerateVideoAsync(Clients.Request());

        Assert.Equal(VideoTaskStatus.Completed, task.Status);
    }

    [Theory]
    [InlineData(SimulatedApiGeneration.A)]
    [InlineData(SimulatedApiGeneration.C)]
    public async Task Unknown_task_is_a_404_async_task_not_found(SimulatedApiGeneration generation)
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { Generation = generation });
        var client = Clients.For(simulator);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GetVideoTaskAsync("ldtask_00000000000000000000000000000000"));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("async_task_not_found", error.ErrorCode);
        Assert.Equal(404, simulator.Requests.Last().StatusCode);
        Assert.Equal("/v1/videos/generations/ldtask_00000000000000000000000000000000", simulator.Requests.Last().Path);
    }

    [Fact]
    public async Task Another_keys_task_reads_as_unknown()
    {
        await using var simulator = LemonDataSimulator.Start();
        var created = await Clients.For(simulator).CreateVideoAsync(Clients.Request());
        var stranger = new LemonDataVideoClient("sk-someone-else", new LemonDataVideoClientOptions { Endpoint = simulator.Endpoint });

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => stranger.GetVideoTaskAsync(created.Id));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("async_task_not_found", error.ErrorCode);
    }
}
