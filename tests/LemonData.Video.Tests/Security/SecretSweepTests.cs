using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using LemonData.Video.Tests.Support;

namespace LemonData.Video.Tests.Security;

/// <summary>
/// Runs every failure path the SDK has, with the service echoing the key (and a second key-shaped
/// token) wherever it can, and sweeps everything a caller or a logger could print: no key anywhere.
/// Runs alone (Trace, EventSource and Console are process-wide).
/// </summary>
[Collection(EnvironmentVariables.Collection)]
public sealed class SecretSweepTests : IDisposable
{
    private const string Key = FakeLemonDataService.ApiKey;
    private const string OtherKey = "sk-proj-Zz09Yy18Xx27Ww36Vv45";

    private static readonly int[] Statuses = { 400, 401, 402, 403, 404, 405, 408, 409, 410, 413, 415, 422, 429, 500, 501, 502, 503, 504 };

    private readonly FakeLemonDataService _service = new();

    public void Dispose() => _service.Dispose();

    private static string Echo(string text) => text + " " + Key + " / " + OtherKey;

    // The key in every text the error body has, and once hidden behind JSON escapes (\u0073k-...) where the SDK keeps raw JSON.
    private static string EchoingErrorBody() =>
        "{\"error\":{\"message\":\"" + Echo("Incorrect API key provided:") + "\",\"type\":\"" + Echo("type") + "\",\"code\":\"" + Echo("code")
        + "\",\"param\":\"" + Echo("param") + "\",\"hint\":\"" + Echo("Check the key") + "\",\"did_you_mean\":\"" + Echo("did you mean")
        + "\",\"request_id\":\"" + Echo("req") + "\",\"balance_usd\":\"" + Echo("$") + "\",\"estimated_cost_usd\":0.35"
        + ",\"supported_parameters\":[\"" + Echo("prompt") + "\"],\"allowed_resolutions\":[\"" + Echo("720p") + "\"]"
        + ",\"recommended_request\":{\"prompt\":\"" + Echo("a prompt") + "\",\"\\u0073k-test-0123456789abcdef\":\"\\u0073k-test-0123456789abcdef\",\"" + OtherKey + "\":[\"" + Key + "\"]}"
        + "},\"request_id\":\"" + Echo("top") + "\",\"validation_errors\":[{\"field\":\"" + Echo("field") + "\",\"message\":\"" + Echo("is wrong") + "\"}]}";

    // The key in the headers an error answer is read for.
    private static Dictionary<string, string> EchoingHeaders() => new()
    {
        ["X-Request-Id"] = Echo("req"),
        ["X-RateLimit-Limit"] = Key,
        ["X-RateLimit-Remaining"] = "0",
        ["X-RateLimit-Reset"] = OtherKey,
    };

    private static VideoGenerationRequest Request => new() { Prompt = "A paper boat on a river" };

    [Fact]
    public async Task No_failure_path_puts_a_key_in_an_exception_a_trace_an_event_the_console_a_log_or_an_activity()
    {
        var exceptions = new List<(string Path, Exception Exception)>();
        var logs = new CapturedLogs();
        using var loggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace));
        using var activities = new CapturedActivities();
        FakeLemonDataService.Logging.Value = loggerFactory;
        var console = new StringWriter();
        var trace = new RecordingTraceListener();
        using var events = new RecordingEventListener();
        var (stdout, stderr) = (Console.Out, Console.Error);
        Console.SetOut(console);
        Console.SetError(console);
        Trace.Listeners.Add(trace);
        try
        {
            await foreach (var failure in AllFailures())
            {
                exceptions.Add(failure);
            }
        }
        finally
        {
            FakeLemonDataService.Logging.Value = null;
            Trace.Listeners.Remove(trace);
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }

        Assert.True(exceptions.Count >= 60, "the sweep produced only " + exceptions.Count + " failures");

        var leaks = new List<string>();
        foreach (var (path, exception) in exceptions)
        {
            foreach (var (where, text) in Texts(exception, exception.GetType().Name))
            {
                foreach (var secret in new[] { Key, OtherKey })
                {
                    if (text.Contains(secret, StringComparison.Ordinal))
                    {
                        leaks.Add(path + " -> " + where + (secret == Key ? " (the key)" : " (the second key)"));
                    }
                }
            }
        }

        // The sweep must have gone through the telemetry, or its silence proves nothing.
        Assert.True(logs.All.Count >= 100, "the sweep logged only " + logs.All.Count + " lines");
        Assert.True(activities.Stopped.Count >= 30, "the sweep traced only " + activities.Stopped.Count + " activities");
        var outputs = new[] { ("Console", console.ToString()), ("Trace", trace.Text) }
            .Concat(events.Text.Split('\n').Select(line => ("EventSource " + string.Join(" ", line.Split(' ').Take(2)), line)))
            .Concat(logs.All.SelectMany(log => log.AllText().Select(text => ("ILogger " + log.EventId.Name, text))))
            .Concat(activities.AllText().Select(text => ("Activity", text)));
        foreach (var (where, text) in outputs)
        {
            foreach (var secret in new[] { Key, OtherKey })
            {
                if (text.Contains(secret, StringComparison.Ordinal))
                {
                    leaks.Add(where + " output contains " + (secret == Key ? "the key" : "the second key"));
                }
            }
        }

        // The prompt stays out of telemetry too (IncludePromptInTelemetry is off).
        var telemetry = logs.All.SelectMany(log => log.AllText()).Concat(activities.AllText()).ToList();
        Assert.DoesNotContain(telemetry, text => text.Contains(Request.Prompt, StringComparison.Ordinal));

        // One line per kind of leak (the same leak at every status is one finding).
        var findings = leaks.Select(leak => System.Text.RegularExpressions.Regex.Replace(leak, " [0-9]{3} ", " <status> ")).Distinct().ToList();
        Assert.True(leaks.Count == 0, "The key leaked in " + leaks.Count + " places, " + findings.Count + " kinds:\n" + string.Join("\n", findings));
    }

    [Fact]
    public async Task The_echoed_texts_are_kept_redacted_not_dropped()
    {
        _service.GivenCreate(EchoingErrorBody(), 400, EchoingHeaders());
        var client = _service.CreateClient();

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.Contains("Incorrect API key provided", exception.ServiceMessage, StringComparison.Ordinal);
        Assert.Contains("sk-***", exception.ServiceMessage, StringComparison.Ordinal);
        Assert.Contains("Check the key", exception.Hint, StringComparison.Ordinal);
        Assert.NotEmpty(exception.ValidationErrors);
        Assert.Contains("sk-***", exception.RequestId, StringComparison.Ordinal);
        Assert.Contains("sk-***", Assert.Single(exception.SupportedParameters!), StringComparison.Ordinal);
        Assert.Contains("sk-***", Assert.Single(exception.AllowedResolutions!), StringComparison.Ordinal);
        var recommended = Assert.NotNull(exception.RecommendedRequest);
        Assert.Contains("a prompt", recommended.GetProperty("prompt").GetString(), StringComparison.Ordinal);
        Assert.Contains("sk-***", recommended.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0073k", recommended.GetRawText(), StringComparison.Ordinal);
        Assert.Null(exception.BalanceUsd); // "$ sk-..." is not an amount
        Assert.Equal(0.35m, exception.EstimatedCostUsd);
    }

    private async IAsyncEnumerable<(string Path, Exception Exception)> AllFailures()
    {
        // Every error status, on a create and on a read, with the key echoed in every field of the error body...
        foreach (var status in Statuses)
        {
            using var service = new FakeLemonDataService();
            service.GivenCreate(EchoingErrorBody(), status, EchoingHeaders());
            service.Given("GET", "/v1/tasks/video_k", status, EchoingErrorBody(), EchoingHeaders());
            service.Given("GET", "/v1/videos/generations/video_k", status, EchoingErrorBody(), EchoingHeaders());
            service.Given("DELETE", "/v1/tasks/video_k", status, EchoingErrorBody(), EchoingHeaders());
            service.Given("GET", "/v1/models/sora-2", status, EchoingErrorBody(), EchoingHeaders());
            var client = service.CreateClient(options => options.MaxRetries = 1);
            yield return ("create " + status + " JSON", await Capture(() => client.CreateVideoAsync(Request)));
            yield return ("get " + status + " JSON", await Capture(() => client.GetVideoTaskAsync("video_k")));
            yield return ("wait " + status + " JSON", await Capture(() => client.WaitForCompletionAsync("video_k")));
            yield return ("cancel " + status + " JSON", await Capture(() => client.CancelVideoTaskAsync("video_k")));
            yield return ("model " + status + " JSON", await Capture(() => client.GetVideoModelAsync("sora-2")));
        }

        // A create answered 5xx whose body names the task, beside the keys: the id is kept, the keys are not.
        {
            using var service = new FakeLemonDataService();
            service.GivenCreate("{\"id\":\"video_k\",\"note\":\"" + Echo("key") + "\",\"error\":{\"message\":\"" + Echo("Upstream failed") + "\"}}", 502, EchoingHeaders());
            var client = service.CreateClient(options => options.MaxRetries = 0);
            yield return ("create 502 with a task id", await Capture(() => client.CreateVideoAsync(Request)));
        }

        // Redirects whose Location carries the keys in its user info, its path and its query: of a read, of a create,
        // and followed by a caller's client to another origin.
        {
            using var service = new FakeLemonDataService();
            using var other = new FakeLemonDataService();
            var elsewhere = "http://" + Key + ":" + OtherKey + "@127.0.0.1:" + other.Server.Ports[0] + "/" + Key + "/v1/tasks/video_k?key=" + Key + "&other=" + OtherKey;
            var headers = new Dictionary<string, string>(EchoingHeaders()) { ["Location"] = elsewhere };
            service.Given("GET", "/v1/tasks/video_k", 302, string.Empty, headers);
            service.GivenCreate("{\"id\":\"video_k\",\"note\":\"" + Echo("key") + "\"}", 303, headers);
            var client = service.CreateClient(options => options.MaxRetries = 1);
            yield return ("get redirected elsewhere", await Capture(() => client.GetVideoTaskAsync("video_k")));
            yield return ("create redirected elsewhere", await Capture(() => client.CreateVideoAsync(Request)));

            // Where a caller's own client follows the service, its handler and the other host see the address: that
            // address holds no key here (the SDK cannot unsay what the redirect said), but the answer from there does.
            other.Given("GET", "/v1/tasks/video_f", 200, "{\"id\":\"video_f\",\"status\":\"completed\",\"note\":\"" + Echo("key") + "\"}");
            service.Given("GET", "/v1/tasks/video_f", 302, string.Empty, new Dictionary<string, string>(EchoingHeaders()) { ["Location"] = other.Url("/v1/tasks/video_f") });
            using var followingClient = new HttpClient();
            var following = service.CreateClientOn(followingClient, options => options.MaxRetries = 0);
            yield return ("get followed elsewhere by the caller's client", await Capture(() => following.GetVideoTaskAsync("video_f")));
        }

        // ...and in an HTML page, which becomes an excerpt.
        foreach (var status in new[] { 200, 401, 403, 500, 502 })
        {
            using var service = new FakeLemonDataService();
            var page = "<html><body>" + Echo("Authorization: Bearer") + "</body></html>";
            service.GivenCreate(page, status);
            service.Given("GET", "/v1/tasks/video_k", status, page);
            var client = service.CreateClient(options => options.MaxRetries = 0);
            yield return ("create " + status + " HTML", await Capture(() => client.CreateVideoAsync(Request)));
            yield return ("get " + status + " HTML", await Capture(() => client.GetVideoTaskAsync("video_k")));
        }

        // A success whose body is unreadable, echoing the keys (and naming one as the task id's neighbour).
        {
            using var service = new FakeLemonDataService();
            var garbled = "{\"id\":\"video_k\",\"note\":\"" + Echo("key") + "\",\"status\":";
            service.GivenCreate(garbled);
            service.Given("GET", "/v1/tasks/video_k", 200, garbled);
            var client = service.CreateClient(options => options.MaxRetries = 0);
            yield return ("create 200 garbled", await Capture(() => client.CreateVideoAsync(Request)));
            yield return ("get 200 garbled", await Capture(() => client.GetVideoTaskAsync("video_k")));
        }

        // Failed tasks whose error carries the keys: string and object forms, on a wait and on a generate.
        {
            using var service = new FakeLemonDataService();
            service.GivenSequence("/v1/tasks/video_f1", "{\"id\":\"video_f1\",\"status\":\"failed\",\"error\":\"" + Echo("Upstream rejected key") + "\"}");
            service.GivenSequence("/v1/tasks/video_f2", "{\"id\":\"video_f2\",\"status\":\"failed\",\"error\":{\"code\":\"" + Echo("code") + "\",\"message\":\"" + Echo("Upstream rejected key") + "\"}}");
            service.GivenCreate("{\"id\":\"video_f3\",\"status\":\"failed\",\"model\":\"sora-2\",\"error\":{\"message\":\"" + Echo("key") + "\"}}");
            var client = service.CreateClient();
            yield return ("wait failed (string error)", await Capture(() => client.WaitForCompletionAsync("video_f1")));
            yield return ("wait failed (object error)", await Capture(() => client.WaitForCompletionAsync("video_f2")));
            yield return ("generate failed at create", await Capture(() => client.GenerateVideoAsync(Request)));
            var failedTask = await client.GetVideoTaskAsync("video_f2");
            yield return ("wait on a failed VideoTask", await Capture(() => client.WaitForCompletionAsync(failedTask)));
            yield return ("download of a failed VideoTask", await Capture(() => client.DownloadVideoAsync(failedTask, new MemoryStream())));
        }

        // Transport failures: connection refused, a silent server (attempt timeout), the wait timeout.
        {
            var refused = new LemonDataVideoClient(Key, new LemonDataVideoClientOptions { Endpoint = FakeLemonDataService.ClosedPortEndpoint(), MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(1) });
            yield return ("create refused", await Capture(() => refused.CreateVideoAsync(Request)));
            yield return ("get refused", await Capture(() => refused.GetVideoTaskAsync("video_k")));
            yield return ("download refused", await Capture(() => refused.DownloadVideoAsync(new VideoTask("video_k", VideoTaskStatus.Completed) { VideoUrl = "/v.mp4" }, new MemoryStream())));

            using var silent = new SilentServer();
            var slow = new LemonDataVideoClient(Key, new LemonDataVideoClientOptions { Endpoint = silent.Endpoint, MaxRetries = 0, AttemptTimeout = TimeSpan.FromMilliseconds(150), WaitTimeout = TimeSpan.FromMilliseconds(300) });
            yield return ("create attempt timeout", await Capture(() => slow.CreateVideoAsync(Request)));
            yield return ("get attempt timeout", await Capture(() => slow.GetVideoTaskAsync("video_k")));
            yield return ("wait timeout while polling a silent server", await Capture(() => slow.WaitForCompletionAsync("video_k")));
            yield return ("download attempt timeout", await Capture(() => slow.DownloadVideoAsync(new VideoTask("video_k", VideoTaskStatus.Completed) { VideoUrl = "/v.mp4" }, new MemoryStream())));

            using var service = new FakeLemonDataService();
            service.GivenSequence("/v1/tasks/video_p", "{\"id\":\"video_p\",\"status\":\"processing\",\"progress\":10}");
            var waiting = service.CreateClient(options => options.WaitTimeout = TimeSpan.FromMilliseconds(100));
            yield return ("wait timeout", await Capture(() => waiting.WaitForCompletionAsync("video_p")));

            using var callersClient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(100) };
            var callers = new LemonDataVideoClient(callersClient, new LemonDataVideoClientOptions { Endpoint = silent.Endpoint, ApiKey = Key, MaxRetries = 0 });
            yield return ("create HttpClient.Timeout", await Capture(() => callers.CreateVideoAsync(Request)));
        }

        // Cancellations: before sending, while the service is silent, between polls.
        {
            using var silent = new SilentServer();
            var client = new LemonDataVideoClient(Key, new LemonDataVideoClientOptions { Endpoint = silent.Endpoint, MaxRetries = 0 });
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();
            yield return ("create cancelled before sending", await Capture(() => client.CreateVideoAsync(Request, cancelled.Token)));
            using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            yield return ("create cancelled while waiting for the answer", await Capture(() => client.CreateVideoAsync(Request, soon.Token)));
            using var soon2 = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            yield return ("get cancelled while waiting for the answer", await Capture(() => client.GetVideoTaskAsync("video_k", soon2.Token)));

            using var service = new FakeLemonDataService();
            service.GivenSequence("/v1/tasks/video_c", "{\"id\":\"video_c\",\"status\":\"processing\"}");
            var polling = service.CreateClient(options => options.PollInterval = TimeSpan.FromMilliseconds(50));
            using var soon3 = new CancellationTokenSource(TimeSpan.FromMilliseconds(120));
            yield return ("wait cancelled between polls", await Capture(() => polling.WaitForCompletionAsync("video_c", cancellationToken: soon3.Token)));
        }

        // Downloads: the video host echoes the keys in its error page.
        {
            using var cdn = new FakeLemonDataService();
            cdn.Given("GET", "/v.mp4", 403, "<Error><Message>" + Echo("Signature for") + "</Message></Error>");
            var client = _service.CreateClient(options => options.MaxRetries = 0);
            yield return ("download 403", await Capture(() => client.DownloadVideoAsync(new VideoTask("video_k", VideoTaskStatus.Completed) { VideoUrl = cdn.Url("/v.mp4") }, new MemoryStream())));
        }

        // Validation: the key pasted into the wrong property.
        {
            var client = _service.CreateClient();
            yield return ("validation: key as model", await Capture(() => client.CreateVideoAsync(new VideoGenerationRequest { Model = Key, Prompt = "x" })));
            yield return ("validation: key as image", await Capture(() => client.CreateVideoAsync(new VideoGenerationRequest { Model = VideoModels.Wan26I2V, Prompt = "x", Image = OtherKey })));
            yield return ("validation: key as aspect ratio", await Capture(() => client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "x", AspectRatio = Key, Resolution = OtherKey })));
        }

        // Configuration mistakes: the key in the endpoint variable.
        {
            using var _ = EnvironmentVariables.Set(LemonDataVideoClientOptions.EndpointEnvironmentVariable, Key);
            yield return ("LEMONDATA_BASE_URL holds the key", CaptureSync(() => new LemonDataVideoClient(Key)));
        }
    }

    private static async Task<Exception> Capture(Func<Task> call)
    {
        try
        {
            await call().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception exception)
        {
            return exception;
        }

        throw new Xunit.Sdk.XunitException("expected a failure");
    }

    private static Exception CaptureSync(Action call)
    {
        try
        {
            call();
        }
        catch (Exception exception)
        {
            return exception;
        }

        throw new Xunit.Sdk.XunitException("expected a failure");
    }

    /// <summary>Every text a logger could print from an object: Message, ToString() and every public property, recursively.</summary>
    private static IEnumerable<(string Where, string Text)> Texts(object root, string name)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(object Value, string Where, int Depth)>();
        pending.Push((root, name, 0));
        while (pending.Count > 0)
        {
            var (value, where, depth) = pending.Pop();
            if (value is string text)
            {
                yield return (where, text);
                continue;
            }

            if (depth > 6 || value.GetType().IsPrimitive || value is Type || value is MemberInfo || value is TimeSpan || value is DateTimeOffset || !seen.Add(value))
            {
                continue;
            }

            yield return (where + ".ToString()", value.ToString() ?? string.Empty);
            if (value is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    pending.Push((entry.Key, where + "[key]", depth + 1));
                    if (entry.Value is not null)
                    {
                        pending.Push((entry.Value, where + "[" + entry.Key + "]", depth + 1));
                    }
                }

                continue;
            }

            if (value is IEnumerable items)
            {
                var i = 0;
                foreach (var item in items)
                {
                    if (item is not null)
                    {
                        pending.Push((item, where + "[" + i++ + "]", depth + 1));
                    }
                }
            }

            foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0 || property.Name is "TargetSite")
                {
                    continue;
                }

                object? propertyValue;
                try
                {
                    propertyValue = property.GetValue(value);
                }
                catch (TargetInvocationException)
                {
                    continue;
                }

                if (propertyValue is not null)
                {
                    pending.Push((propertyValue, where + "." + property.Name, depth + 1));
                }
            }
        }
    }

    private sealed class RecordingTraceListener : TraceListener
    {
        private readonly StringBuilder _text = new();

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        public override void Write(string? message)
        {
            lock (_text)
            {
                _text.Append(message);
            }
        }

        public override void WriteLine(string? message)
        {
            lock (_text)
            {
                _text.AppendLine(message);
            }
        }
    }

    /// <summary>
    /// Listens to every EventSource but .NET's private debugging ones (Private.InternalDiagnostics.*),
    /// which only a runtime developer enables and which are not the SDK's output.
    /// </summary>
    private sealed class RecordingEventListener : EventListener
    {
        private readonly StringBuilder _text = new();

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (!eventSource.Name.StartsWith("Private.InternalDiagnostics", StringComparison.Ordinal))
            {
                EnableEvents(eventSource, EventLevel.Verbose, EventKeywords.All);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            var line = new StringBuilder().Append(eventData.EventSource.Name).Append(' ').Append(eventData.EventName).Append(' ').Append(eventData.Message);
            if (eventData.Payload is { } payload)
            {
                foreach (var item in payload)
                {
                    line.Append(' ').Append(item is IEnumerable enumerable and not string ? string.Join(",", enumerable.Cast<object?>()) : item);
                }
            }

            lock (_text)
            {
                _text.AppendLine(line.Replace('\r', ' ').Replace('\n', ' ').ToString());
            }
        }
    }
}
