using System;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace LemonData.Video.Benchmarks.Sdk;

/// <summary>
/// The SDK's overhead per call: create and get through <see cref="LemonDataVideoClient"/> against the same
/// requests sent by hand (<see cref="BaselineClient"/>), both over the in-memory <see cref="CannedApiHandler"/>.
/// Target: at most 1.10x the baseline's time and 1.25x its allocated bytes.
/// </summary>
[Config(typeof(MicroConfig))]
public class SdkOverheadBenchmarks
{
    private const string ApiKey = "sk-bench-0000000000000000000000000000";
    private const string TaskId = "task_01JBENCH0000000000000000";
    private const int WarmUpCalls = 30_000;
    private static readonly Uri Endpoint = new("https://api.lemondata.cc/");

    private HttpClient _http = null!;
    private LemonDataVideoClient _validating = null!;
    private LemonDataVideoClient _notValidating = null!;
    private BaselineClient _baseline = null!;
    private VideoGenerationRequest _request = null!;
    private RequestDto _baselineRequest = null!;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new CannedApiHandler());
        _validating = new LemonDataVideoClient(_http, new LemonDataVideoClientOptions { ApiKey = ApiKey, Endpoint = Endpoint, ValidateRequests = true });
        _notValidating = new LemonDataVideoClient(_http, new LemonDataVideoClientOptions { ApiKey = ApiKey, Endpoint = Endpoint, ValidateRequests = false });
        _baseline = new BaselineClient(_http, Endpoint, ApiKey);
        _request = new VideoGenerationRequest { Model = VideoModels.Sora2, Prompt = "A lemon rolling across a wooden table, morning light", Duration = 8, AspectRatio = "16:9" };
        _baselineRequest = new RequestDto { Model = "sora-2", Prompt = _request.Prompt, Duration = 8, AspectRatio = "16:9" };

        // Both sides share HttpClient and System.Text.Json code, which tiered compilation promotes only after a
        // while: without this, whichever benchmark runs first in the process pays for it (the baseline's create
        // measured 6-15 us in its first iterations, then 2 us). Everything is run until it is hot, for every case.
        for (var i = 0; i < WarmUpCalls; i++)
        {
            Create_HttpClientBaseline().GetAwaiter().GetResult();
            Create_Sdk_ValidationOn().GetAwaiter().GetResult();
            Create_Sdk_ValidationOff().GetAwaiter().GetResult();
            Get_HttpClientBaseline().GetAwaiter().GetResult();
            Get_Sdk_ValidationOn().GetAwaiter().GetResult();
            Get_Sdk_ValidationOff().GetAwaiter().GetResult();
        }

        // The warm-up created the task with these clients; each get case must read a task its client did not
        // create (as the baseline, which knows nothing of poll_url), so fresh clients are measured.
        _validating = new LemonDataVideoClient(_http, new LemonDataVideoClientOptions { ApiKey = ApiKey, Endpoint = Endpoint, ValidateRequests = true });
        _notValidating = new LemonDataVideoClient(_http, new LemonDataVideoClientOptions { ApiKey = ApiKey, Endpoint = Endpoint, ValidateRequests = false });
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    [Benchmark(Baseline = true), BenchmarkCategory("Create")]
    public async Task<string?> Create_HttpClientBaseline() => (await _baseline.CreateAsync(_baselineRequest).ConfigureAwait(false)).Id;

    [Benchmark, BenchmarkCategory("Create")]
    public async Task<string?> Create_Sdk_ValidationOn() => (await _validating.CreateVideoAsync(_request).ConfigureAwait(false)).Id;

    [Benchmark, BenchmarkCategory("Create")]
    public async Task<string?> Create_Sdk_ValidationOff() => (await _notValidating.CreateVideoAsync(_request).ConfigureAwait(false)).Id;

    [Benchmark(Baseline = true), BenchmarkCategory("Get")]
    public async Task<string?> Get_HttpClientBaseline() => (await _baseline.GetAsync(TaskId).ConfigureAwait(false)).Status;

    [Benchmark, BenchmarkCategory("Get")]
    public async Task<VideoTaskStatus> Get_Sdk_ValidationOn() => (await _validating.GetVideoTaskAsync(TaskId).ConfigureAwait(false)).Status;

    [Benchmark, BenchmarkCategory("Get")]
    public async Task<VideoTaskStatus> Get_Sdk_ValidationOff() => (await _notValidating.GetVideoTaskAsync(TaskId).ConfigureAwait(false)).Status;
}
