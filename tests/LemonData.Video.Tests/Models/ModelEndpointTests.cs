using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;

namespace LemonData.Video.Tests.Models;

/// <summary>
/// <see cref="LemonDataVideoClient.ListVideoModelsAsync"/> and <see cref="LemonDataVideoClient.GetVideoModelAsync"/>: the
/// service's own model data read in every shape its pages have shown (vendor object <c>lemondata</c> or <c>tokenlab</c>,
/// lists in the contract object, the vendor object or the top level), tolerant of drift, and retried like task reads.
/// </summary>
public sealed class ModelEndpointTests : IDisposable
{
    private const string ListPath = "/v1/models";

    private readonly FakeLemonDataService _service = new();

    public void Dispose() => _service.Dispose();

    private static string DetailPath(string id) => "/v1/models/" + id;

    [Fact]
    public async Task A_generation_B_detail_gives_the_lists_of_lemondata_public_contract()
    {
        _service.Given("GET", DetailPath("seedance-2.0-fast"), 200, """
            {"id":"seedance-2.0-fast","object":"model","created":1767225600,"owned_by":"bytedance",
             "lemondata":{"category":"video","pricing_unit":"per_second",
               "supported_operations":["text-to-video","image-to-video","start-end-to-video","reference-to-video"],
               "capability_flags":{"output_audio":true},"lifecycle":{"stage":"ga"},
               "agent_preferences":{"video":{"success_rate_24h":0.97,"sample_count_24h":1250,"status":"healthy"}},
               "public_contract":{"durations":[4,5,6,8,10,12,15],"resolutions":["480p","720p"],
                 "aspect_ratios":["1:1","3:4","4:3","9:16","16:9","21:9"],
                 "supported_parameters":["prompt","image_url","start_image","end_image","duration","resolution","aspect_ratio","seed"]}}}
            """);

        var model = await _service.CreateClient().GetVideoModelAsync("seedance-2.0-fast");

        Assert.Equal("seedance-2.0-fast", model.Id);
        Assert.Equal("bytedance", model.Provider);
        Assert.Equal(new[] { "text-to-video", "image-to-video", "start-end-to-video", "reference-to-video" }, model.Operations);
        Assert.Equal(VideoCapabilities.TextToVideo | VideoCapabilities.ImageToVideo | VideoCapabilities.Keyframes, model.Capabilities);
        Assert.Equal(new[] { 4, 5, 6, 8, 10, 12, 15 }, model.Durations);
        Assert.Equal(new[] { "480p", "720p" }, model.Resolutions);
        Assert.Equal(new[] { "1:1", "3:4", "4:3", "9:16", "16:9", "21:9" }, model.AspectRatios);
        Assert.Contains("seed", model.SupportedParameters!);
        Assert.Equal("Seedance", model.Family);
    }

    [Fact]
    public async Task A_generation_C_detail_gives_the_lists_of_tokenlab_request_format_details_with_durations_as_strings()
    {
        _service.Given("GET", DetailPath("viduq3-turbo"), 200, """
            {"id":"viduq3-turbo","object":"model","owned_by":"shengshu",
             "tokenlab":{"category":"video","supported_operations":["text-to-video","image-to-video"],
               "request_format_details":{"durations":["4s","5s"," 8 s ","10","12 seconds",15],"resolutions":["540p","720p","1080p"],
                 "aspect_ratios":["16:9","9:16"],"supported_parameters":["prompt","duration","resolution","aspect_ratio"]}}}
            """);

        var model = await _service.CreateClient().GetVideoModelAsync("viduq3-turbo");

        Assert.Equal(new[] { 4, 5, 8, 10, 12, 15 }, model.Durations);
        Assert.Equal(new[] { "540p", "720p", "1080p" }, model.Resolutions);
        Assert.Equal(new[] { "16:9", "9:16" }, model.AspectRatios);
        Assert.Equal(new[] { "prompt", "duration", "resolution", "aspect_ratio" }, model.SupportedParameters);
        Assert.Equal(VideoCapabilities.TextToVideo | VideoCapabilities.ImageToVideo, model.Capabilities);
    }

    [Fact]
    public async Task A_bare_detail_gives_the_lists_of_the_top_level()
    {
        _service.Given("GET", DetailPath("acme-video-9"), 200, """
            {"id":"acme-video-9","object":"model","owned_by":"acme","supported_operations":["text-to-video"],
             "durations":[5,10],"resolutions":["720p","1080p"],"aspect_ratios":["16:9"],"supported_parameters":["prompt","duration","resolution"]}
            """);

        var model = await _service.CreateClient().GetVideoModelAsync("acme-video-9");

        Assert.Equal("acme", model.Provider);
        Assert.Equal("acme-video-9", model.Family);
        Assert.Equal(VideoCapabilities.TextToVideo, model.Capabilities);
        Assert.Equal(new[] { 5, 10 }, model.Durations);
        Assert.Equal(new[] { "720p", "1080p" }, model.Resolutions);
        Assert.Equal(new[] { "16:9" }, model.AspectRatios);
        Assert.Equal(new[] { "prompt", "duration", "resolution" }, model.SupportedParameters);
    }

    [Fact]
    public async Task Lists_of_the_vendor_object_are_read_and_the_contract_object_wins_list_by_list()
    {
        // Resolutions only in the vendor object, durations in both (the contract object's win), aspect ratios only at the top.
        _service.Given("GET", DetailPath("acme-video-9"), 200, """
            {"id":"acme-video-9","aspect_ratios":["1:1"],"durations":[60],
             "lemondata":{"resolutions":["720p"],"durations":[30],"public_contract":{"durations":[5]}}}
            """);

        var model = await _service.CreateClient().GetVideoModelAsync("acme-video-9");

        Assert.Equal(new[] { 5 }, model.Durations);
        Assert.Equal(new[] { "720p" }, model.Resolutions);
        Assert.Equal(new[] { "1:1" }, model.AspectRatios);
        Assert.Null(model.SupportedParameters);
    }

    [Fact]
    public async Task The_newer_vendor_name_tokenlab_wins_over_lemondata_when_both_are_sent()
    {
        _service.Given("GET", DetailPath("acme-video-9"), 200, """
            {"id":"acme-video-9",
             "lemondata":{"public_contract":{"resolutions":["480p"]},"supported_operations":["text-to-video"]},
             "tokenlab":{"request_format_details":{"resolutions":["1080p"]},"supported_operations":["image-to-video"]}}
            """);

        var model = await _service.CreateClient().GetVideoModelAsync("acme-video-9");

        Assert.Equal(new[] { "1080p" }, model.Resolutions);
        Assert.Equal(new[] { "image-to-video" }, model.Operations);
        Assert.Equal(VideoCapabilities.ImageToVideo, model.Capabilities);
    }

    [Fact]
    public async Task Missing_lists_are_unknown_and_a_snapshot_model_keeps_its_capabilities_provider_and_fixed_length()
    {
        _service.Given("GET", DetailPath(VideoModels.RunwayGen4Turbo5), 200, """{"id":"runwayml-gen4-turbo-5","object":"model"}""");

        var model = await _service.CreateClient().GetVideoModelAsync(VideoModels.RunwayGen4Turbo5);

        VideoModelCatalog.TryGet(VideoModels.RunwayGen4Turbo5, out var known);
        Assert.Null(model.Durations);
        Assert.Null(model.Resolutions);
        Assert.Null(model.AspectRatios);
        Assert.Null(model.SupportedParameters);
        Assert.Empty(model.Operations);
        Assert.Equal(known.Capabilities, model.Capabilities);
        Assert.Equal(known.Provider, model.Provider);
        Assert.Equal(5, model.FixedDurationSeconds);
        Assert.Equal(known.Note, model.Note);
    }

    [Fact]
    public async Task The_services_operations_are_the_truth_over_the_snapshots_capabilities()
    {
        // The snapshot says seedance-2-0 also extends and edits; the service now lists text-to-video only.
        _service.Given("GET", DetailPath(VideoModels.Seedance20), 200, """{"id":"seedance-2-0","lemondata":{"supported_operations":["text-to-video"]}}""");

        var model = await _service.CreateClient().GetVideoModelAsync(VideoModels.Seedance20);

        Assert.Equal(VideoCapabilities.TextToVideo, model.Capabilities);
    }

    [Fact]
    public async Task Durations_given_by_the_service_replace_the_snapshots_fixed_length()
    {
        _service.Given("GET", DetailPath(VideoModels.RunwayGen4Turbo5), 200, """{"id":"runwayml-gen4-turbo-5","durations":[5,10]}""");

        var model = await _service.CreateClient().GetVideoModelAsync(VideoModels.RunwayGen4Turbo5);

        Assert.Equal(new[] { 5, 10 }, model.Durations);
        Assert.Null(model.FixedDurationSeconds);
    }

    [Theory]
    [InlineData("""[5, "ten"]""")]
    [InlineData("""[5, 7.5]""")]
    [InlineData("""[5, 90]""")]
    [InlineData("""[5, {"seconds":10}]""")]
    [InlineData("""[5, null]""")]
    [InlineData("""{"min":4,"max":15}""")]
    [InlineData(""" "5,10" """)]
    [InlineData("""[]""")]
    public async Task Durations_that_cannot_be_read_are_unknown_and_the_other_lists_still_apply(string durations)
    {
        _service.Given("GET", DetailPath("acme-video-9"), 200, """{"id":"acme-video-9","durations":""" + durations + ""","resolutions":["720p"]}""");

        var model = await _service.CreateClient().GetVideoModelAsync("acme-video-9");

        Assert.Null(model.Durations);
        Assert.Equal(new[] { "720p" }, model.Resolutions);
    }

    [Theory]
    [InlineData("""["720p", 1080]""")]
    [InlineData("""["720p", ""]""")]
    [InlineData("""["720p", ["1080p"]]""")]
    [InlineData("""{"720p":true}""")]
    [InlineData("""[]""")]
    public async Task String_lists_with_an_element_that_cannot_be_read_are_unknown(string resolutions)
    {
        _service.Given("GET", DetailPath("acme-video-9"), 200, """{"id":"acme-video-9","resolutions":""" + resolutions + ""","durations":[5]}""");

        var model = await _service.CreateClient().GetVideoModelAsync("acme-video-9");

        Assert.Null(model.Resolutions);
        Assert.Equal(new[] { 5 }, model.Durations);
    }

    [Fact]
    public async Task A_list_the_contract_object_gives_but_cannot_be_read_is_unknown_rather_than_taken_from_a_less_detailed_place()
    {
        _service.Given("GET", DetailPath("acme-video-9"), 200, """{"id":"acme-video-9","durations":[5],"tokenlab":{"request_format_details":{"durations":["five"]}}}""");

        var model = await _service.CreateClient().GetVideoModelAsync("acme-video-9");

        Assert.Null(model.Durations);
    }

    [Fact]
    public async Task Unknown_members_and_a_null_list_are_ignored()
    {
        _service.Given("GET", DetailPath("acme-video-9"), 200, """
            {"id":"acme-video-9","brand_new":{"deep":[1,2,{"x":null}]},"resolutions":null,
             "tokenlab":{"category":"video","surprise":42,"lifecycle":"ga","capability_flags":["audio"],"agent_preferences":7,
               "public_contract":{"durations":[5],"extra":"yes"}},
             "durations":[10]}
            """);

        var model = await _service.CreateClient().GetVideoModelAsync("acme-video-9");

        Assert.Equal(new[] { 5 }, model.Durations);
        Assert.Null(model.Resolutions);
    }

    [Fact]
    public async Task An_entry_without_an_id_is_the_model_that_was_asked_for()
    {
        _service.Given("GET", DetailPath("acme-video-9"), 200, """{"object":"model","durations":[5]}""");

        var model = await _service.CreateClient().GetVideoModelAsync("acme-video-9");

        Assert.Equal("acme-video-9", model.Id);
        Assert.Equal("unknown", model.Provider);
    }

    [Theory]
    [InlineData("acme/video 9")]
    [InlineData("../tasks/x")]
    [InlineData("a?category=chat#x")]
    public async Task The_model_id_fills_exactly_one_escaped_segment(string id)
    {
        using var server = new RawHttpServer(_ => RawHttpServer.Answer(200, "application/json", System.Text.Encoding.UTF8.GetBytes("""{"durations":[5]}""")));
        var client = new LemonDataVideoClient(FakeLemonDataService.ApiKey, new LemonDataVideoClientOptions { Endpoint = server.Endpoint, MaxRetries = 0 });

        var model = await client.GetVideoModelAsync(id).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(id, model.Id);
        Assert.Equal(new[] { "/v1/models/" + Uri.EscapeDataString(id) }, server.Targets);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(".")]
    [InlineData("..")]
    public async Task An_id_that_names_no_model_is_refused_before_anything_is_sent(string id)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _service.CreateClient().GetVideoModelAsync(id));

        Assert.Empty(_service.AllRequests);
    }

    [Fact]
    public async Task A_404_model_not_found_is_a_LemonDataApiException_with_the_services_code()
    {
        _service.Given("GET", DetailPath("sora-3"), 404, """{"error":{"message":"Model 'sora-3' not found.","type":"invalid_request_error","code":"model_not_found","param":"model","did_you_mean":"sora-2"}}""");

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => _service.CreateClient().GetVideoModelAsync("sora-3"));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("model_not_found", error.ErrorCode);
        Assert.Equal("sora-2", error.DidYouMean);
        Assert.Contains("sora-3", error.Message, StringComparison.Ordinal);
        Assert.False(error.TaskMayExist);
        Assert.Null(error.TaskId);
        Assert.Single(_service.RequestsTo("GET", DetailPath("sora-3")));
    }

    [Fact]
    public async Task A_5xx_is_retried_like_a_task_read_and_then_succeeds()
    {
        _service.GivenSequence(
            "GET",
            DetailPath("acme-video-9"),
            (503, FakeLemonDataService.ErrorBody("Service unavailable", "server_error", "service_unavailable"), null),
            (500, FakeLemonDataService.ErrorBody("Upstream failed", "server_error", "upstream_error"), null),
            (200, """{"id":"acme-video-9","resolutions":["720p"]}""", null));

        var model = await _service.CreateClient().GetVideoModelAsync("acme-video-9");

        Assert.Equal(new[] { "720p" }, model.Resolutions);
        Assert.Equal(3, _service.RequestsTo("GET", DetailPath("acme-video-9")).Count);
    }

    [Fact]
    public async Task A_5xx_that_never_ends_is_sent_MaxRetries_plus_one_times_then_thrown()
    {
        _service.Given("GET", ListPath, 500, FakeLemonDataService.ErrorBody("Upstream failed", "server_error", "upstream_error"));

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => _service.CreateClient(options => options.MaxRetries = 2).ListVideoModelsAsync());

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(3, _service.RequestsTo("GET", ListPath).Count);
    }

    [Fact]
    public async Task A_detail_that_is_not_JSON_is_a_LemonDataApiException_with_an_excerpt()
    {
        _service.Given("GET", DetailPath("acme-video-9"), 200, "<html>maintenance</html>");

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => _service.CreateClient(options => options.MaxRetries = 0).GetVideoModelAsync("acme-video-9"));

        Assert.Equal(200, error.StatusCode);
        Assert.Contains("maintenance", error.ResponseExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_asks_for_the_video_category_and_reads_both_vendor_names()
    {
        _service.Given("GET", ListPath, 200, """
            {"object":"list","data":[
              {"id":"seedance-2.0-fast","object":"model","owned_by":"bytedance","lemondata":{"category":"video","supported_operations":["text-to-video","start-end-to-video"]}},
              {"id":"viduq3-turbo","object":"model","owned_by":"shengshu","tokenlab":{"category":"video","supported_operations":["image-to-video"],"resolutions":["540p"]}},
              {"id":"acme-video-9","object":"model","owned_by":"acme","durations":[5]}
            ]}
            """);

        var models = await _service.CreateClient().ListVideoModelsAsync();

        Assert.Equal(new[] { "seedance-2.0-fast", "viduq3-turbo", "acme-video-9" }, models.Select(model => model.Id));
        Assert.Equal(VideoCapabilities.TextToVideo | VideoCapabilities.Keyframes, models[0].Capabilities);
        Assert.Equal(VideoCapabilities.ImageToVideo, models[1].Capabilities);
        Assert.Equal(new[] { "540p" }, models[1].Resolutions);
        Assert.Equal(new[] { 5 }, models[2].Durations);
        var request = Assert.Single(_service.RequestsTo("GET", ListPath)).RequestMessage;
        Assert.EndsWith("/v1/models?category=video", request.AbsoluteUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_keeps_only_video_models_when_the_service_ignores_the_filter()
    {
        _service.Given("GET", ListPath, 200, """
            {"object":"list","data":[
              {"id":"gpt-4o","object":"model","owned_by":"openai","lemondata":{"category":"chat"}},
              {"id":"sora-2","object":"model","owned_by":"openai","lemondata":{"category":"VIDEO"}},
              {"id":"flux-pro","object":"model","tokenlab":{"category":"image"}},
              {"id":"acme-video-9","object":"model"}
            ]}
            """);

        var models = await _service.CreateClient().ListVideoModelsAsync();

        Assert.Equal(new[] { "sora-2", "acme-video-9" }, models.Select(model => model.Id));
    }

    [Fact]
    public async Task An_entry_the_SDK_cannot_read_is_skipped_and_the_rest_of_the_list_is_kept()
    {
        _service.Given("GET", ListPath, 200, """
            {"object":"list","data":[
              {"id":"broken-1","owned_by":{"name":"acme"}},
              "not an entry",
              null,
              {"id":""},
              {"id":"acme-video-9","created":"1767225600"},
              {"id":"acme-video-9","durations":[5]}
            ]}
            """);

        var models = await _service.CreateClient().ListVideoModelsAsync();

        var model = Assert.Single(models);
        Assert.Equal("acme-video-9", model.Id);
        Assert.Null(model.Durations);
    }

    [Fact]
    public async Task A_list_answer_without_data_is_a_LemonDataApiException()
    {
        _service.Given("GET", ListPath, 200, """{"object":"list"}""");

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => _service.CreateClient(options => options.MaxRetries = 0).ListVideoModelsAsync());

        Assert.Equal(200, error.StatusCode);
    }

    [Fact]
    public async Task A_list_larger_than_a_task_answer_is_read()
    {
        // Over the 1 MiB that bounds a task answer: a service that ignores the filter lists every model it has.
        var entries = Enumerable.Range(0, 4000).Select(i =>
            "{\"id\":\"chat-model-" + i + "\",\"owned_by\":\"acme\",\"lemondata\":{\"category\":\"chat\",\"pricing_unit\":\"per_token\",\"capability_flags\":{\"padding\":\"" + new string('x', 200) + "\"}}}");
        _service.Given("GET", ListPath, 200, "{\"object\":\"list\",\"data\":[" + string.Join(",", entries) + ",{\"id\":\"acme-video-9\"}]}");

        var models = await _service.CreateClient().ListVideoModelsAsync();

        Assert.Equal("acme-video-9", Assert.Single(models).Id);
    }
}
