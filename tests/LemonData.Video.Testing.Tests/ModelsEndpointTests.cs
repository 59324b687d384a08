using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using LemonData.Video;
using LemonData.Video.Testing.Tests.Support;

namespace LemonData.Video.Testing.Tests;

/// <summary>GET /v1/models and GET /v1/models/{model}: the configured models, in the vendor object of the generation.</summary>
public class ModelsEndpointTests
{
    private static readonly string[] ContractLists = { "durations", "resolutions", "aspect_ratios", "supported_parameters" };

    [Theory]
    [InlineData(SimulatedApiGeneration.A, "lemondata", "tokenlab")]
    [InlineData(SimulatedApiGeneration.C, "tokenlab", "lemondata")]
    public async Task The_list_holds_every_default_model_in_the_vendor_object_of_the_generation_without_lists(
        SimulatedApiGeneration generation, string vendor, string otherVendor)
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { Generation = generation });

        var body = Raw.Parse(await Raw.GetStringAsync(simulator, "/v1/models"));

        Assert.Equal("list", body.GetProperty("object").GetString());
        var data = body.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(VideoModelCatalog.Snapshot.Models.Select(model => model.Id), data.Select(entry => entry.GetProperty("id").GetString()));
        foreach (var entry in data)
        {
            var id = entry.GetProperty("id").GetString()!;
            Assert.Equal("model", entry.GetProperty("object").GetString());
            Assert.Equal(JsonValueKind.Number, entry.GetProperty("created").ValueKind);
            Assert.True(entry.GetProperty("created").GetInt64() > 1_600_000_000, id + ": created is not Unix seconds");
            VideoModelCatalog.TryGet(id, out var snapshot);
            Assert.Equal(snapshot.Provider, entry.GetProperty("owned_by").GetString());
            Assert.False(entry.TryGetProperty(otherVendor, out _), id + " carries the other generation's vendor object");
            var metadata = entry.GetProperty(vendor);
            Assert.Equal("video", metadata.GetProperty("category").GetString());
            Assert.Equal("per_video", metadata.GetProperty("pricing_unit").GetString());
            Assert.Equal("ga", metadata.GetProperty("lifecycle").GetProperty("stage").GetString());
            Assert.Equal(JsonValueKind.Array, metadata.GetProperty("supported_operations").ValueKind);
            Assert.Equal(JsonValueKind.Object, metadata.GetProperty("capability_flags").ValueKind);

            // As the service's list: the per-model lists are in the detail only.
            Assert.False(metadata.TryGetProperty("public_contract", out _), id);
            Assert.False(metadata.TryGetProperty("request_format_details", out _), id);
            foreach (var list in ContractLists)
            {
                Assert.False(entry.TryGetProperty(list, out _), id + " has " + list + " at the top level");
                Assert.False(metadata.TryGetProperty(list, out _), id + " has " + list + " in its vendor object");
            }
        }
    }

    [Fact]
    public async Task A_list_entry_carries_the_operations_and_flags_of_the_models_capabilities()
    {
        await using var simulator = LemonDataSimulator.Start();

        var data = await ListAsync(simulator, string.Empty);

        var sora = data.Single(entry => entry.GetProperty("id").GetString() == VideoModels.Sora2).GetProperty("tokenlab");
        Assert.Equal(new[] { "text-to-video" }, Strings(sora.GetProperty("supported_operations")));
        Assert.True(sora.GetProperty("capability_flags").GetProperty("text_to_video").GetBoolean());
        Assert.False(sora.GetProperty("capability_flags").GetProperty("image_to_video").GetBoolean());

        var kling = data.Single(entry => entry.GetProperty("id").GetString() == VideoModels.KlingV21Master).GetProperty("tokenlab");
        Assert.Equal(new[] { "text-to-video", "image-to-video" }, Strings(kling.GetProperty("supported_operations")));

        var fast = data.Single(entry => entry.GetProperty("id").GetString() == VideoModels.Seedance2_0Fast).GetProperty("tokenlab");
        Assert.Equal(
            new[] { "text-to-video", "image-to-video", "start-end-to-video", "reference-to-video" },
            Strings(fast.GetProperty("supported_operations")));
        Assert.True(fast.GetProperty("capability_flags").GetProperty("keyframes").GetBoolean());
    }

    [Fact]
    public async Task Category_and_recommended_for_video_keep_every_model_and_another_value_keeps_none()
    {
        await using var simulator = LemonDataSimulator.Start();
        var all = VideoModelCatalog.Snapshot.Models.Count;

        Assert.Equal(all, (await ListAsync(simulator, "?category=video")).Count);
        Assert.Equal(all, (await ListAsync(simulator, "?recommended_for=video")).Count);
        Assert.Equal(all, (await ListAsync(simulator, "?category=")).Count);
        Assert.Empty(await ListAsync(simulator, "?category=image"));
        Assert.Empty(await ListAsync(simulator, "?category=video&recommended_for=chat"));
    }

    [Fact]
    public async Task Provider_and_tag_filter_the_list_and_combine()
    {
        await using var simulator = LemonDataSimulator.Start();

        var byteDance = Ids(await ListAsync(simulator, "?provider=bytedance"));
        Assert.Equal(VideoModelCatalog.Snapshot.Models.Where(model => model.Provider == "ByteDance").Select(model => model.Id), byteDance);
        Assert.Contains(VideoModels.Seedance2_0Fast, byteDance);

        // A tag is a model's family or one of its operations.
        var veo = Ids(await ListAsync(simulator, "?tag=Veo"));
        Assert.Equal(VideoModelCatalog.Snapshot.Models.Where(model => model.Family == "Veo").Select(model => model.Id), veo);
        Assert.Equal(new[] { VideoModels.Seedance20, VideoModels.Seedance2_0Fast }, Ids(await ListAsync(simulator, "?tag=start-end-to-video")));

        var combined = Ids(await ListAsync(simulator, "?provider=Kuaishou&tag=image-to-video&category=video"));
        Assert.NotEmpty(combined);
        Assert.All(combined, id =>
        {
            VideoModelCatalog.TryGet(id, out var model);
            Assert.Equal("Kuaishou", model.Provider);
            Assert.True(model.Supports(VideoCapabilities.ImageToVideo), id);
        });
        Assert.Empty(await ListAsync(simulator, "?provider=Nobody"));
    }

    [Theory]
    [InlineData(SimulatedApiGeneration.A, "lemondata", "public_contract")]
    [InlineData(SimulatedApiGeneration.C, "tokenlab", "request_format_details")]
    public async Task The_detail_of_seedance_2_0_fast_has_its_documented_lists(SimulatedApiGeneration generation, string vendor, string contract)
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { Generation = generation });

        var body = Raw.Parse(await Raw.GetStringAsync(simulator, "/v1/models/seedance-2.0-fast"));

        Assert.Equal("seedance-2.0-fast", body.GetProperty("id").GetString());
        Assert.Equal("model", body.GetProperty("object").GetString());
        Assert.Equal("ByteDance", body.GetProperty("owned_by").GetString());
        var metadata = body.GetProperty(vendor);
        Assert.Equal("video", metadata.GetProperty("category").GetString());
        Assert.Equal(4, metadata.GetProperty("supported_operations").GetArrayLength());
        var lists = metadata.GetProperty(contract);
        Assert.Equal(new[] { 4, 5, 6, 8, 10, 12, 15 }, lists.GetProperty("durations").EnumerateArray().Select(item => item.GetInt32()));
        Assert.Equal(new[] { "480p", "720p" }, Strings(lists.GetProperty("resolutions")));
        Assert.Equal(new[] { "1:1", "3:4", "4:3", "9:16", "16:9", "21:9" }, Strings(lists.GetProperty("aspect_ratios")));
        Assert.Equal(
            new[] { "prompt", "image_url", "start_image", "end_image", "duration", "resolution", "aspect_ratio", "seed", "reference_images", "output_audio" },
            Strings(lists.GetProperty("supported_parameters")));
    }

    [Fact]
    public async Task The_detail_of_viduq3_turbo_has_its_documented_resolutions()
    {
        await using var simulator = LemonDataSimulator.Start();

        var lists = Raw.Parse(await Raw.GetStringAsync(simulator, "/v1/models/viduq3-turbo")).GetProperty("tokenlab").GetProperty("request_format_details");

        Assert.Equal(new[] { "540p", "720p", "1080p" }, Strings(lists.GetProperty("resolutions")));
        Assert.Equal(new[] { 4, 5, 6, 8, 10, 12, 15 }, lists.GetProperty("durations").EnumerateArray().Select(item => item.GetInt32()));
        Assert.Equal(6, lists.GetProperty("aspect_ratios").GetArrayLength());
        Assert.Contains("resolution", Strings(lists.GetProperty("supported_parameters")));
    }

    [Fact]
    public async Task The_detail_of_a_model_without_lists_leaves_every_list_out()
    {
        await using var simulator = LemonDataSimulator.Start();

        var body = Raw.Parse(await Raw.GetStringAsync(simulator, "/v1/models/sora-2"));

        var metadata = body.GetProperty("tokenlab");
        Assert.Equal(new[] { "text-to-video" }, Strings(metadata.GetProperty("supported_operations")));
        var contract = metadata.GetProperty("request_format_details");
        Assert.Equal(JsonValueKind.Object, contract.ValueKind);
        Assert.Empty(contract.EnumerateObject());
        foreach (var list in ContractLists)
        {
            Assert.False(body.TryGetProperty(list, out _), list);
            Assert.False(metadata.TryGetProperty(list, out _), list);
        }
    }

    [Theory]
    [InlineData("/v1/models/veo3.1-fast-4k", "veo3.1-fast-4k")]
    [InlineData("/v1/models/seedance-2%2E0-fast", "seedance-2.0-fast")]
    [InlineData("/v1/models/kling-v2.5-turbo-pro", "kling-v2.5-turbo-pro")]
    public async Task A_dotted_or_escaped_id_in_the_path_is_decoded(string path, string id)
    {
        await using var simulator = LemonDataSimulator.Start();

        var body = Raw.Parse(await Raw.GetStringAsync(simulator, path));

        Assert.Equal(id, body.GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_unknown_model_is_a_404_suggesting_the_closest_configured_id()
    {
        await using var simulator = LemonDataSimulator.Start();

        var (status, text, _) = await Raw.SendAsync(simulator, HttpMethod.Get, "/v1/models/seedance-2.0-fsat");

        Assert.Equal(404, status);
        var error = Raw.Parse(text).GetProperty("error");
        Assert.Equal("Model 'seedance-2.0-fsat' not found.", error.GetProperty("message").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal("model_not_found", error.GetProperty("code").GetString());
        Assert.Equal("model", error.GetProperty("param").GetString());
        Assert.Equal("seedance-2.0-fast", error.GetProperty("did_you_mean").GetString());
    }

    [Fact]
    public async Task Custom_models_replace_the_default_list_everywhere()
    {
        var acme = new VideoModelInfo("acme-video-2", VideoCapabilities.TextToVideo)
            .WithContract(operations: new[] { VideoOperations.TextToVideo }, resolutions: new[] { "720p" });
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { Models = new[] { acme } });

        var data = await ListAsync(simulator, string.Empty);
        Assert.Equal(new[] { "acme-video-2" }, Ids(data));
        Assert.Equal(VideoModelInfo.DeclaredProvider, data[0].GetProperty("owned_by").GetString());

        var detail = Raw.Parse(await Raw.GetStringAsync(simulator, "/v1/models/acme-video-2")).GetProperty("tokenlab").GetProperty("request_format_details");
        Assert.Equal(new[] { "720p" }, Strings(detail.GetProperty("resolutions")));
        Assert.False(detail.TryGetProperty("durations", out _));

        var (status, text, _) = await Raw.SendAsync(simulator, HttpMethod.Get, "/v1/models/sora-2");
        Assert.Equal(404, status);
        Assert.Equal("acme-video-2", Raw.Parse(text).GetProperty("error").GetProperty("did_you_mean").GetString());
    }

    [Fact]
    public async Task Models_added_to_the_default_list_are_served_and_a_later_duplicate_replaces_the_earlier()
    {
        var options = new LemonDataSimulatorOptions();
        options.Models.Add(new VideoModelInfo("acme-video-2", VideoCapabilities.TextToVideo));
        VideoModelCatalog.TryGet(VideoModels.Sora2, out var sora);
        options.Models.Add(sora.WithContract(durations: new[] { 4, 8, 12 }));
        await using var simulator = LemonDataSimulator.Start(options);

        var ids = Ids(await ListAsync(simulator, string.Empty));
        Assert.Equal(VideoModelCatalog.Snapshot.Models.Count + 1, ids.Count);
        Assert.Equal(VideoModels.Sora2, ids[0]);
        Assert.Equal("acme-video-2", ids[^1]);
        var durations = Raw.Parse(await Raw.GetStringAsync(simulator, "/v1/models/sora-2"))
            .GetProperty("tokenlab").GetProperty("request_format_details").GetProperty("durations");
        Assert.Equal(new[] { 4, 8, 12 }, durations.EnumerateArray().Select(item => item.GetInt32()));
    }

    [Fact]
    public async Task The_models_are_read_once_at_start()
    {
        var options = new LemonDataSimulatorOptions();
        await using var simulator = LemonDataSimulator.Start(options);

        options.Models.Clear();
        options.Models = new List<VideoModelInfo>();

        Assert.Equal(VideoModelCatalog.Snapshot.Models.Count, (await ListAsync(simulator, string.Empty)).Count);
    }

    [Fact]
    public void The_default_models_are_the_snapshot_with_the_documented_lists_and_every_options_object_has_its_own()
    {
        var first = new LemonDataSimulatorOptions().Models;
        var second = new LemonDataSimulatorOptions().Models;

        Assert.NotSame(first, second);
        Assert.Equal(VideoModelCatalog.Snapshot.Models.Select(model => model.Id), first.Select(model => model.Id));
        var fast = first.Single(model => model.Id == VideoModels.Seedance2_0Fast);
        Assert.Equal(new[] { "480p", "720p" }, fast.Resolutions);
        Assert.True(fast.Supports(VideoCapabilities.TextToVideo | VideoCapabilities.ImageToVideo | VideoCapabilities.Keyframes));
        var master = first.Single(model => model.Id == VideoModels.KlingV21Master);
        Assert.Equal(new[] { "text-to-video", "image-to-video" }, master.Operations);
        Assert.Null(master.Durations);
        Assert.Null(master.Resolutions);
        Assert.Null(master.AspectRatios);
        Assert.Null(master.SupportedParameters);
        Assert.Throws<ArgumentNullException>(() => new LemonDataSimulatorOptions { Models = null! });
    }

    [Fact]
    public void A_null_model_in_the_list_fails_at_start()
    {
        var options = new LemonDataSimulatorOptions { Models = new VideoModelInfo[] { null! } };

        Assert.Throws<ArgumentException>(() => LemonDataSimulator.Start(options));
    }

    [Fact]
    public async Task The_models_endpoints_need_a_key_take_only_GET_and_are_recorded()
    {
        await using var simulator = LemonDataSimulator.Start();

        Assert.Equal(401, (await Raw.SendAsync(simulator, HttpMethod.Get, "/v1/models", key: null)).Status);
        Assert.Equal(401, (await Raw.SendAsync(simulator, HttpMethod.Get, "/v1/models/sora-2", key: "not-a-key")).Status);
        var post = await Raw.SendAsync(simulator, HttpMethod.Post, "/v1/models", "{}");
        Assert.Equal(405, post.Status);
        Assert.Equal("GET", string.Join(",", post.Response.Content.Headers.Allow));
        Assert.Equal(405, (await Raw.SendAsync(simulator, HttpMethod.Delete, "/v1/models/sora-2")).Status);
        await Raw.GetStringAsync(simulator, "/v1/models?category=video");
        await Raw.GetStringAsync(simulator, "/v1/models/seedance-2.0-fast");

        Assert.Equal(2, simulator.CountRequests("GET", "/v1/models"));
        Assert.Equal(1, simulator.CountRequests("POST", "/v1/models"));
        Assert.Equal(1, simulator.CountRequests("GET", "/v1/models/seedance-2.0-fast"));
        var listed = simulator.Requests.Last(request => request.Path == "/v1/models");
        Assert.Equal("?category=video", listed.Query);
        Assert.Equal(200, listed.StatusCode);
    }

    [Fact]
    public async Task Faults_scripted_for_model_reads_hit_them_and_leave_tasks_alone()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.RateLimitNext(1, TimeSpan.FromSeconds(1), SimulatorTarget.Models);
        simulator.Script.ServerErrorNext(1, 502, SimulatorTarget.Models);

        await Raw.CreateAsync(simulator);
        var limited = await Raw.SendAsync(simulator, HttpMethod.Get, "/v1/models/sora-2");
        var failed = await Raw.SendAsync(simulator, HttpMethod.Get, "/v1/models");
        var fine = await Raw.SendAsync(simulator, HttpMethod.Get, "/v1/models");

        Assert.Equal(429, limited.Status);
        Assert.Equal("1", limited.Response.Headers.GetValues("Retry-After").Single());
        Assert.Equal(502, failed.Status);
        Assert.Equal(200, fine.Status);
        Assert.Equal(new[] { SimulatorFaultKind.RateLimit, SimulatorFaultKind.ServerError }, simulator.InjectedFaults.Select(fault => fault.Kind));
    }

    [Fact]
    public async Task Faults_scripted_for_the_api_leave_model_reads_alone()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.ServerErrorNext(1);

        Assert.Equal(200, (await Raw.SendAsync(simulator, HttpMethod.Get, "/v1/models/sora-2")).Status);
        Assert.Equal(503, (await Raw.SendAsync(simulator, HttpMethod.Post, "/v1/videos/generations", "{\"prompt\":\"A cat\"}")).Status);

        simulator.Script.GarbleNext(1, SimulatorTarget.All);
        var garbled = await Raw.SendAsync(simulator, HttpMethod.Get, "/v1/models");
        Assert.Equal(200, garbled.Status);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(garbled.Body));
    }

    private static async Task<List<JsonElement>> ListAsync(LemonDataSimulator simulator, string query) =>
        Raw.Parse(await Raw.GetStringAsync(simulator, "/v1/models" + query)).GetProperty("data").EnumerateArray().ToList();

    private static List<string> Ids(IEnumerable<JsonElement> entries) => entries.Select(entry => entry.GetProperty("id").GetString()!).ToList();

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(item => item.GetString()!).ToArray();
}
