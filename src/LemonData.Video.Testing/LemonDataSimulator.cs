using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
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
/// prompt, <c>fps</c>, <c>cfg_scale</c> or <c>motion_strength</c> outside the API's limits (<see cref="VideoLimits"/>), a
/// <c>duration</c>, <c>resolution</c> or <c>aspect_ratio</c> outside the model's known lists, ...), with <c>param</c> and
/// <c>validation_errors</c>; 404 <c>model_not_found</c> with <c>did_you_mean</c> for a model it does not know
/// (<see cref="LemonDataSimulatorOptions.Models"/>); 404 <c>async_task_not_found</c> for an unknown task, or another
/// key's task. It serves <c>GET /v1/models</c> and <c>GET /v1/models/{model}</c> from the same models.
/// <see cref="Script"/> injects faults, and <see cref="Requests"/> records every request.</para>
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
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _requestsGate = new();
    private readonly List<SimulatorRequest> _requests = new();
    private readonly List<SimulatorRequest> _createdTasks = new();
    private readonly List<SimulatorInjectedFault> _injectedFaults = new();
    private readonly SimulatedApiGeneration _generation;
    private readonly CreateEndpoint _create;
    private readonly TaskReadEndpoint _read;
    private readonly CancelEndpoint _cancel;
    private readonly VideoDownloadEndpoint _download;
    private readonly ModelListEndpoint _modelList;
    private readonly ModelDetailEndpoint _modelDetail;
    private readonly SimulatedAccount _account;
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
        ApiKey = "sk-simulator-" + Guid.NewGuid().ToString("N");
        var models = new SimulatedModels(options.Models);
        var tasks = new TaskStore();
        var answers = new TaskAnswers(_generation, () => _origin, options.OutputsPerTask, options.StatusSpelling);
        _account = new SimulatedAccount(options.BalanceUsd, options.VideoCostUsd);
        _create = new CreateEndpoint(_generation, tasks, Script, options.ProcessingTime, options.PollsPerStage, TaskCreated, models, _account);
        _read = new TaskReadEndpoint(tasks, answers);
        _cancel = new CancelEndpoint(tasks, answers, models);
        _download = new VideoDownloadEndpoint(tasks);
        _modelList = new ModelListEndpoint(_generation, models);
        _modelDetail = new ModelDetailEndpoint(_generation, models);

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

    /// <summary>
    /// The simulated account's balance in US dollars, or <see langword="null"/> for no limit (the default: see
    /// <see cref="LemonDataSimulatorOptions.BalanceUsd"/>). Each task created is charged
    /// <see cref="LemonDataSimulatorOptions.VideoCostUsd"/>; a create the balance cannot pay for gets the service's 402
    /// (<c>insufficient_balance</c>, with <c>balance_usd</c> and <c>estimated_cost_usd</c>) and makes no task. Set it to top
    /// the account up (or to <see langword="null"/> to lift the limit) while the simulator runs.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public decimal? BalanceUsd
    {
        get => _account.Balance;
        set => _account.Balance = value;
    }

    /// <summary>How many creates (<c>POST /v1/videos/generations</c>) were received so far, whatever became of them.</summary>
    public int CreatesReceived => CountRequests("POST", CreateEndpoint.Path);

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
                    await AnswerWriter.WriteAsync(context, recorded, response, token).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(token).ConfigureAwait(false);
                    injected!.TaskIdInAnswer = recorded.CreatedTaskId is not null;
                    return;
                case SimulatorFaultKind.Garbled when fault.GarbleStyle == GarbleStyle.Corrupt:
                    await AnswerWriter.WriteCorruptedAsync(context, recorded, response, fault, injected!, token).ConfigureAwait(false);
                    return;
                case SimulatorFaultKind.Garbled:
                    await AnswerWriter.WriteGarbledAsync(context, recorded, response, route.Target == SimulatorTarget.Download, injected!, token).ConfigureAwait(false);
                    return;
                case SimulatorFaultKind.Truncated:
                    await AnswerWriter.WriteTruncatedAsync(context, recorded, response, fault, injected!, token).ConfigureAwait(false);
                    return;
                default:
                    await AnswerWriter.WriteAsync(context, recorded, response, token).ConfigureAwait(false);
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
                return _download.Handle(
                    route.TaskId!,
                    headOnly: route.Method == "HEAD",
                    range: request.Headers.Range.Count > 0 ? request.Headers.Range.ToString() : null,
                    ifRange: request.Headers.IfRange.Count > 0 ? request.Headers.IfRange.ToString() : null);
            case RouteKind.NotFound:
                return SimResponse.NotFound(route.Method, route.Path);
        }

        var key = ApiKeys.BearerKey(request, out var hasAuthorization);
        if (key is null)
        {
            return ApiKeys.Unauthorized(hasAuthorization);
        }

        return route.Kind switch
        {
            RouteKind.Create => _create.Handle(body, key, recorded),
            RouteKind.Poll => _read.Handle(route.TaskId!, key),
            RouteKind.ListModels => _modelList.Handle(request.Query),
            RouteKind.GetModel => _modelDetail.Handle(route.ModelId!),
            _ => _cancel.Handle(route.TaskId!, key),
        };
    }

    private void TaskCreated(SimulatorRequest recorded)
    {
        lock (_requestsGate)
        {
            _createdTasks.Add(recorded);
        }
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

    /// <summary>A host lifetime that leaves the process's signals (Ctrl+C, SIGTERM) alone.</summary>
    private sealed class NoSignalsLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
