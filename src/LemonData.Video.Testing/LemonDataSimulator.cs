using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LemonData.Video.Testing;

/// <summary>
/// An offline, in-process simulator of the LemonData video generation API, listening on 127.0.0.1 on a free port.
/// Point a client at <see cref="Endpoint"/> with <see cref="ApiKey"/> (any <c>sk-</c> key works) and it answers as
/// the service does: tasks go <c>pending</c>, <c>processing</c> with rising <c>progress</c>, then <c>completed</c>
/// with a <c>video_url</c> the simulator serves itself (a real, playable MP4). Thread-safe.
/// </summary>
/// <remarks>
/// <para>What it checks, as the service does: 401 without an <c>sk-</c> bearer key; 400 for bad fields (a missing
/// prompt, <c>fps</c> outside 1-120, <c>cfg_scale</c> outside 0-20, <c>motion_strength</c> outside 0-1, ...), with
/// <c>param</c> and <c>validation_errors</c>; 404 <c>model_not_found</c> with <c>did_you_mean</c> for a model the
/// catalog (<see cref="VideoModelCatalog"/>) does not have; 404 <c>async_task_not_found</c> for an unknown task, or
/// another key's task. <see cref="Script"/> injects faults, and <see cref="Requests"/> records every request.</para>
/// <para>Why ASP.NET Core's Kestrel rather than WireMock.Net: the simulator is stateful (tasks, reads, scripted
/// faults) rather than a set of canned mappings, so WireMock's matching would be bypassed by one catch-all callback
/// anyway; its callbacks are synchronous, so a slow answer would block a thread for every delayed request while the
/// SDK's tests run 16-32 flows at once, where an async handler just awaits; Kestrel binds port 0 and reports the
/// port it got, where WireMock needs a free port probed beforehand (a race between parallel tests); Kestrel can send
/// a truncated download and drop the connection; and Kestrel is part of the shared framework, so this package adds
/// no third-party dependencies (WireMock brings Newtonsoft.Json, NSwag.Core 13, Handlebars, Scriban and more) that
/// could clash with the versions in a user's test project. Both need the ASP.NET Core shared framework, which every
/// .NET SDK installs.</para>
/// </remarks>
/// <example>
/// <code>
/// await using var simulator = LemonDataSimulator.Start();
/// var client = new LemonDataVideoClient(simulator.ApiKey, new LemonDataVideoClientOptions
/// {
///     Endpoint = simulator.Endpoint,
///     PollInterval = TimeSpan.FromMilliseconds(10),
/// });
/// simulator.Script.RateLimitNext(1, TimeSpan.FromSeconds(0.1), SimulatorTarget.Poll);
/// var task = await client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "A cat in a garden" });
/// Assert.Equal(1, simulator.CountRequests("POST", "/v1/videos/generations"));
/// </code>
/// </example>
public sealed class LemonDataSimulator : IDisposable, IAsyncDisposable
{
    private const string CreatePath = "/v1/videos/generations";
    private const string LegacyTaskPrefix = "/v1/videos/generations/";
    private const string TaskPrefix = "/v1/tasks/";
    private const string FilePrefix = "/files/";
    private const string VideoExtension = ".mp4";

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _requestsGate = new();
    private readonly List<SimulatorRequest> _requests = new();
    private readonly List<SimulatorRequest> _createdTasks = new();
    private readonly List<SimulatorInjectedFault> _injectedFaults = new();
    private readonly ConcurrentDictionary<string, SimulatedTask> _tasks = new(StringComparer.Ordinal);
    private readonly SimulatedApiGeneration _generation;
    private readonly TimeSpan _processingTime;
    private readonly int _pollsPerStage;
    private Uri _endpoint = null!;
    private string _origin = null!;
    private int _stopped;

    private LemonDataSimulator(LemonDataSimulatorOptions options)
    {
        if (options.Generation is not (SimulatedApiGeneration.A or SimulatedApiGeneration.C))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Generation, "Generation must be SimulatedApiGeneration.A or SimulatedApiGeneration.C.");
        }

        _generation = options.Generation;
        _processingTime = options.ProcessingTime;
        _pollsPerStage = options.PollsPerStage;
        ApiKey = "sk-simulator-" + Guid.NewGuid().ToString("N");

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(LemonDataSimulator).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });

        // The host's default lifetime listens for Ctrl+C and SIGTERM; a simulator inside a test run or a
        // command-line tool must leave those to its host program.
        builder.Services.AddSingleton<IHostLifetime, NoSignalsLifetime>();
        _app = builder.Build();
        ((IApplicationBuilder)_app).Run(HandleAsync);
    }

    /// <summary>The simulator's address, for example <c>http://127.0.0.1:54321/</c>: give it to the client as its endpoint.</summary>
    public Uri Endpoint => _endpoint;

    /// <summary>A valid key, <c>sk-simulator-...</c>. Any bearer key that starts with <c>sk-</c> is accepted.</summary>
    public string ApiKey { get; }

    /// <summary>Faults to inject into the next requests or tasks.</summary>
    public SimulatorScript Script { get; } = new();

    /// <summary>Every request received so far, in the order received (a snapshot: later requests do not appear in it).</summary>
    public IReadOnlyList<SimulatorRequest> Requests
    {
        get
        {
            lock (_requestsGate)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>Every fault injected so far (scripted or random), in the order injected (a snapshot).</summary>
    public IReadOnlyList<SimulatorInjectedFault> InjectedFaults
    {
        get
        {
            lock (_requestsGate)
            {
                return _injectedFaults.ToArray();
            }
        }
    }

    /// <summary>How many faults of each kind were injected so far (kinds never injected read 0).</summary>
    public IReadOnlyDictionary<SimulatorFaultKind, int> FaultCounts
    {
        get
        {
            var counts = new Dictionary<SimulatorFaultKind, int>();
            foreach (var kind in Enum.GetValues<SimulatorFaultKind>())
            {
                counts[kind] = 0;
            }

            lock (_requestsGate)
            {
                foreach (var fault in _injectedFaults)
                {
                    counts[fault.Kind]++;
                }
            }

            return counts;
        }
    }

    /// <summary>How many creates (<c>POST /v1/videos/generations</c>) were received so far, whatever became of them.</summary>
    public int CreatesReceived => CountRequests("POST", CreatePath);

    /// <summary>
    /// The creates that made a task, in order (a snapshot): each has <see cref="SimulatorRequest.CreatedTaskId"/> and
    /// its <see cref="SimulatorRequest.Body"/>, and <see cref="SimulatorRequest.Fault"/> says whether its answer was lost.
    /// </summary>
    public IReadOnlyList<SimulatorRequest> CreatedTasks
    {
        get
        {
            lock (_requestsGate)
            {
                return _createdTasks.ToArray();
            }
        }
    }

    /// <summary>The MP4 file every completed task serves (160x90, 3 s, H.264): compare a download with it.</summary>
    public static ReadOnlyMemory<byte> SampleVideo => SampleVideoFile.Bytes;

    /// <summary>Starts a simulator on 127.0.0.1 on a free port. Stop it with <see cref="Stop"/> or by disposing it.</summary>
    /// <param name="options">Generation and timing; the defaults answer as generation C, as fast as the client polls.</param>
    /// <returns>The running simulator.</returns>
    public static LemonDataSimulator Start(LemonDataSimulatorOptions? options = null)
    {
        var simulator = new LemonDataSimulator(options ?? new LemonDataSimulatorOptions());
        try
        {
            // Off the caller's synchronization context: Start is synchronous, the host is not.
            Task.Run(() => simulator.StartHostAsync()).GetAwaiter().GetResult();
        }
        catch
        {
            simulator.Stop();
            throw;
        }

        return simulator;
    }

    /// <summary>How many requests with this method and exactly this path (no query string) were received.</summary>
    /// <param name="method">The HTTP method, for example <c>POST</c> (case-insensitive).</param>
    /// <param name="path">The path, for example <c>/v1/videos/generations</c> (case-sensitive).</param>
    /// <returns>The number of such requests so far, answered or not.</returns>
    public int CountRequests(string method, string path)
    {
        if (method is null)
        {
            throw new ArgumentNullException(nameof(method));
        }

        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        lock (_requestsGate)
        {
            var count = 0;
            foreach (var request in _requests)
            {
                if (string.Equals(request.Method, method, StringComparison.OrdinalIgnoreCase) && string.Equals(request.Path, path, StringComparison.Ordinal))
                {
                    count++;
                }
            }

            return count;
        }
    }

    /// <summary>Stops listening; requests held by a scripted delay are dropped. Safe to call more than once.</summary>
    public void Stop() => Task.Run(StopAsync).GetAwaiter().GetResult();

    /// <summary>Stops the simulator (<see cref="Stop"/>).</summary>
    public void Dispose() => Stop();

    /// <summary>Stops the simulator (<see cref="Stop"/>).</summary>
    /// <returns>A task that completes when the simulator has stopped.</returns>
    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task StartHostAsync()
    {
        await _app.StartAsync().ConfigureAwait(false);
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The simulator started but reports no address.");
        var bound = new Uri(address);
        _origin = "http://127.0.0.1:" + bound.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _endpoint = new Uri(_origin);
    }

    private async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        _stopping.Cancel();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Connections still open after the grace period are closed by the disposal below.
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var token = aborted.Token;
        try
        {
            var method = context.Request.Method.ToUpperInvariant();
            var path = context.Request.Path.HasValue ? context.Request.Path.Value! : "/";
            var (body, tooLarge) = await ReadBodyAsync(context.Request, token).ConfigureAwait(false);
            var recorded = new SimulatorRequest(
                method,
                path,
                context.Request.QueryString.Value ?? string.Empty,
                body.Length == 0 ? string.Empty : Encoding.UTF8.GetString(body),
                context.Request.Headers.ContainsKey("Authorization"),
                DateTimeOffset.UtcNow);
            lock (_requestsGate)
            {
                _requests.Add(recorded);
            }

            var route = ApiRoute.Parse(method, path, _generation);
            var fault = route.Target == SimulatorTarget.None ? null : Script.TakeFault(route.Target);
            var injected = fault is null ? null : Record(fault, recorded);
            SimResponse response;
            if (fault?.Kind == SimulatorFaultKind.RateLimit)
            {
                response = SimResponse.RateLimited(fault.Duration);
            }
            else if (fault?.Kind == SimulatorFaultKind.ServerError)
            {
                response = SimResponse.ServerError(fault.Status);
            }
            else if (fault?.Kind == SimulatorFaultKind.DroppedBeforeProcessing)
            {
                // No effect, no answer: the connection just goes away.
                context.Abort();
                return;
            }
            else if (tooLarge)
            {
                response = SimResponse.Json(413, WireJson.Error("Request body too large.", "invalid_request_error", "payload_too_large"));
            }
            else
            {
                // The request takes effect now, even when its answer is then delayed, damaged or dropped.
                response = Process(route, context.Request, body, recorded);
                if (injected is not null)
                {
                    injected.TookEffect = true;
                }
            }

            switch (fault?.Kind)
            {
                case SimulatorFaultKind.DroppedAfterProcessing:
                    context.Abort();
                    return;
                case SimulatorFaultKind.SlowAnswer:
                    await Task.Delay(fault.Duration, token).ConfigureAwait(false);
                    await WriteAsync(context, recorded, response, token).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(token).ConfigureAwait(false);
                    injected!.TaskIdInAnswer = recorded.CreatedTaskId is not null;
                    return;
                case SimulatorFaultKind.Garbled when fault.GarbleStyle == GarbleStyle.Corrupt:
                    await WriteCorruptedAsync(context, recorded, response, fault, injected!, token).ConfigureAwait(false);
                    return;
                case SimulatorFaultKind.Garbled:
                    await WriteGarbledAsync(context, recorded, response, route.Target == SimulatorTarget.Download, injected!, token).ConfigureAwait(false);
                    return;
                case SimulatorFaultKind.Truncated:
                    await WriteTruncatedAsync(context, recorded, response, fault, injected!, token).ConfigureAwait(false);
                    return;
                default:
                    await WriteAsync(context, recorded, response, token).ConfigureAwait(false);
                    return;
            }
        }
        catch (Exception exception) when ((exception is OperationCanceledException && token.IsCancellationRequested) || exception is IOException)
        {
            // The client went away (its timeout), or the simulator is stopping: nobody is waiting for this answer.
            context.Abort();
        }
    }

    private SimResponse Process(ApiRoute route, HttpRequest request, byte[] body, SimulatorRequest recorded)
    {
        switch (route.Kind)
        {
            case RouteKind.MethodNotAllowed:
                return SimResponse.MethodNotAllowed(route.Method, route.Path, route.Allow!);
            case RouteKind.Download:
                return Download(route.TaskId!, headOnly: route.Method == "HEAD");
            case RouteKind.NotFound:
                return SimResponse.NotFound(route.Method, route.Path);
        }

        var key = BearerKey(request, out var hasAuthorization);
        if (key is null)
        {
            return SimResponse.Json(401, WireJson.Error(
                hasAuthorization
                    ? "Invalid API key provided. Send 'Authorization: Bearer sk-...'."
                    : "Missing API key. Send it as 'Authorization: Bearer sk-...'.",
                "authentication_error",
                "invalid_api_key"));
        }

        return route.Kind switch
        {
            RouteKind.Create => Create(body, key, recorded),
            RouteKind.Poll => Poll(route.TaskId!, key),
            _ => Cancel(route.TaskId!, key),
        };
    }

    private SimResponse Create(byte[] body, string key, SimulatorRequest recorded)
    {
        var error = ServiceRules.CheckCreate(body, out var model);
        if (error is not null)
        {
            return error;
        }

        var id = _generation == SimulatedApiGeneration.A
            ? "video_" + Guid.NewGuid().ToString("N").Substring(0, 24)
            : "ldtask_" + Guid.NewGuid().ToString("N");
        var task = new SimulatedTask(id, model, key, Script.TakeTaskFailure(), _processingTime, _pollsPerStage);
        _tasks[id] = task;
        recorded.SetCreatedTaskId(id);
        lock (_requestsGate)
        {
            _createdTasks.Add(recorded);
        }

        return SimResponse.Json(200, WireJson.CreateAnswer(_generation, task));
    }

    private SimResponse Poll(string taskId, string key)
    {
        // Another account's task reads as unknown: the service does not confirm that it exists.
        if (!_tasks.TryGetValue(taskId, out var task) || task.OwnerKey != key)
        {
            return SimResponse.TaskNotFound();
        }

        return TaskAnswer(task, task.Observe(countAsRead: true));
    }

    private SimResponse Cancel(string taskId, string key)
    {
        if (!_tasks.TryGetValue(taskId, out var task))
        {
            return SimResponse.TaskNotFound();
        }

        if (task.OwnerKey != key)
        {
            return SimResponse.Json(403, WireJson.Error("You do not have access to this task.", "permission_error", "forbidden"));
        }

        if (!VideoModelCatalog.TryGet(task.Model, out var info) || !string.Equals(info.Family, "Seedance", StringComparison.Ordinal))
        {
            return SimResponse.Json(400, WireJson.Error(
                "This task does not support cancellation: only queued tasks of Seedance models can be cancelled.",
                "invalid_request_error",
                "unsupported_task_cancel"));
        }

        if (task.TryCancel() == CancelOutcome.NotCancellable)
        {
            return SimResponse.Json(409, WireJson.Error(
                "The task is already running and can no longer be cancelled.",
                "invalid_request_error",
                "task_not_cancellable"));
        }

        // Cancelling a cancelled task again answers the same: a retried DELETE whose first answer was lost succeeds.
        return TaskAnswer(task, task.Observe(countAsRead: false));
    }

    private SimResponse Download(string taskId, bool headOnly)
    {
        // The stand-in for the CDN: no key needed, and only finished videos exist.
        if (!_tasks.TryGetValue(taskId, out var task) || task.Observe(countAsRead: false).Stage != TaskStage.Completed)
        {
            return SimResponse.Json(404, WireJson.Error("The file does not exist.", "invalid_request_error", "not_found"));
        }

        return SimResponse.Video(SampleVideoFile.Bytes, headOnly);
    }

    private SimResponse TaskAnswer(SimulatedTask task, TaskSnapshot state) =>
        SimResponse.Json(200, WireJson.Task(_generation, task, state, VideoUrl(task.Id), SampleVideoFile.Facts));

    private string VideoUrl(string taskId) => _origin + FilePrefix + Uri.EscapeDataString(taskId) + VideoExtension;

    private static string? BearerKey(HttpRequest request, out bool hasAuthorization)
    {
        var header = request.Headers.Authorization.ToString();
        hasAuthorization = header.Length > 0;
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var key = header.Substring(Scheme.Length).Trim();
        return key.Length > 3 && key.StartsWith("sk-", StringComparison.Ordinal) ? key : null;
    }

    private static async Task<(byte[] Body, bool TooLarge)> ReadBodyAsync(HttpRequest request, CancellationToken token)
    {
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, token).ConfigureAwait(false);
            return (buffer.ToArray(), false);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (Array.Empty<byte>(), true);
        }
    }

    private static async Task WriteAsync(HttpContext context, SimulatorRequest recorded, SimResponse response, CancellationToken token)
    {
        recorded.SetStatusCode(response.Status);
        var http = context.Response;
        http.StatusCode = response.Status;
        http.ContentType = response.ContentType;
        foreach (var header in response.Headers)
        {
            http.Headers.Append(header.Key, header.Value);
        }

        http.ContentLength = response.Body.Length;
        if (!response.OmitBody)
        {
            await http.Body.WriteAsync(response.Body, token).ConfigureAwait(false);
        }
    }

    // A 200 whose body is cut off after two thirds. A JSON answer is complete as HTTP (its Content-Length is the
    // cut length) but not as JSON; a download announces the whole file and breaks off mid-way.
    private static async Task WriteGarbledAsync(HttpContext context, SimulatorRequest recorded, SimResponse response, bool download, SimulatorInjectedFault injected, CancellationToken token)
    {
        var full = response.Body;
        var kept = full.Length <= 1 ? full.Length : Math.Max(1, full.Length * 2 / 3);
        recorded.SetStatusCode(200);
        injected.AppendDetail("cut to " + kept + " of " + full.Length + " bytes");
        injected.TaskIdInAnswer = CarriesTaskId(full, kept, recorded.CreatedTaskId);
        if (download && !response.OmitBody && context.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
        {
            BreakOff(context, socket, 200, response, kept);
            return;
        }

        var http = context.Response;
        http.StatusCode = 200;
        http.ContentType = response.ContentType;
        http.ContentLength = download ? full.Length : kept;
        if (response.OmitBody)
        {
            return;
        }

        await http.Body.WriteAsync(full.AsMemory(0, kept), token).ConfigureAwait(false);
        if (download)
        {
            // Without the socket (another transport), the best effort: Kestrel hands written data to its sender
            // asynchronously, and an abort discards what it has not sent yet.
            await http.Body.FlushAsync(token).ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromMilliseconds(100), token).ConfigureAwait(false);
            context.Abort();
        }
    }

    // Kestrel discards what it has not sent yet when a connection is aborted, so the broken-off answer is written
    // straight to the socket: headers announcing the whole body, part of it, and the end of the connection, in
    // that order and all in the kernel's hands before Kestrel closes the socket.
    private static void BreakOff(HttpContext context, System.Net.Sockets.Socket socket, int status, SimResponse response, int kept)
    {
        var head = new StringBuilder();
        head.Append("HTTP/1.1 ").Append(status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(' ')
            .Append(ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } reason ? reason : "Unknown").Append("\r\n");
        head.Append("Content-Type: ").Append(response.ContentType).Append("\r\n");
        foreach (var header in response.Headers)
        {
            head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(response.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        try
        {
            socket.Send(Encoding.ASCII.GetBytes(head.ToString()));
            socket.Send(response.Body, 0, kept, System.Net.Sockets.SocketFlags.None);
            socket.Shutdown(System.Net.Sockets.SocketShutdown.Send);
        }
        catch (System.Net.Sockets.SocketException)
        {
            // The client is gone already.
        }
        catch (ObjectDisposedException)
        {
            // So is the connection.
        }

        context.Abort();
    }

    // A JSON answer cut in the middle (its status kept). For a create, the cut falls after the whole task id or inside
    // it, as the fault asks; the cut is never at either end, so the JSON is never complete.
    private static async Task WriteTruncatedAsync(HttpContext context, SimulatorRequest recorded, SimResponse response, ScriptedFault fault, SimulatorInjectedFault injected, CancellationToken token)
    {
        var full = response.Body;
        var taskId = recorded.CreatedTaskId;
        int low = 1, high = Math.Max(1, full.Length - 1);
        var idEnd = taskId is null ? -1 : TaskIdEnd(full, taskId);
        if (idEnd > 0 && fault.KeepTaskId == true)
        {
            low = Math.Min(idEnd, high);
        }
        else if (idEnd > 0 && fault.KeepTaskId == false)
        {
            high = Math.Max(low, idEnd - 2);
        }

        var kept = Math.Min(full.Length, low + (int)Math.Round((high - low) * fault.Position));
        recorded.SetStatusCode(response.Status);
        injected.TaskIdInAnswer = CarriesTaskId(full, kept, taskId);
        var socket = fault.BreakOff && !response.OmitBody ? context.Features.Get<IConnectionSocketFeature>()?.Socket : null;
        injected.AppendDetail("cut at " + kept + " of " + full.Length + " bytes, " + (socket is null ? "short Content-Length" : "connection closed mid-body"));
        if (socket is not null)
        {
            BreakOff(context, socket, response.Status, response, kept);
            return;
        }

        var http = context.Response;
        http.StatusCode = response.Status;
        http.ContentType = response.ContentType;
        foreach (var header in response.Headers)
        {
            http.Headers.Append(header.Key, header.Value);
        }

        http.ContentLength = kept;
        if (!response.OmitBody)
        {
            await http.Body.WriteAsync(full.AsMemory(0, kept), token).ConfigureAwait(false);
        }
    }

    // A complete HTTP message (its status kept) whose body has a span overwritten with control bytes: invalid JSON
    // wherever it lands (outside strings a control byte is no token; inside one it must be escaped).
    private static async Task WriteCorruptedAsync(HttpContext context, SimulatorRequest recorded, SimResponse response, ScriptedFault fault, SimulatorInjectedFault injected, CancellationToken token)
    {
        var body = (byte[])response.Body.Clone();
        var start = body.Length == 0 ? 0 : Math.Min(body.Length - 1, (int)(body.Length * fault.Position));
        var end = Math.Min(body.Length, start + fault.Span);
        for (var i = start; i < end; i++)
        {
            body[i] = 0x01;
        }

        injected.AppendDetail("bytes " + start + "-" + end + " of " + body.Length + " overwritten");
        injected.TaskIdInAnswer = CarriesTaskId(response.Body, start, recorded.CreatedTaskId);
        recorded.SetStatusCode(response.Status);
        var http = context.Response;
        http.StatusCode = response.Status;
        http.ContentType = response.ContentType;
        http.ContentLength = body.Length;
        if (!response.OmitBody)
        {
            await http.Body.WriteAsync(body, token).ConfigureAwait(false);
        }
    }

    private SimulatorInjectedFault Record(ScriptedFault fault, SimulatorRequest recorded)
    {
        var detail = fault.Kind switch
        {
            SimulatorFaultKind.RateLimit => "429, Retry-After " + fault.Duration.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s",
            SimulatorFaultKind.ServerError => fault.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            SimulatorFaultKind.SlowAnswer => "held " + fault.Duration.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s",
            _ => string.Empty,
        };
        var injected = new SimulatorInjectedFault(fault.Kind, recorded, fault.Random, detail);
        recorded.SetFault(injected);
        lock (_requestsGate)
        {
            _injectedFaults.Add(injected);
        }

        return injected;
    }

    // The index just past the first whole `"id":"<id>"` or `"task_id":"<id>"` in a body, or -1.
    private static int TaskIdEnd(byte[] body, string taskId)
    {
        var best = -1;
        foreach (var name in new[] { "id", "task_id" })
        {
            var pair = Encoding.UTF8.GetBytes("\"" + name + "\":\"" + taskId + "\"");
            var at = body.AsSpan().IndexOf(pair);
            if (at >= 0 && (best < 0 || at + pair.Length < best))
            {
                best = at + pair.Length;
            }
        }

        return best;
    }

    private static bool CarriesTaskId(byte[] body, int intactPrefix, string? taskId)
    {
        if (taskId is null)
        {
            return false;
        }

        var end = TaskIdEnd(body, taskId);
        return end > 0 && end <= intactPrefix;
    }

    private enum RouteKind
    {
        Create,
        Poll,
        Cancel,
        Download,
        NotFound,
        MethodNotAllowed,
    }

    /// <summary>What a request asks for. Only the API's own routes (and downloads) can take scripted faults.</summary>
    private sealed class ApiRoute
    {
        private ApiRoute(RouteKind kind, string method, string path, string? taskId = null, string? allow = null)
        {
            Kind = kind;
            Method = method;
            Path = path;
            TaskId = taskId;
            Allow = allow;
        }

        public RouteKind Kind { get; }

        public string Method { get; }

        public string Path { get; }

        public string? TaskId { get; }

        public string? Allow { get; }

        public SimulatorTarget Target => Kind switch
        {
            RouteKind.Create => SimulatorTarget.Create,
            RouteKind.Poll => SimulatorTarget.Poll,
            RouteKind.Cancel => SimulatorTarget.Cancel,
            RouteKind.Download => SimulatorTarget.Download,
            _ => SimulatorTarget.None,
        };

        public static ApiRoute Parse(string method, string path, SimulatedApiGeneration generation)
        {
            if (path == CreatePath)
            {
                return method == "POST"
                    ? new ApiRoute(RouteKind.Create, method, path)
                    : new ApiRoute(RouteKind.MethodNotAllowed, method, path, allow: "POST");
            }

            if (TrySegment(path, LegacyTaskPrefix, out var legacyId))
            {
                return method == "GET"
                    ? new ApiRoute(RouteKind.Poll, method, path, legacyId)
                    : new ApiRoute(RouteKind.MethodNotAllowed, method, path, allow: "GET");
            }

            // Generation A has no /v1/tasks route at all: 404, as a service without it answers.
            if (generation != SimulatedApiGeneration.A && TrySegment(path, TaskPrefix, out var taskId))
            {
                return method switch
                {
                    "GET" => new ApiRoute(RouteKind.Poll, method, path, taskId),
                    "DELETE" => new ApiRoute(RouteKind.Cancel, method, path, taskId),
                    _ => new ApiRoute(RouteKind.MethodNotAllowed, method, path, allow: "GET, DELETE"),
                };
            }

            if (TrySegment(path, FilePrefix, out var file) && file.EndsWith(VideoExtension, StringComparison.Ordinal) && file.Length > VideoExtension.Length)
            {
                return method is "GET" or "HEAD"
                    ? new ApiRoute(RouteKind.Download, method, path, file.Substring(0, file.Length - VideoExtension.Length))
                    : new ApiRoute(RouteKind.MethodNotAllowed, method, path, allow: "GET, HEAD");
            }

            return new ApiRoute(RouteKind.NotFound, method, path);
        }

        private static bool TrySegment(string path, string prefix, out string segment)
        {
            segment = string.Empty;
            if (!path.StartsWith(prefix, StringComparison.Ordinal) || path.Length == prefix.Length)
            {
                return false;
            }

            segment = path.Substring(prefix.Length);
            return segment.IndexOf('/') < 0;
        }
    }

    /// <summary>A host lifetime that leaves the process's signals (Ctrl+C, SIGTERM) alone.</summary>
    private sealed class NoSignalsLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
