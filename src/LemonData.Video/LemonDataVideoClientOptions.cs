using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace LemonData.Video;

/// <summary>
/// How a <see cref="LemonDataVideoClient"/> talks to the service. The client copies these values when
/// it is created: changing the options afterwards does not affect it.
/// </summary>
public class LemonDataVideoClientOptions
{
    /// <summary>The service's default address.</summary>
    public static readonly Uri DefaultEndpoint = new("https://api.lemondata.cc");

    /// <summary>The environment variable read for the API key when none is given in code.</summary>
    public const string ApiKeyEnvironmentVariable = "LEMONDATA_API_KEY";

    /// <summary>The environment variable read for the endpoint when none is given in code.</summary>
    public const string EndpointEnvironmentVariable = "LEMONDATA_BASE_URL";

    private Uri? _endpoint;
    private string? _apiKey;
    private TimeSpan _pollInterval = TimeSpan.FromSeconds(5);
    private TimeSpan _maxPollInterval = TimeSpan.FromSeconds(30);
    private TimeSpan _waitTimeout = TimeSpan.FromMinutes(10);
    private int _maxRetries = 3;
    private TimeSpan _retryDelay = TimeSpan.FromSeconds(0.5);
    private TimeSpan _maxRetryDelay = TimeSpan.FromSeconds(60);
    private TimeSpan _attemptTimeout = TimeSpan.FromSeconds(100);
    private TimeProvider _timeProvider = TimeProvider.System;
    private ModelLookup _modelLookup = ModelLookup.MissingModels;
    private TimeSpan _modelLookupTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The service's address, for example <c>https://api.lemondata.cc</c> or a gateway with a path
    /// (<c>https://gw.example.com/lemondata</c>; the path is kept). Defaults to
    /// <c>LEMONDATA_BASE_URL</c> when set, else <see cref="DefaultEndpoint"/>.
    /// </summary>
    public Uri Endpoint
    {
        get => _endpoint ?? EndpointFromEnvironment() ?? DefaultEndpoint;
        set
        {
            if (value is null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            _ = new ApiEndpoint(value);
            _endpoint = value;
        }
    }

    /// <summary>
    /// The API key (<c>sk-...</c>) for the constructor that takes an <see cref="System.Net.Http.HttpClient"/>.
    /// Defaults to <c>LEMONDATA_API_KEY</c>.
    /// </summary>
    public string? ApiKey
    {
        get => _apiKey ?? ApiKeyFromEnvironment();
        set => _apiKey = value;
    }

    /// <summary>
    /// The first delay between polls (default 5 s), also waited before the first poll of a task this client has just
    /// created. Long tasks are polled less often, up to <see cref="MaxPollInterval"/>.
    /// </summary>
    public TimeSpan PollInterval
    {
        get => _pollInterval;
        set => _pollInterval = RequireNonNegative(value, nameof(PollInterval));
    }

    /// <summary>The longest delay between polls of a long task (default 30 s).</summary>
    public TimeSpan MaxPollInterval
    {
        get => _maxPollInterval;
        set => _maxPollInterval = RequireNonNegative(value, nameof(MaxPollInterval));
    }

    /// <summary>
    /// How long <see cref="LemonDataVideoClient.WaitForCompletionAsync(string, IProgress{VideoTask}?, CancellationToken)"/>
    /// waits before it throws a <see cref="TimeoutException"/> (default 10 min; <see cref="Timeout.InfiniteTimeSpan"/> for no limit).
    /// </summary>
    public TimeSpan WaitTimeout
    {
        get => _waitTimeout;
        set => _waitTimeout = RequirePositiveOrInfinite(value, nameof(WaitTimeout));
    }

    /// <summary>
    /// How many times a failed read (GET) is retried (default 3). A create is retried only when the
    /// service refused it (429) or it never left the machine: a second create is a second paid video.
    /// </summary>
    public int MaxRetries
    {
        get => _maxRetries;
        set => _maxRetries = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxRetries), value, "MaxRetries must be 0 or more.");
    }

    /// <summary>The first delay before a retry (default 0.5 s), doubled at each retry, with jitter. <c>Retry-After</c> overrides it.</summary>
    public TimeSpan RetryDelay
    {
        get => _retryDelay;
        set => _retryDelay = RequireNonNegative(value, nameof(RetryDelay));
    }

    /// <summary>
    /// The longest delay before a retry (default 60 s). When the service asks to wait longer
    /// (<c>Retry-After</c>), the SDK does not retry: the call fails at once, the exception carries the wait
    /// (<see cref="LemonDataApiException.RetryAfter"/>), and its message says that the wait is over this cap, so
    /// raise it to let the SDK wait, or retry after that long yourself.
    /// </summary>
    public TimeSpan MaxRetryDelay
    {
        get => _maxRetryDelay;
        set => _maxRetryDelay = RequireNonNegative(value, nameof(MaxRetryDelay));
    }

    /// <summary>
    /// How long one attempt of one request may take before it counts as failed (default 100 s). A download's body may
    /// take longer, but a read of it that receives nothing for this long counts as a cut, and the download continues.
    /// </summary>
    public TimeSpan AttemptTimeout
    {
        get => _attemptTimeout;
        set => _attemptTimeout = RequirePositiveOrInfinite(value, nameof(AttemptTimeout));
    }

    /// <summary>
    /// Whether a plain <c>http://</c> endpoint that is not on this machine may be used (default false). The API
    /// key travels in every request: over plain HTTP anyone on the path can read it. Loopback addresses
    /// (a local simulator or proxy) are always allowed.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Whether requests are checked against the catalog and the API's limits before they are sent (default true).</summary>
    public bool ValidateRequests { get; set; } = true;

    /// <summary>The clock used for polling, retries and timeouts; tests pass a fake one to move time without sleeping.</summary>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        set => _timeProvider = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// Models newer than this SDK version, with what they can do: the client's validation accepts them (no LDV0001) and
    /// checks them by their capabilities, as the analyzer does for the same models declared in <c>.editorconfig</c>
    /// (<c>lemondata_video.extra_models</c>). A model of the catalog listed here keeps the catalog's description.
    /// </summary>
    /// <example><c>options.AdditionalModels.Add(new VideoModelInfo("acme-video-2", VideoCapabilities.TextToVideo | VideoCapabilities.ImageToVideo));</c></example>
    public IList<VideoModelInfo> AdditionalModels { get; } = new List<VideoModelInfo>();

    /// <summary>
    /// The models requests are checked against (default <see langword="null"/>: <see cref="VideoModelCatalog.Snapshot"/>, the
    /// models this SDK was built with). Give a newer list, for example <c>VideoModelCatalog.Load("lemondata-models.json")</c>
    /// (written by <c>lemondata-video models sync</c>, and read by the analyzer too), so that compile time and run time agree.
    /// A model whose lists it gives is checked by them and never looked up.
    /// </summary>
    public VideoModelCatalog? ModelCatalog { get; set; }

    /// <summary>
    /// When the client asks the service about a request's model before validating it (default
    /// <see cref="LemonData.Video.ModelLookup.MissingModels"/>: a model missing from <see cref="ModelCatalog"/> and
    /// <see cref="AdditionalModels"/> is looked up once, and LDV0001 is raised only when the service does not know it either;
    /// then the service's lists apply). One lookup per model is in flight at a time, shared by every create waiting for it.
    /// An answer is kept for the life of the client, a 404 for ten minutes. A lookup that fails or takes longer than
    /// <see cref="ModelLookupTimeout"/> never blocks a create: it is sent checked by the API's limits only, with a warning
    /// in the log, and the model is looked up again a minute later. Nothing is looked up when <see cref="ValidateRequests"/>
    /// is off.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not one of <see cref="LemonData.Video.ModelLookup"/>.</exception>
    public ModelLookup ModelLookup
    {
        get => _modelLookup;
        set => _modelLookup = value is ModelLookup.MissingModels or ModelLookup.AllModels or ModelLookup.None
            ? value
            : throw new ArgumentOutOfRangeException(nameof(ModelLookup), value, "ModelLookup must be MissingModels, AllModels or None.");
    }

    /// <summary>
    /// How long a create waits for the lookup of its model (<see cref="ModelLookup"/>) before it is sent without it, checked by
    /// the API's limits only (default 5 s; <see cref="Timeout.InfiniteTimeSpan"/> to always wait for the answer).
    /// </summary>
    public TimeSpan ModelLookupTimeout
    {
        get => _modelLookupTimeout;
        set => _modelLookupTimeout = RequirePositiveOrInfinite(value, nameof(ModelLookupTimeout));
    }

    /// <summary>
    /// Where the client logs each request, retry and poll (with the next delay), at Debug and Information,
    /// and failures at Warning. <see langword="null"/> (the default) logs nothing; <c>AddLemonDataVideoClient</c>
    /// sets the container's factory. The API key is never logged; the prompt only with <see cref="IncludePromptInTelemetry"/>.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Whether the prompt text goes into log messages and the <c>LemonData.Video</c> activity's tags (default false).
    /// Prompts can hold personal data, so they stay out of telemetry unless asked for.
    /// </summary>
    public bool IncludePromptInTelemetry { get; set; }

    internal bool EndpointIsSetInCode => _endpoint is not null;

    internal string? ApiKeySetInCode => string.IsNullOrWhiteSpace(_apiKey) ? null : _apiKey!.Trim();

    internal Uri? EndpointFromEnvironmentOrNull() => EndpointFromEnvironment();

    private static Uri? EndpointFromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(EndpointEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException(
                EndpointEnvironmentVariable + " must be an absolute http or https address, for example https://api.lemondata.cc; it is '" + SecretRedactor.Redact(value, null) + "'.");
        }

        return uri;
    }

    private static string? ApiKeyFromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(ApiKeyEnvironmentVariable);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static TimeSpan RequireNonNegative(TimeSpan value, string name) =>
        value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(name, value, name + " must not be negative.");

    private static TimeSpan RequirePositiveOrInfinite(TimeSpan value, string name) =>
        value > TimeSpan.Zero || value == Timeout.InfiniteTimeSpan
            ? value
            : throw new ArgumentOutOfRangeException(name, value, name + " must be positive, or Timeout.InfiniteTimeSpan.");
}
