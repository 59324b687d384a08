using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LemonData.Video.Tests.Models;

/// <summary>
/// <see cref="LemonDataVideoClientOptions.ModelLookup"/>: a model the catalog lacks is asked about on the service before the
/// request is validated, once per id; the service's answer and its lists then judge the request, its 404 makes LDV0001,
/// and a lookup that fails or is slow never blocks the create.
/// </summary>
public sealed class ModelLookupTests : IDisposable
{
    private const string NewModel = "acme-video-9";
    private const string CreatePath = "/v1/videos/generations";
    private const string ListPath = "/v1/models";
    private const string NewModelPath = "/v1/models/" + NewModel;

    private const string NewModelDetail = """
        {"id":"acme-video-9","object":"model","owned_by":"acme",
         "tokenlab":{"category":"video","supported_operations":["text-to-video"],"request_format_details":{"resolutions":["720p","1080p"]}}}
        """;

    private readonly FakeLemonDataService _service = new();
    private readonly CapturedLogs _logs = new();

    public ModelLookupTests() =>
        _service.GivenCreate("""{"id":"ldtask_m1","poll_url":"/v1/tasks/ldtask_m1","status":"pending"}""");

    public void Dispose()
    {
        _service.Dispose();
        _logs.Dispose();
    }

    private static VideoGenerationRequest Request(string? model, string? resolution = null) =>
        new() { Model = model, Prompt = "A lighthouse in a storm", Resolution = resolution };

    private int Lookups(string path = NewModelPath) => _service.RequestsTo("GET", path).Count;

    private int Creates => _service.RequestsTo("POST", CreatePath).Count;

    private LemonDataVideoClient Client(Action<LemonDataVideoClientOptions>? configure = null) =>
        _service.CreateClient(options =>
        {
            options.LoggerFactory = LoggerFactory.Create(builder => builder.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
            configure?.Invoke(options);
        });

    [Fact]
    public async Task A_model_new_to_the_catalog_is_looked_up_once_and_then_created()
    {
        _service.Given("GET", NewModelPath, 200, NewModelDetail);
        var client = Client();

        var first = await client.CreateVideoAsync(Request(NewModel, "1080p"));
        var second = await client.CreateVideoAsync(Request(NewModel));

        Assert.Equal("ldtask_m1", first.Id);
        Assert.Equal("ldtask_m1", second.Id);
        Assert.Equal(1, Lookups());
        Assert.Equal(2, Creates);
        Assert.Empty(_service.RequestsTo("GET", ListPath));
    }

    [Fact]
    public async Task The_services_lists_then_apply_and_a_resolution_it_does_not_offer_is_refused_without_sending()
    {
        _service.Given("GET", NewModelPath, 200, NewModelDetail);
        var client = Client();
        await client.CreateVideoAsync(Request(NewModel, "720p"));

        var error = await Assert.ThrowsAsync<VideoRequestValidationException>(() => client.CreateVideoAsync(Request(NewModel, "4k")));

        var violation = Assert.Single(error.Violations);
        Assert.Equal("LDV0013", violation.DiagnosticId);
        Assert.Equal("Resolution", violation.Property);
        Assert.Contains("'acme-video-9'", violation.Message, StringComparison.Ordinal);
        Assert.Contains("720p, 1080p", violation.Message, StringComparison.Ordinal);
        Assert.Equal(1, Creates);
        Assert.Equal(1, Lookups());
    }

    [Fact]
    public async Task The_first_create_of_a_new_model_is_already_judged_by_the_services_lists()
    {
        _service.Given("GET", NewModelPath, 200, NewModelDetail);

        var error = await Assert.ThrowsAsync<VideoRequestValidationException>(() => Client().CreateVideoAsync(Request(NewModel, "4k")));

        Assert.Equal("LDV0013", Assert.Single(error.Violations).DiagnosticId);
        Assert.Equal(0, Creates);
    }

    [Fact]
    public async Task A_lookup_answering_500_every_time_never_blocks_the_create_and_is_logged_as_a_warning()
    {
        _service.Given("GET", NewModelPath, 500, FakeLemonDataService.ErrorBody("Upstream failed", "server_error", "upstream_error"));

        var task = await Client().CreateVideoAsync(Request(NewModel, "4k"));

        Assert.Equal("ldtask_m1", task.Id);
        Assert.Equal(1, Creates);
        Assert.Equal(4, Lookups()); // retried like a task read: MaxRetries (3) + 1
        var warning = Assert.Single(_logs.All, log => log.EventId.Name == "ModelLookupFailed");
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(NewModel, warning.Message, StringComparison.Ordinal);
        Assert.Contains("500", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unverified_model_is_still_checked_by_the_APIs_limits()
    {
        _service.Given("GET", NewModelPath, 500, FakeLemonDataService.ErrorBody("Upstream failed", "server_error", "upstream_error"));
        var client = Client(options => options.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<VideoRequestValidationException>(() =>
            client.CreateVideoAsync(new VideoGenerationRequest { Model = NewModel, Prompt = "A lighthouse", Fps = 500 }));

        Assert.Equal("LDV0006", Assert.Single(error.Violations).DiagnosticId);
        Assert.Equal(0, Creates);
    }

    [Fact]
    public async Task A_lookup_slower_than_ModelLookupTimeout_never_blocks_the_create()
    {
        _service.GivenDelayed("GET", NewModelPath, TimeSpan.FromSeconds(10), 200, NewModelDetail);
        var client = Client(options => options.ModelLookupTimeout = TimeSpan.FromMilliseconds(200));
        var started = DateTime.UtcNow;

        var task = await client.CreateVideoAsync(Request(NewModel, "4k")).WaitAsync(TimeSpan.FromSeconds(8));

        Assert.Equal("ldtask_m1", task.Id);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "The create waited " + (DateTime.UtcNow - started) + " for a lookup with a 200 ms timeout.");
        Assert.Equal(1, Creates);
        var warning = Assert.Single(_logs.All, log => log.EventId.Name == "ModelLookupFailed");
        Assert.Contains("ModelLookupTimeout", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_404_is_LDV0001_naming_the_services_answer_and_suggesting_from_its_own_list_and_nothing_is_created()
    {
        _service.Given("GET", "/v1/models/acme-vidoe-9", 404, FakeLemonDataService.ErrorBody("Model 'acme-vidoe-9' not found.", "invalid_request_error", "model_not_found", "model"));
        _service.Given("GET", ListPath, 200, """{"object":"list","data":[{"id":"sora-2"},{"id":"acme-video-9"},{"id":"acme-audio-9","lemondata":{"category":"audio"}}]}""");

        var error = await Assert.ThrowsAsync<VideoRequestValidationException>(() => Client().CreateVideoAsync(Request("acme-vidoe-9")));

        var violation = Assert.Single(error.Violations);
        Assert.Equal("LDV0001", violation.DiagnosticId);
        Assert.Equal("Model", violation.Property);
        Assert.Contains("404 model_not_found", violation.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'acme-video-9'?", violation.Message, StringComparison.Ordinal);
        Assert.Equal(0, Creates);
        Assert.Single(_service.RequestsTo("GET", ListPath));
    }

    [Fact]
    public async Task After_a_404_whose_list_fails_the_suggestion_comes_from_the_catalog()
    {
        _service.Given("GET", "/v1/models/sora-3", 404, FakeLemonDataService.ErrorBody("Model 'sora-3' not found.", "invalid_request_error", "model_not_found"));
        _service.Given("GET", ListPath, 500, FakeLemonDataService.ErrorBody("Upstream failed", "server_error", "upstream_error"));

        var error = await Assert.ThrowsAsync<VideoRequestValidationException>(() => Client(options => options.MaxRetries = 0).CreateVideoAsync(Request("sora-3")));

        var violation = Assert.Single(error.Violations);
        Assert.Equal("LDV0001", violation.DiagnosticId);
        Assert.Contains("404", violation.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'sora-2'?", violation.Message, StringComparison.Ordinal);
        Assert.Equal(0, Creates);
    }

    [Fact]
    public async Task A_404_is_kept_ten_minutes_then_the_model_is_looked_up_again()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _service.GivenSequence(
            "GET",
            NewModelPath,
            (404, FakeLemonDataService.ErrorBody("Model not found.", "invalid_request_error", "model_not_found"), null),
            (200, NewModelDetail, null));
        _service.Given("GET", ListPath, 200, """{"object":"list","data":[]}""");
        var client = Client(options => options.TimeProvider = clock);

        await Assert.ThrowsAsync<VideoRequestValidationException>(() => client.CreateVideoAsync(Request(NewModel)));
        clock.Advance(TimeSpan.FromMinutes(9));
        await Assert.ThrowsAsync<VideoRequestValidationException>(() => client.CreateVideoAsync(Request(NewModel)));
        Assert.Equal(1, Lookups());

        clock.Advance(TimeSpan.FromMinutes(1));
        var task = await client.CreateVideoAsync(Request(NewModel));

        Assert.Equal("ldtask_m1", task.Id);
        Assert.Equal(2, Lookups());
    }

    [Fact]
    public async Task An_answer_is_kept_for_the_life_of_the_client()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _service.Given("GET", NewModelPath, 200, NewModelDetail);
        var client = Client(options => options.TimeProvider = clock);

        await client.CreateVideoAsync(Request(NewModel));
        clock.Advance(TimeSpan.FromDays(30));
        await client.CreateVideoAsync(Request(NewModel));

        Assert.Equal(1, Lookups());
        Assert.Equal(2, Creates);
    }

    [Fact]
    public async Task A_failed_lookup_is_tried_again_after_a_minute()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _service.GivenSequence(
            "GET",
            NewModelPath,
            (500, FakeLemonDataService.ErrorBody("Upstream failed", "server_error", "upstream_error"), null),
            (200, NewModelDetail, null));
        var client = Client(options =>
        {
            options.TimeProvider = clock;
            options.MaxRetries = 0;
        });

        await client.CreateVideoAsync(Request(NewModel, "4k"));
        await client.CreateVideoAsync(Request(NewModel, "4k"));
        Assert.Equal(1, Lookups());
        Assert.Equal(2, Creates);

        clock.Advance(TimeSpan.FromMinutes(1));
        var error = await Assert.ThrowsAsync<VideoRequestValidationException>(() => client.CreateVideoAsync(Request(NewModel, "4k")));

        Assert.Equal("LDV0013", Assert.Single(error.Violations).DiagnosticId);
        Assert.Equal(2, Lookups());
        Assert.Equal(2, Creates);
    }

    [Fact]
    public async Task Concurrent_creates_of_the_same_new_model_share_one_lookup()
    {
        _service.GivenDelayed("GET", NewModelPath, TimeSpan.FromMilliseconds(300), 200, NewModelDetail);
        var client = Client();

        var tasks = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => client.CreateVideoAsync(Request(NewModel, "720p")))));

        Assert.All(tasks, task => Assert.Equal("ldtask_m1", task.Id));
        Assert.Equal(1, Lookups());
        Assert.Equal(8, Creates);
    }

    [Fact]
    public async Task A_caller_that_cancels_while_the_lookup_runs_gets_OperationCanceledException_and_nothing_is_created()
    {
        _service.GivenDelayed("GET", NewModelPath, TimeSpan.FromSeconds(3), 200, NewModelDetail);
        var client = Client();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CreateVideoAsync(Request(NewModel), cancellation.Token).WaitAsync(TimeSpan.FromSeconds(2)));

        Assert.Equal(0, Creates);
    }

    [Fact]
    public async Task With_ModelLookup_None_a_model_missing_from_the_catalog_is_LDV0001_and_nothing_is_sent()
    {
        _service.Given("GET", NewModelPath, 200, NewModelDetail);

        var error = await Assert.ThrowsAsync<VideoRequestValidationException>(() =>
            Client(options => options.ModelLookup = ModelLookup.None).CreateVideoAsync(Request(NewModel)));

        Assert.Equal("LDV0001", Assert.Single(error.Violations).DiagnosticId);
        Assert.Empty(_service.AllRequests);
    }

    [Fact]
    public async Task Without_validation_nothing_is_looked_up()
    {
        var task = await Client(options => options.ValidateRequests = false).CreateVideoAsync(Request(NewModel, "4k"));

        Assert.Equal("ldtask_m1", task.Id);
        Assert.Equal(0, Lookups());
        Assert.Single(_service.AllRequests);
    }

    [Fact]
    public async Task A_catalog_model_is_not_looked_up_by_default()
    {
        await Client().CreateVideoAsync(Request(VideoModels.Veo31, "1080p"));
        await Client().CreateVideoAsync(Request(null));

        Assert.Equal(2, Creates);
        Assert.Equal(2, _service.AllRequests.Count);
    }

    [Fact]
    public async Task A_model_the_application_declared_is_not_looked_up()
    {
        var task = await Client(options => options.AdditionalModels.Add(new VideoModelInfo(NewModel, VideoCapabilities.TextToVideo))).CreateVideoAsync(Request(NewModel));

        Assert.Equal("ldtask_m1", task.Id);
        Assert.Equal(0, Lookups());
    }

    [Fact]
    public async Task AllModels_looks_up_a_catalog_model_without_lists_and_enforces_its_lists()
    {
        _service.Given("GET", "/v1/models/veo3.1", 200, """{"id":"veo3.1","owned_by":"google","lemondata":{"category":"video","public_contract":{"resolutions":["720p"],"durations":[4,6,8]}}}""");
        var client = Client(options => options.ModelLookup = ModelLookup.AllModels);

        var error = await Assert.ThrowsAsync<VideoRequestValidationException>(() =>
            client.CreateVideoAsync(new VideoGenerationRequest { Model = VideoModels.Veo31, Prompt = "A lighthouse", Resolution = "1080p", Duration = 5 }));
        await client.CreateVideoAsync(new VideoGenerationRequest { Model = VideoModels.Veo31, Prompt = "A lighthouse", Resolution = "720p", Duration = 8 });

        Assert.Equal(new[] { "LDV0009", "LDV0013" }, error.Violations.Select(v => v.DiagnosticId).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Equal(1, Lookups("/v1/models/veo3.1"));
        Assert.Equal(1, Creates);
    }

    [Fact]
    public async Task AllModels_looks_up_the_default_model_for_a_request_without_Model()
    {
        _service.Given("GET", "/v1/models/sora-2", 200, """{"id":"sora-2","durations":[4,8,12]}""");

        var error = await Assert.ThrowsAsync<VideoRequestValidationException>(() =>
            Client(options => options.ModelLookup = ModelLookup.AllModels).CreateVideoAsync(new VideoGenerationRequest { Prompt = "A lighthouse", Duration = 5 }));

        Assert.Equal("LDV0009", Assert.Single(error.Violations).DiagnosticId);
        Assert.Equal(1, Lookups("/v1/models/sora-2"));
    }

    [Fact]
    public async Task A_catalog_loaded_from_a_file_is_enforced_and_its_models_with_lists_are_never_looked_up()
    {
        const string File = """
            {"format":"lemondata-video-models/1","models":[
              {"id":"acme-video-9","provider":"Acme","capabilities":["text-to-video"],"resolutions":["720p"]}
            ]}
            """;
        var catalog = VideoModelCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(File)));
        var client = Client(options =>
        {
            options.ModelCatalog = catalog;
            options.ModelLookup = ModelLookup.AllModels;
        });

        var error = await Assert.ThrowsAsync<VideoRequestValidationException>(() => client.CreateVideoAsync(Request(NewModel, "1080p")));
        var task = await client.CreateVideoAsync(Request(NewModel, "720p"));

        var violation = Assert.Single(error.Violations);
        Assert.Equal("LDV0013", violation.DiagnosticId);
        Assert.Contains("720p", violation.Message, StringComparison.Ordinal);
        Assert.Equal("ldtask_m1", task.Id);
        Assert.Equal(0, Lookups());
        Assert.Single(_service.AllRequests);
    }

    [Fact]
    public async Task ModelCatalog_is_the_catalog_of_validation_even_without_lookups()
    {
        var catalog = VideoModelCatalog.Create(new[] { new VideoModelInfo(NewModel, VideoCapabilities.TextToVideo).WithContract(durations: new[] { 5, 10 }) });
        var client = Client(options =>
        {
            options.ModelCatalog = catalog;
            options.ModelLookup = ModelLookup.None;
        });

        var error = await Assert.ThrowsAsync<VideoRequestValidationException>(() =>
            client.CreateVideoAsync(new VideoGenerationRequest { Model = NewModel, Prompt = "A lighthouse", Duration = 7 }));

        Assert.Equal("LDV0009", Assert.Single(error.Violations).DiagnosticId);
        Assert.Empty(_service.AllRequests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a prompt pasted into Model")]
    [InlineData(".")]
    public async Task An_id_that_could_not_name_a_model_is_never_looked_up(string model)
    {
        var error = await Assert.ThrowsAsync<VideoRequestValidationException>(() => Client().CreateVideoAsync(Request(model)));

        Assert.Contains(error.Violations, violation => violation.DiagnosticId == "LDV0001");
        Assert.Empty(_service.AllRequests);
    }

    [Fact]
    public async Task An_API_key_pasted_into_Model_is_never_sent_in_a_lookup_path()
    {
        var error = await Assert.ThrowsAsync<VideoRequestValidationException>(() => Client().CreateVideoAsync(Request("sk-live-0123456789abcdef")));

        Assert.Equal("LDV0001", Assert.Single(error.Violations).DiagnosticId);
        Assert.Empty(_service.AllRequests);
    }

    [Fact]
    public async Task A_model_id_that_merely_starts_like_a_key_is_looked_up()
    {
        _service.Given("GET", "/v1/models/sk-1", 200, """{"id":"sk-1"}""");

        await Client().CreateVideoAsync(Request("sk-1"));

        Assert.Equal(1, Lookups("/v1/models/sk-1"));
        Assert.Equal(1, Creates);
    }

    [Fact]
    public async Task A_model_the_service_knows_without_lists_is_created_unchecked_by_lists()
    {
        _service.Given("GET", NewModelPath, 200, """{"id":"acme-video-9","object":"model"}""");

        var task = await Client().CreateVideoAsync(Request(NewModel, "8k"));

        Assert.Equal("ldtask_m1", task.Id);
        Assert.Equal(1, Lookups());
    }
}
