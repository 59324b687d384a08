using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using LemonData.Video;
using WireMock;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace LemonData.Video.Tests.Support;

/// <summary>
/// A WireMock server on 127.0.0.1 standing in for the LemonData API, with helpers for the shapes
/// the tests need: a create answer, a sequence of task states, errors. Stops when disposed.
/// </summary>
public sealed class FakeLemonDataService : IDisposable
{
    public const string ApiKey = "sk-test-0123456789abcdef";

    private int _scenarioCounter;

    public FakeLemonDataService(string pathBase = "")
    {
        PathBase = pathBase.TrimEnd('/');
        Server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = new[] { "http://127.0.0.1:" + FreePort() },
            StartAdminInterface = false,
        });
    }

    public WireMockServer Server { get; }

    /// <summary>A prefix every API path is served under ("" or, say, "/lemondata").</summary>
    public string PathBase { get; }

    /// <summary>The address to give the client (with the path base, without a trailing slash).</summary>
    public Uri Endpoint => new(Server.Urls[0] + PathBase);

    /// <summary>When set (the secret sweep sets it), every client made here logs into this factory.</summary>
    public static readonly System.Threading.AsyncLocal<Microsoft.Extensions.Logging.ILoggerFactory?> Logging = new();

    public string Url(string path) => Server.Urls[0] + path;

    public LemonDataVideoClient CreateClient(Action<LemonDataVideoClientOptions>? configure = null)
    {
        var options = new LemonDataVideoClientOptions
        {
            Endpoint = Endpoint,
            PollInterval = TimeSpan.FromMilliseconds(5),
            RetryDelay = TimeSpan.FromMilliseconds(5),
            WaitTimeout = TimeSpan.FromSeconds(20),
            LoggerFactory = Logging.Value,
        };
        configure?.Invoke(options);
        return new LemonDataVideoClient(ApiKey, options);
    }

    /// <summary>A client built with the (HttpClient, options) constructor, with the same tiny delays as <see cref="CreateClient"/>.</summary>
    public LemonDataVideoClient CreateClientOn(System.Net.Http.HttpClient httpClient, Action<LemonDataVideoClientOptions>? configure = null)
    {
        var options = new LemonDataVideoClientOptions
        {
            Endpoint = Endpoint,
            ApiKey = ApiKey,
            PollInterval = TimeSpan.FromMilliseconds(5),
            RetryDelay = TimeSpan.FromMilliseconds(5),
            WaitTimeout = TimeSpan.FromSeconds(20),
            LoggerFactory = Logging.Value,
        };
        configure?.Invoke(options);
        return new LemonDataVideoClient(httpClient, options);
    }

    /// <summary>POST /v1/videos/generations answers <paramref name="status"/> with <paramref name="json"/>.</summary>
    public void GivenCreate(string json, int status = 200, IDictionary<string, string>? headers = null) =>
        Given("POST", "/v1/videos/generations", status, json, headers);

    /// <summary>GET on <paramref name="path"/> answers each of <paramref name="bodies"/> in turn, the last one forever after.</summary>
    public void GivenSequence(string path, params string[] bodies) =>
        GivenSequence("GET", path, bodies.Select(body => (200, body, (IDictionary<string, string>?)null)).ToArray());

    public void GivenSequence(string method, string path, params (int Status, string Body, IDictionary<string, string>? Headers)[] answers)
    {
        if (answers.Length == 0)
        {
            // GivenSequence(path, body) with a single body binds to this overload (method = the path,
            // path = the body, no answers): C# prefers it over the params string[] one. Read it as meant.
            GivenSequence("GET", method, (200, path, null));
            return;
        }

        if (answers.Length == 1)
        {
            // A scenario with a single state never leaves its start state, which WireMock does not match.
            Given(method, path, answers[0].Status, answers[0].Body, answers[0].Headers);
            return;
        }

        var scenario = "scenario-" + System.Threading.Interlocked.Increment(ref _scenarioCounter);
        for (var i = 0; i < answers.Length; i++)
        {
            var request = Request.Create().WithPath(PathBase + path).UsingMethod(method);
            var builder = Server.Given(request).InScenario(scenario);
            builder = i == 0 ? builder.WhenStateIs(null!) : builder.WhenStateIs("step-" + i);
            if (i < answers.Length - 1)
            {
                builder = builder.WillSetStateTo("step-" + (i + 1));
            }

            builder.RespondWith(Respond(answers[i].Status, answers[i].Body, answers[i].Headers));
        }
    }

    public void Given(string method, string path, int status, string body, IDictionary<string, string>? headers = null) =>
        Server.Given(Request.Create().WithPath(PathBase + path).UsingMethod(method)).RespondWith(Respond(status, body, headers));

    public IReadOnlyList<ILogEntry> RequestsTo(string method, string path) =>
        Server.LogEntries.Where(entry =>
            string.Equals(entry.RequestMessage.Method, method, StringComparison.OrdinalIgnoreCase)
            && entry.RequestMessage.Path == PathBase + path).ToList();

    public static string ErrorBody(string message, string type, string code, string? param = null) =>
        "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"code\":\"" + code + "\""
        + (param is null ? string.Empty : ",\"param\":\"" + param + "\"") + "}}";

    /// <summary><paramref name="method"/> on <paramref name="path"/> answers with a body computed from the request (called once per request).</summary>
    public void GivenDynamic(string method, string path, Func<IRequestMessage, string> body, int status = 200) =>
        Server.Given(Request.Create().WithPath(PathBase + path).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    /// <summary><paramref name="method"/> on any path matching <paramref name="wildcardPath"/> (e.g. "/v1/tasks/*") answers with a computed body.</summary>
    public void GivenDynamicWildcard(string method, string wildcardPath, Func<IRequestMessage, string> body, int status = 200) =>
        Server.Given(Request.Create().WithPath(new WildcardMatcher(PathBase + wildcardPath)).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    /// <summary>
    /// GET on <paramref name="path"/> answers each of <paramref name="bodies"/> in turn (the last one forever
    /// after), with <paramref name="headers"/> on every answer, and calls <paramref name="onRequest"/> as each
    /// request arrives (for example to note the time of a fake clock).
    /// </summary>
    public void GivenObservedSequence(string path, Action onRequest, IDictionary<string, string>? headers, params string[] bodies)
    {
        var served = 0;
        var gate = new object();
        var response = Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json");
        foreach (var header in headers ?? new Dictionary<string, string>())
        {
            response = response.WithHeader(header.Key, header.Value);
        }

        Server.Given(Request.Create().WithPath(PathBase + path).UsingGet()).RespondWith(response.WithBody(_ =>
        {
            lock (gate)
            {
                onRequest();
                return bodies[Math.Min(served++, bodies.Length - 1)];
            }
        }));
    }

    /// <summary>Like <see cref="Given"/>, but the answer is sent only after <paramref name="delay"/>.</summary>
    public void GivenDelayed(string method, string path, TimeSpan delay, int status, string body) =>
        Server.Given(Request.Create().WithPath(PathBase + path).UsingMethod(method)).RespondWith(Respond(status, body, null).WithDelay(delay));

    /// <summary>Every request the server received, whatever its path (the log is filled once each answer was sent).</summary>
    public IReadOnlyList<ILogEntry> AllRequests => Server.LogEntries.ToList();

    /// <summary>The value of <paramref name="header"/> on a logged request, or null when it was not sent.</summary>
    public static string? HeaderOf(ILogEntry entry, string header)
    {
        var headers = entry.RequestMessage.Headers;
        if (headers is null)
        {
            return null;
        }

        foreach (var pair in headers)
        {
            if (string.Equals(pair.Key, header, StringComparison.OrdinalIgnoreCase))
            {
                return string.Join(",", pair.Value);
            }
        }

        return null;
    }

    /// <summary>An http address on 127.0.0.1 whose port nobody listens on (connections are refused).</summary>
    public static Uri ClosedPortEndpoint() => new("http://127.0.0.1:" + FreePort());

    /// <summary>A free port on 127.0.0.1, for a second server.</summary>
    public static int GetFreePort() => FreePort();

    public void Dispose() => Server.Stop();

    private static IResponseBuilder Respond(int status, string body, IDictionary<string, string>? headers)
    {
        var response = Response.Create().WithStatusCode(status).WithBody(body);
        if (body.TrimStart().StartsWith("{", StringComparison.Ordinal) || body.TrimStart().StartsWith("[", StringComparison.Ordinal))
        {
            response = response.WithHeader("Content-Type", "application/json");
        }

        foreach (var header in headers ?? new Dictionary<string, string>())
        {
            response = response.WithHeader(header.Key, header.Value);
        }

        return response;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
