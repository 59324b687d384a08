using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LemonData.Video;

/// <summary>
/// The client of LemonData's video generation API: submit a job, wait for it, download the video.
/// Thread-safe: create one and share it. Methods are virtual so that tests can mock them.
/// </summary>
/// <remarks>
/// Every video costs credit, so the client never sends a create twice unless the service provably
/// did not act on it (a 429, or a connection never made), and every failure after a task exists
/// carries its id (in the message, and from <see cref="VideoTaskExceptionExtensions.GetVideoTaskId"/>) so it can be resumed with
/// <see cref="WaitForCompletionAsync(string, IProgress{VideoTask}?, CancellationToken)"/>.
/// </remarks>
public class LemonDataVideoClient
{
    private const string VideoModelsCategory = "video";

    // A list of every model of the service (one that ignores the category filter) is far larger than a task.
    private const int MaxModelListBytes = 16 * ApiRequestSender.MaxJsonBodyBytes;

    private static readonly BodyParser<IReadOnlyList<VideoModelInfo>> ModelListParser = static (body, _, _) => VideoModelMapper.ParseList(body);

    // Two shared clients, because they treat redirects differently. The API's requests carry the key and are never
    // redirected off the service's origin: the SDK sees each redirect and decides (ApiRequestSender). Downloads follow
    // the CDN's redirects, and carry no key anywhere.
    private static readonly Lazy<HttpClient> SharedApiHttpClient = new(() => CreateSharedHttpClient(followRedirects: false), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<HttpClient> SharedHttpClient = new(() => CreateSharedHttpClient(followRedirects: true), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ApiEndpoint _endpoint = null!;
    private readonly ApiRequestSender _sender = null!;
    private readonly TaskReader _taskReader = null!;
    private readonly TaskPoller _poller = null!;
    private readonly VideoDownloader _downloader = null!;
    private readonly CreatedTasks _createdTasks = new();
    private readonly Uri _createUri = null!;
    private readonly TimeProvider _timeProvider = null!;
    private readonly bool _validateRequests;
    private readonly ILogger _logger = NullLogger.Instance;
    private readonly bool _includePrompt;
    private readonly ModelFacts _modelFacts = ModelFacts.Snapshot;
    private readonly ModelLookupPolicy? _lookupPolicy;
    private readonly ServiceModelLookup? _modelLookup;
    private readonly Uri _listVideoModelsUri = null!;

    /// <summary>Creates a client with default options; <paramref name="apiKey"/> falls back to <c>LEMONDATA_API_KEY</c> when null or empty.</summary>
    /// <param name="apiKey">The API key, <c>sk-...</c>.</param>
    public LemonDataVideoClient(string apiKey)
        : this(apiKey, new LemonDataVideoClientOptions())
    {
    }

    /// <summary>Creates a client; <paramref name="apiKey"/> falls back to <see cref="LemonDataVideoClientOptions.ApiKey"/>, then <c>LEMONDATA_API_KEY</c>.</summary>
    /// <param name="apiKey">The API key, <c>sk-...</c>.</param>
    /// <param name="options">Endpoint, polling, retries and validation.</param>
    public LemonDataVideoClient(string apiKey, LemonDataVideoClientOptions options)
        : this(SharedApiHttpClient.Value, options ?? throw new ArgumentNullException(nameof(options)), RequireApiKey(apiKey, options), ownsHttpClient: true)
    {
    }

    /// <summary>
    /// Creates a client on the caller's <see cref="HttpClient"/> (for example from <c>IHttpClientFactory</c>).
    /// The caller owns it; the client never changes its defaults. The key is
    /// <see cref="LemonDataVideoClientOptions.ApiKey"/> when set in code; else, when the client already
    /// sends its own <c>Authorization</c> header, none; else <c>LEMONDATA_API_KEY</c>. The endpoint is
    /// <see cref="LemonDataVideoClientOptions.Endpoint"/> when set in code, else the client's
    /// <see cref="HttpClient.BaseAddress"/>, else <c>LEMONDATA_BASE_URL</c> or the default.
    /// </summary>
    /// <param name="httpClient">The HTTP client to send requests with.</param>
    /// <param name="options">Key, endpoint, polling, retries and validation.</param>
    public LemonDataVideoClient(HttpClient httpClient, LemonDataVideoClientOptions options)
        : this(
            httpClient ?? throw new ArgumentNullException(nameof(httpClient)),
            options ?? throw new ArgumentNullException(nameof(options)),
            ApiKeyForCallersClient(httpClient, options),
            ownsHttpClient: false)
    {
    }

    /// <summary>For mocking frameworks only: a client made this way cannot send requests.</summary>
    protected LemonDataVideoClient()
    {
    }

    private LemonDataVideoClient(HttpClient httpClient, LemonDataVideoClientOptions options, string? apiKey, bool ownsHttpClient)
    {
        var endpoint = options.EndpointIsSetInCode || ownsHttpClient || httpClient.BaseAddress is null
            ? options.Endpoint
            : httpClient.BaseAddress;
        _endpoint = new ApiEndpoint(endpoint);
        _endpoint.RequireSecureTransport(options.AllowInsecureHttp);
        _createUri = _endpoint.ResolveApiPath(LemonDataVideoOperations.CreateVideoGeneration.Path());
        _validateRequests = options.ValidateRequests;
        _includePrompt = options.IncludePromptInTelemetry;
        _listVideoModelsUri = _endpoint.ResolveApiPath(LemonDataVideoOperations.ListModels.Path() + "?category=" + VideoModelsCategory);
        var catalog = options.ModelCatalog ?? VideoModelCatalog.Snapshot;
        var declaredModels = DeclaredModels(options, catalog);
        _modelFacts = declaredModels is null && ReferenceEquals(catalog, VideoModelCatalog.Snapshot) ? ModelFacts.Snapshot : new ModelFacts(catalog, declaredModels);

        // One category for the whole SDK: "LemonData.Video" is what users filter on.
        _logger = options.LoggerFactory?.CreateLogger(VideoActivities.SourceName) ?? NullLogger.Instance;
        var timeProvider = options.TimeProvider;
        _timeProvider = timeProvider;
        var retryPolicy = new RetryPolicy(options.MaxRetries, options.RetryDelay, options.MaxRetryDelay);
        _sender = new ApiRequestSender(httpClient, apiKey, retryPolicy, options.AttemptTimeout, timeProvider, _logger);
        _taskReader = new TaskReader(_sender);
        _poller = new TaskPoller(_taskReader, _endpoint, timeProvider, options.PollInterval, options.MaxPollInterval, options.WaitTimeout, _logger);
        if (_validateRequests && options.ModelLookup != ModelLookup.None)
        {
            _lookupPolicy = new ModelLookupPolicy(options.ModelLookup, catalog, declaredModels);
            _modelLookup = new ServiceModelLookup(this, _modelFacts, options.ModelLookupTimeout, timeProvider, _logger);
        }

        // A caller's client that carries its own Authorization default would send the key to the
        // video's host: downloads then go through the SDK's own client, which has no defaults (and,
        // unlike the SDK's client for the API, follows a CDN's redirects).
        var downloadClient = !ownsHttpClient && httpClient.DefaultRequestHeaders.Authorization is null ? httpClient : SharedHttpClient.Value;
        _downloader = new VideoDownloader(downloadClient, _endpoint, retryPolicy, timeProvider, options.AttemptTimeout, apiKey, _logger);
    }

    /// <summary>The address requests go to (always ending with '/').</summary>
    public virtual Uri Endpoint => _endpoint.BaseAddress;

    /// <summary>
    /// Submits a video generation job and returns the task at once (usually <c>pending</c>). Store its
    /// <see cref="VideoTask.Id"/>: it is how the paid job is found again. Sent exactly once, unless
    /// the service refused it (429) or no connection could be made.
    /// </summary>
    /// <param name="request">
    /// The job. Checked first when <see cref="LemonDataVideoClientOptions.ValidateRequests"/> is on, against
    /// <see cref="LemonDataVideoClientOptions.ModelCatalog"/>; a model the catalog lacks is first looked up on the service
    /// (<see cref="LemonDataVideoClientOptions.ModelLookup"/>, at most <see cref="LemonDataVideoClientOptions.ModelLookupTimeout"/>).
    /// </param>
    /// <param name="cancellationToken">Cancels the call. A create cancelled after it was sent may still have made a task.</param>
    /// <exception cref="VideoRequestValidationException">The request breaks a rule (LDV0001: neither the catalog nor the service knows the model); nothing was sent.</exception>
    /// <exception cref="LemonDataApiException">
    /// The service refused the job (400, 401, 402, 403, 404, 409, 413, 422, 429: nothing was created), or the outcome is
    /// unknown (<see cref="LemonDataApiException.TaskMayExist"/>: a 5xx, a 408, a redirect, an undocumented status, a lost or
    /// unreadable answer): the task may exist and be charged, with its <see cref="LemonDataApiException.TaskId"/> when the answer named it.
    /// </exception>
    public virtual async Task<VideoTask> CreateVideoAsync(VideoGenerationRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (_validateRequests)
        {
            // A model the catalog describes (nearly every request) is judged at once, at no cost; only another one waits for the service.
            var facts = _modelFacts;
            if (_lookupPolicy?.IdToLookUp(request.Model) is { } lookupId)
            {
                facts = await _modelLookup!.FactsForAsync(lookupId, cancellationToken).ConfigureAwait(false);
            }

            VideoRequestValidator.ThrowIfInvalid(request, facts);
        }

        var model = request.Model ?? VideoModels.Default;
        using var activity = VideoActivities.Start(VideoActivities.CreateVideo);
        activity?.SetTag(VideoActivities.ModelTag, model);
        if (_includePrompt)
        {
            activity?.SetTag(VideoActivities.PromptTag, request.Prompt);
            Log.CreatingVideoWithPrompt(_logger, model, request.Prompt);
        }

        try
        {
            var call = new ApiCall(LemonDataVideoOperations.CreateVideoGeneration, _createUri, "creating a video with model", model)
            {
                JsonBody = JsonSerializer.SerializeToUtf8Bytes(request, LemonDataJsonContext.Default.VideoGenerationRequest),
            };
            var response = await _sender.SendAsync(call, TaskReader.Parser, cancellationToken).ConfigureAwait(false);
            var task = response.Value;
            _createdTasks.Remember(task.Id, task.PollUrl, _timeProvider.GetTimestamp(), response.RetryAfter);
            activity.Describe(task);
            Log.TaskCreated(_logger, task.Id, task.Model ?? model, task.Status.ToString());
            return task;
        }
        catch (Exception exception) when (activity.Failed(exception))
        {
            throw;
        }
    }

    /// <summary>Reads a task's current state once.</summary>
    /// <param name="taskId">The task id.</param>
    /// <param name="cancellationToken">Cancels the call (not the job).</param>
    /// <exception cref="LemonDataApiException">
    /// The task is unknown (404), the service failed, or the read was redirected to another origin than
    /// <see cref="Endpoint"/> (not followed; the message says where).
    /// </exception>
    public virtual async Task<VideoTask> GetVideoTaskAsync(string taskId, CancellationToken cancellationToken = default)
    {
        RequireTaskId(taskId);
        using var activity = VideoActivities.Start(VideoActivities.GetVideoTask, taskId);
        try
        {
            var route = _taskReader.RouteFor(_endpoint, taskId, _createdTasks.FindPollUri(taskId, _endpoint));
            var response = await _taskReader.ReadAsync(route, cancellationToken).ConfigureAwait(false);
            activity.Describe(response.Value);
            return response.Value;
        }
        catch (Exception exception) when (activity.Failed(exception))
        {
            throw;
        }
    }

    /// <summary>
    /// Waits until a task completes: polls it (at <see cref="LemonDataVideoClientOptions.PollInterval"/>, slower for long
    /// tasks, as the service's <c>Retry-After</c> asks) and reports every state seen to <paramref name="progress"/>.
    /// Works for any task id, including one stored before a crash.
    /// </summary>
    /// <param name="taskId">The task id.</param>
    /// <param name="progress">Receives every state seen.</param>
    /// <param name="cancellationToken">Stops waiting. The job keeps running on the service.</param>
    /// <returns>The completed task, with <see cref="VideoTask.VideoUrl"/>.</returns>
    /// <exception cref="VideoGenerationFailedException">The task failed or was cancelled.</exception>
    /// <exception cref="TimeoutException"><see cref="LemonDataVideoClientOptions.WaitTimeout"/> passed; the message and <see cref="VideoTaskExceptionExtensions.GetVideoTaskId"/> give the task id.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; the task id is in the message and <see cref="VideoTaskExceptionExtensions.GetVideoTaskId"/>.</exception>
    public virtual Task<VideoTask> WaitForCompletionAsync(string taskId, IProgress<VideoTask>? progress = null, CancellationToken cancellationToken = default)
    {
        RequireTaskId(taskId);
        // A resumed wait: the first poll goes out at once.
        return _poller.WaitAsync(taskId, _createdTasks.FindPollUri(taskId, _endpoint), TimeSpan.Zero, progress, cancellationToken);
    }

    /// <summary>
    /// Waits until a task completes, polling its <see cref="VideoTask.PollUrl"/> when it has one. A task
    /// that has already ended is returned (or, failed, thrown) without a request. A task this client has just
    /// created is first polled one <see cref="LemonDataVideoClientOptions.PollInterval"/> after the create was
    /// answered (or after the create answer's <c>Retry-After</c>, when longer), as the service advises; any
    /// other task is polled at once.
    /// </summary>
    /// <param name="task">A task from <see cref="CreateVideoAsync"/> or <see cref="GetVideoTaskAsync"/>.</param>
    /// <param name="progress">Receives every state seen.</param>
    /// <param name="cancellationToken">Stops waiting. The job keeps running on the service.</param>
    public virtual Task<VideoTask> WaitForCompletionAsync(VideoTask task, IProgress<VideoTask>? progress = null, CancellationToken cancellationToken = default)
    {
        if (task is null)
        {
            throw new ArgumentNullException(nameof(task));
        }

        if (task.Status == VideoTaskStatus.Completed)
        {
            return Task.FromResult(task);
        }

        if (task.Status == VideoTaskStatus.Failed)
        {
            throw new VideoGenerationFailedException(task);
        }

        return _poller.WaitAsync(task.Id, PollUriFor(task), FirstPollDelayFor(task), progress, cancellationToken);
    }

    /// <summary>
    /// Watches a task: polls it as <see cref="WaitForCompletionAsync(string, IProgress{VideoTask}?, CancellationToken)"/> does
    /// (the same schedule, retries, <c>poll_url</c> and <see cref="LemonDataVideoClientOptions.WaitTimeout"/>) and yields each
    /// change of it, its status or its progress, once, in order, until it ends. The terminal state is the last item, and a
    /// failed or cancelled task is yielded, not thrown: check <see cref="VideoTask.Status"/> (or <see cref="VideoTask.IsTerminal"/>)
    /// of the last item. A poll that shows nothing new is not yielded. Works for any task id (the first poll goes out at once).
    /// </summary>
    /// <example>
    /// <code>
    /// await foreach (var state in client.WatchVideoTaskAsync(taskId, cancellationToken))
    /// {
    ///     Console.WriteLine($"{state.Status} {state.Progress}%");
    /// }
    /// </code>
    /// </example>
    /// <param name="taskId">The task id.</param>
    /// <param name="cancellationToken">
    /// Stops watching (so does a token given to <c>WithCancellation</c>, or leaving the loop). The job keeps running on the service.
    /// </param>
    /// <returns>The task's states, each one different from the one before, the terminal one last.</returns>
    /// <exception cref="TimeoutException">While enumerating: <see cref="LemonDataVideoClientOptions.WaitTimeout"/> passed; the task id is in the message and <see cref="VideoTaskExceptionExtensions.GetVideoTaskId"/>.</exception>
    /// <exception cref="OperationCanceledException">While enumerating: the token was cancelled; the task id is in the message and <see cref="VideoTaskExceptionExtensions.GetVideoTaskId"/>.</exception>
    /// <exception cref="LemonDataApiException">While enumerating: a poll failed past its retries (for example 404, an unknown task).</exception>
    public virtual IAsyncEnumerable<VideoTask> WatchVideoTaskAsync(string taskId, CancellationToken cancellationToken = default)
    {
        RequireTaskId(taskId);
        return _poller.WatchAsync(taskId, _createdTasks.FindPollUri(taskId, _endpoint), TimeSpan.Zero, known: null, cancellationToken);
    }

    /// <summary>
    /// Watches a task from the state the caller has: yields <paramref name="task"/> first, then each change as
    /// <see cref="WatchVideoTaskAsync(string, CancellationToken)"/> does. A task that has already ended is the only item, without a
    /// request. A task this client has just created is first polled one <see cref="LemonDataVideoClientOptions.PollInterval"/>
    /// after the create was answered (or after its <c>Retry-After</c>), as in
    /// <see cref="WaitForCompletionAsync(VideoTask, IProgress{VideoTask}?, CancellationToken)"/>; any other task at once.
    /// </summary>
    /// <param name="task">A task from <see cref="CreateVideoAsync"/> or <see cref="GetVideoTaskAsync"/>.</param>
    /// <param name="cancellationToken">Stops watching. The job keeps running on the service.</param>
    /// <returns><paramref name="task"/>, then the task's later states, each one different from the one before, the terminal one last.</returns>
    public virtual IAsyncEnumerable<VideoTask> WatchVideoTaskAsync(VideoTask task, CancellationToken cancellationToken = default)
    {
        if (task is null)
        {
            throw new ArgumentNullException(nameof(task));
        }

        return task.IsTerminal
            ? _poller.WatchAsync(task.Id, pollUri: null, TimeSpan.Zero, task, cancellationToken)
            : _poller.WatchAsync(task.Id, PollUriFor(task), FirstPollDelayFor(task), task, cancellationToken);
    }

    private Uri? PollUriFor(VideoTask task) =>
        task.PollUrl is { } pollUrl
            ? (_endpoint.TryResolvePollUrl(pollUrl, out var resolved) ? resolved : null)
            : _createdTasks.FindPollUri(task.Id, _endpoint);

    // A task this client has just created waits for the service to move it; any other is polled at once.
    private TimeSpan FirstPollDelayFor(VideoTask task) =>
        _createdTasks.TryFind(task.Id, out var created) ? _poller.FirstPollDelay(created) : TimeSpan.Zero;

    /// <summary>
    /// Submits a job and waits for its video: <see cref="CreateVideoAsync"/> then
    /// <see cref="WaitForCompletionAsync(VideoTask, IProgress{VideoTask}?, CancellationToken)"/>. The created task
    /// is reported to <paramref name="progress"/> first, so its id is known before any wait.
    /// </summary>
    /// <param name="request">The job.</param>
    /// <param name="progress">Receives the created task, then every state seen.</param>
    /// <param name="cancellationToken">Stops the call; once the job is created, it keeps running on the service.</param>
    /// <returns>The completed task, with <see cref="VideoTask.VideoUrl"/>.</returns>
    public virtual async Task<VideoTask> GenerateVideoAsync(VideoGenerationRequest request, IProgress<VideoTask>? progress = null, CancellationToken cancellationToken = default)
    {
        using var activity = VideoActivities.Start(VideoActivities.GenerateVideo);
        try
        {
            var done = await CreateThenWaitAsync(request, progress, activity, cancellationToken).ConfigureAwait(false);
            activity.Describe(done);
            return done;
        }
        catch (Exception exception) when (activity.Failed(exception))
        {
            throw;
        }
    }

    private async Task<VideoTask> CreateThenWaitAsync(VideoGenerationRequest request, IProgress<VideoTask>? progress, Activity? activity, CancellationToken cancellationToken)
    {
        var created = await CreateVideoAsync(request, cancellationToken).ConfigureAwait(false);
        activity?.SetTag(VideoActivities.TaskIdTag, created.Id);
        progress?.Report(created);
        if (created.Status == VideoTaskStatus.Completed)
        {
            return created;
        }

        if (created.Status == VideoTaskStatus.Failed)
        {
            throw new VideoGenerationFailedException(created);
        }

        // Just created: the first poll waits one interval (or the create answer's Retry-After). A CreateVideoAsync
        // overridden by a subclass leaves no record here, and then the wait is one interval from now.
        var pollUri = _endpoint.TryResolvePollUrl(created.PollUrl, out var resolved) ? resolved : null;
        var firstDelay = _createdTasks.TryFind(created.Id, out var known) ? _poller.FirstPollDelay(known) : _poller.PollInterval;
        return await _poller.WaitAsync(created.Id, pollUri, firstDelay, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams a completed task's video (the first of <see cref="VideoTask.Videos"/>, at <see cref="VideoTask.VideoUrl"/>) into
    /// <paramref name="destination"/> without holding it in memory. The video's host never receives the API key. A task
    /// with several videos: <see cref="DownloadVideoAsync(VideoTask, int, Stream, CancellationToken)"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A download cut off mid-body (a reset or closed connection, a body shorter than its <c>Content-Length</c>, or a
    /// read that receives nothing for <see cref="LemonDataVideoClientOptions.AttemptTimeout"/>) continues from the
    /// bytes already written: a <c>Range: bytes=N-</c> request with <c>If-Range</c> (the file's <c>ETag</c>, else its
    /// <c>Last-Modified</c>), and only a <c>206</c> whose <c>Content-Range</c> starts at exactly N, for a file of the
    /// same length and validator, is appended. Every request after the first, a continuation included, is a retry: at
    /// most <see cref="LemonDataVideoClientOptions.MaxRetries"/> per download, with the backoff and jitter of any read.
    /// </para>
    /// <para>
    /// When the file cannot be continued (the host ignores <c>Range</c> and sends the whole file again, the file changed,
    /// a <c>416</c> or a <c>206</c> at another offset, or a host that gives no strong <c>ETag</c>, <c>Last-Modified</c> or
    /// length), a destination that can seek (<see cref="Stream.CanSeek"/>, a <see cref="FileStream"/>) is rewound to
    /// where it stood when the download began, cut there, and the file starts over; two files are never stitched. A
    /// destination that cannot seek keeps the bytes written and the call fails with
    /// <see cref="LemonDataApiException"/> saying how many: download again into a file or a seekable stream.
    /// </para>
    /// </remarks>
    /// <param name="task">A completed task (it has <see cref="VideoTask.VideoUrl"/>).</param>
    /// <param name="destination">Where to write the video; left open. A seekable one can be rewound and written again from where it stood.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <exception cref="InvalidOperationException">The task has no video URL yet.</exception>
    /// <exception cref="LemonDataApiException">
    /// The video host failed, or the download broke off and could not be continued or started over within
    /// <see cref="LemonDataVideoClientOptions.MaxRetries"/>; the message gives the bytes written. An exception of
    /// <paramref name="destination"/> itself (a full disk) is not retried and reaches the caller as it was thrown.
    /// </exception>
    public virtual Task DownloadVideoAsync(VideoTask task, Stream destination, CancellationToken cancellationToken = default)
    {
        if (task is null)
        {
            throw new ArgumentNullException(nameof(task));
        }

        RequireWritable(destination);
        return DownloadTracedAsync(task, destination, cancellationToken);
    }

    /// <summary>
    /// Streams one of a completed task's videos (<see cref="VideoTask.Videos"/>) into <paramref name="destination"/>, as
    /// <see cref="DownloadVideoAsync(VideoTask, Stream, CancellationToken)"/> does the first.
    /// </summary>
    /// <param name="task">A completed task.</param>
    /// <param name="outputIndex">Which of <see cref="VideoTask.Videos"/>: 0 for the first (<see cref="VideoTask.VideoUrl"/>).</param>
    /// <param name="destination">Where to write the video; left open.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outputIndex"/> is not an index of <see cref="VideoTask.Videos"/> (the message gives their count).</exception>
    /// <exception cref="InvalidOperationException">The task has no video yet.</exception>
    /// <exception cref="LemonDataApiException">The video host failed or the download broke off.</exception>
    public virtual Task DownloadVideoAsync(VideoTask task, int outputIndex, Stream destination, CancellationToken cancellationToken = default)
    {
        if (task is null)
        {
            throw new ArgumentNullException(nameof(task));
        }

        RequireWritable(destination);
        var outputs = task.Videos;
        if (outputs.Count == 0)
        {
            // As the first-video overload does: the task has no video yet.
            return DownloadTracedAsync(task, destination, cancellationToken);
        }

        if (outputIndex < 0 || outputIndex >= outputs.Count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(outputIndex),
                outputIndex,
                "Task '" + task.Id + "' has " + outputs.Count + (outputs.Count == 1 ? " video" : " videos")
                + ": the output index must be " + (outputs.Count == 1 ? "0." : "0 to " + (outputs.Count - 1) + "."));
        }

        return DownloadTracedAsync(Carrying(task.Id, task.Status, task.Model, outputs[outputIndex]), destination, cancellationToken);
    }

    /// <summary>
    /// Streams one video of a task (an item of <see cref="VideoTask.Videos"/>) into <paramref name="destination"/>, without
    /// holding it in memory and without sending the API key to the video's host.
    /// </summary>
    /// <param name="output">An output of a completed task; one made by hand needs <see cref="VideoOutput.TaskId"/>.</param>
    /// <param name="destination">Where to write the video; left open.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <exception cref="ArgumentException"><paramref name="output"/> names no task.</exception>
    /// <exception cref="LemonDataApiException">The video host failed or the download broke off.</exception>
    public virtual Task DownloadVideoAsync(VideoOutput output, Stream destination, CancellationToken cancellationToken = default)
    {
        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }

        RequireWritable(destination);
        if (string.IsNullOrWhiteSpace(output.TaskId))
        {
            // Its errors and traces name the task, and say how to resume it: a download needs one.
            throw new ArgumentException(
                "The video output '" + output.Url + "' names no task: take it from VideoTask.Videos, or set VideoOutput.TaskId.",
                nameof(output));
        }

        return DownloadTracedAsync(Carrying(output.TaskId!, VideoTaskStatus.Completed, model: null, output), destination, cancellationToken);
    }

    // The downloader fetches a task's VideoUrl: a stand-in task of the same id carries the chosen output's URL to it.
    private static VideoTask Carrying(string taskId, VideoTaskStatus status, string? model, VideoOutput output) =>
        new(taskId, status) { Model = model, VideoUrl = output.Url };

    private static void RequireWritable(Stream destination)
    {
        if (destination is null)
        {
            throw new ArgumentNullException(nameof(destination));
        }

        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream must be writable.", nameof(destination));
        }
    }

    private async Task DownloadTracedAsync(VideoTask task, Stream destination, CancellationToken cancellationToken)
    {
        using var activity = VideoActivities.Start(VideoActivities.DownloadVideo, task.Id);
        try
        {
            await _downloader.DownloadAsync(task, destination, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (activity.Failed(exception))
        {
            throw;
        }
    }

    /// <summary>
    /// Asks the service to cancel a queued task (generation C; only queued tasks of a few Seedance
    /// models can be cancelled). The cancelled task reads <c>failed</c> with <see cref="VideoTask.IsCancelled"/>.
    /// </summary>
    /// <param name="taskId">The task id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LemonDataApiException">400 <c>unsupported_task_cancel</c>, 409 <c>task_not_cancellable</c>, 404, ...</exception>
    public virtual async Task<VideoTask> CancelVideoTaskAsync(string taskId, CancellationToken cancellationToken = default)
    {
        RequireTaskId(taskId);
        var operation = LemonDataVideoOperations.CancelTask;
        var call = new ApiCall(operation, _endpoint.ResolveApiPath(operation.PathFor(taskId)), "cancelling task", taskId) { TaskId = taskId };
        using var activity = VideoActivities.Start(VideoActivities.CancelVideoTask, taskId);
        try
        {
            var response = await _sender.SendAsync(call, TaskReader.Parser, cancellationToken).ConfigureAwait(false);
            activity.Describe(response.Value);
            return response.Value;
        }
        catch (Exception exception) when (activity.Failed(exception))
        {
            throw;
        }
    }

    /// <summary>
    /// Lists the service's video models (<c>GET /v1/models?category=video</c>), each with what the service says of it:
    /// its operations, the capabilities they mean, and its lists where the list gives them (the detail of one model,
    /// <see cref="GetVideoModelAsync"/>, gives its full request contract). Read with the same retries as every read.
    /// To check requests against it, pass the list to <see cref="VideoModelCatalog.Create"/> and set
    /// <see cref="LemonDataVideoClientOptions.ModelCatalog"/>.
    /// </summary>
    /// <remarks>
    /// How an entry of the service becomes a <see cref="VideoModelInfo"/>:
    /// <list type="table">
    /// <listheader><term><see cref="VideoModelInfo"/></term><description>from the service's entry</description></listheader>
    /// <item><term><see cref="VideoModelInfo.Id"/></term><description><c>id</c></description></item>
    /// <item><term><see cref="VideoModelInfo.Provider"/></term><description><c>owned_by</c>; else the snapshot's provider of the same id; else <c>unknown</c></description></item>
    /// <item><term><see cref="VideoModelInfo.Operations"/></term><description><c>supported_operations</c></description></item>
    /// <item><term><see cref="VideoModelInfo.Capabilities"/></term><description>what the operations mean (<see cref="VideoOperations"/>: <c>text-to-video</c>, <c>image-to-video</c>, <c>start-end-to-video</c> for keyframes, <c>video-extension</c>, <c>video-to-video</c> for edit, <c>video-effects</c>); when the service gives no operations, the snapshot's capabilities of the same id</description></item>
    /// <item><term><see cref="VideoModelInfo.Durations"/></term><description><c>durations</c> (numbers, or strings such as <c>"5"</c> and <c>"5s"</c>)</description></item>
    /// <item><term><see cref="VideoModelInfo.Resolutions"/></term><description><c>resolutions</c></description></item>
    /// <item><term><see cref="VideoModelInfo.AspectRatios"/></term><description><c>aspect_ratios</c></description></item>
    /// <item><term><see cref="VideoModelInfo.SupportedParameters"/></term><description><c>supported_parameters</c></description></item>
    /// <item><term><see cref="VideoModelInfo.Family"/>, <see cref="VideoModelInfo.FixedDurationSeconds"/>, <see cref="VideoModelInfo.Note"/></term><description>the snapshot's entry of the same id (family: the id when there is none; fixed length only when the service gives no durations)</description></item>
    /// </list>
    /// Each list is read from the first place of the entry that has it: the contract object
    /// (<c>tokenlab.request_format_details</c>, <c>tokenlab.public_contract</c>, <c>lemondata.request_format_details</c>,
    /// <c>lemondata.public_contract</c>), then the vendor object (<c>tokenlab</c>, <c>lemondata</c>), then the top level.
    /// A list found nowhere, empty, or holding a value that cannot be read is <see langword="null"/>: unknown, so no rule is
    /// checked against it. Only entries whose vendor <c>category</c> is <c>video</c> (or absent) are listed; an entry that
    /// cannot be read is skipped.
    /// </remarks>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The video models, in the service's order.</returns>
    /// <exception cref="LemonDataApiException">The service failed or refused (a service of generation A has no <c>/v1/models</c>: 404).</exception>
    public virtual async Task<IReadOnlyList<VideoModelInfo>> ListVideoModelsAsync(CancellationToken cancellationToken = default)
    {
        var call = new ApiCall(LemonDataVideoOperations.ListModels, _listVideoModelsUri, "listing the models of category", VideoModelsCategory)
        {
            MaxBodyBytes = MaxModelListBytes,
        };
        using var activity = VideoActivities.Start(VideoActivities.ListVideoModels);
        try
        {
            var response = await _sender.SendAsync(call, ModelListParser, cancellationToken).ConfigureAwait(false);
            activity?.SetTag(VideoActivities.ModelCountTag, response.Value.Count);
            return response.Value;
        }
        catch (Exception exception) when (activity.Failed(exception))
        {
            throw;
        }
    }

    /// <summary>
    /// Reads what the service says of one model (<c>GET /v1/models/{model}</c>), with its full request contract: the only
    /// durations, resolutions, aspect ratios and parameters it takes, where the service gives them (mapped as in
    /// <see cref="ListVideoModelsAsync"/>). Read with the same retries as every read.
    /// </summary>
    /// <param name="modelId">The model id, for example <c>seedance-2.0-fast</c> (case-sensitive).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LemonDataApiException">404 (<see cref="LemonDataApiException.ErrorCode"/> <c>model_not_found</c>): the service has no such model; or the service failed.</exception>
    public virtual async Task<VideoModelInfo> GetVideoModelAsync(string modelId, CancellationToken cancellationToken = default)
    {
        RequireModelId(modelId);
        var operation = LemonDataVideoOperations.GetModel;
        var call = new ApiCall(operation, _endpoint.ResolveApiPath(operation.PathFor(modelId)), "getting model", modelId);
        using var activity = VideoActivities.Start(VideoActivities.GetVideoModel);
        activity?.SetTag(VideoActivities.ModelTag, modelId);
        try
        {
            var response = await _sender.SendAsync(call, (body, _, _) => VideoModelMapper.ParseModel(body, modelId), cancellationToken).ConfigureAwait(false);
            return response.Value;
        }
        catch (Exception exception) when (activity.Failed(exception))
        {
            throw;
        }
    }

    // Copied, as every option is: the application's list may change later without changing this client.
    private static Dictionary<string, VideoModelInfo>? DeclaredModels(LemonDataVideoClientOptions options, VideoModelCatalog catalog)
    {
        if (options.AdditionalModels.Count == 0)
        {
            return null;
        }

        var models = new Dictionary<string, VideoModelInfo>(StringComparer.Ordinal);
        foreach (var model in options.AdditionalModels)
        {
            if (model is not null && !catalog.ContainsModel(model.Id))
            {
                models[model.Id] = model;
            }
        }

        return models;
    }

    private static string RequireApiKey(string? apiKey, LemonDataVideoClientOptions options)
    {
        var key = string.IsNullOrWhiteSpace(apiKey) ? options.ApiKey : apiKey!.Trim();
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException(
                "An API key is required: pass it to LemonDataVideoClient, set LemonDataVideoClientOptions.ApiKey, or set the "
                + LemonDataVideoClientOptions.ApiKeyEnvironmentVariable + " environment variable.",
                nameof(apiKey));
        }

        return key!;
    }

    // A key set in code wins; a client that carries its own Authorization keeps it (the environment
    // variable must not silently replace what the caller configured); else the environment variable.
    private static string? ApiKeyForCallersClient(HttpClient httpClient, LemonDataVideoClientOptions options) =>
        options.ApiKeySetInCode
        ?? (httpClient.DefaultRequestHeaders.Authorization is not null ? null : RequireApiKey(null, options));

    private static void RequireModelId(string modelId)
    {
        if (modelId is null)
        {
            throw new ArgumentNullException(nameof(modelId));
        }

        if (string.IsNullOrWhiteSpace(modelId))
        {
            throw new ArgumentException("The model id must not be empty.", nameof(modelId));
        }

        if (WireOperation.IsDotSegment(modelId))
        {
            throw new ArgumentException("'" + modelId + "' is not a model id: it would change the request path.", nameof(modelId));
        }
    }

    private static void RequireTaskId(string taskId)
    {
        if (taskId is null)
        {
            throw new ArgumentNullException(nameof(taskId));
        }

        if (string.IsNullOrWhiteSpace(taskId))
        {
            throw new ArgumentException("The task id must not be empty.", nameof(taskId));
        }

        if (WireOperation.IsDotSegment(taskId))
        {
            throw new ArgumentException("'" + taskId + "' is not a task id: it would change the request path.", nameof(taskId));
        }
    }

    private static HttpClient CreateSharedHttpClient(bool followRedirects)
    {
#if NET8_0_OR_GREATER
        var handler = new SocketsHttpHandler
        {
            // DNS changes are picked up; connections are reused meanwhile.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            AllowAutoRedirect = followRedirects,
        };
#else
        var handler = new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            AllowAutoRedirect = followRedirects,
        };
#endif

        // Attempts are timed by the SDK (AttemptTimeout); a download may legitimately take long.
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
