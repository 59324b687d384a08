using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace LemonData.Video.Tests.Hostile;

/// <summary>One WireMock server for the whole table: every row serves its answer under its own path base.</summary>
public sealed class MalformedAnswerServer : IDisposable
{
    private int _rows;

    public MalformedAnswerServer()
    {
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = new[] { "http://127.0.0.1:" + port }, StartAdminInterface = false });
    }

    public WireMockServer Server { get; }

    public string NextPathBase() => "/row" + Interlocked.Increment(ref _rows);

    public void Dispose() => Server.Stop();
}

/// <summary>
/// A table of malformed answers, each served to a create (POST) and to a read (GET). Every one ends in a
/// tolerant parse whose known fields are right, or in a <see cref="LemonDataApiException"/> carrying the
/// answer's status and an excerpt of its body; for a create, exactly one POST is sent and any readable
/// task id reaches the caller. Nothing else escapes, nothing hangs.
/// </summary>
public sealed class MalformedAnswerTests : IClassFixture<MalformedAnswerServer>
{
    private const string ReadTaskId = "task_hostile";
    private const string CreatePath = "/v1/videos/generations";
    private const string ReadPath = "/v1/tasks/" + ReadTaskId;
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(5);

    private readonly MalformedAnswerServer _fixture;

    public MalformedAnswerTests(MalformedAnswerServer fixture) => _fixture = fixture;

    public enum Call
    {
        Create,
        Read,
    }

    /// <summary>What a row must produce for one call.</summary>
    public sealed class Outcome
    {
        /// <summary>Null for a refusal; else checks on the parsed task.</summary>
        public Action<VideoTask>? Parsed { get; init; }

        /// <summary>For a refused create: the id the exception must carry (salvaged from the body), or null.</summary>
        public string? SalvagedTaskId { get; init; }

        public static Outcome Parse(Action<VideoTask> check) => new() { Parsed = check };

        public static Outcome Refuse(string? salvagedTaskId) => new() { SalvagedTaskId = salvagedTaskId };
    }

    public sealed class Garbled
    {
        public Garbled(string name, int status, byte[] body, Outcome create, Outcome read)
        {
            Name = name;
            Status = status;
            Body = body;
            Create = create;
            Read = read;
        }

        public string Name { get; }

        public int Status { get; }

        public byte[] Body { get; }

        public string ContentType { get; init; } = "application/json";

        public string? ContentEncoding { get; init; }

        public Outcome Create { get; }

        public Outcome Read { get; }

        /// <summary>Whether the body has readable text the exception must quote.</summary>
        public bool ExcerptExpected { get; init; } = true;

        public override string ToString() => Name;
    }

    private const string Valid = "{\"id\":\"video_abc\",\"status\":\"pending\",\"model\":\"sora-2\",\"created_at\":1706000000}";

    private static readonly DateTimeOffset Created = DateTimeOffset.FromUnixTimeSeconds(1706000000);

    public static IEnumerable<object[]> Cases() => AllCases().SelectMany(c => new[] { new object[] { c, Call.Create }, new object[] { c, Call.Read } });

    public static IReadOnlyList<Garbled> AllCases()
    {
        var cases = new List<Garbled>
        {
            // Truncated JSON, at several points.
            Unreadable("truncated after the opening brace", "{", salvaged: null),
            Unreadable("truncated inside the first key", "{\"i", salvaged: null),
            Unreadable("truncated inside the id", "{\"id\":\"video_a", salvaged: null),
            Unreadable("truncated right after the id", "{\"id\":\"video_abc\"", salvaged: "video_abc"),
            Unreadable("truncated after the id and a comma", "{\"id\":\"video_abc\",", salvaged: "video_abc"),
            Unreadable("truncated inside the status", "{\"id\":\"video_abc\",\"status\":\"pen", salvaged: "video_abc"),
            Unreadable("truncated inside a number", "{\"task_id\":\"video_abc\",\"status\":\"pending\",\"progress\":4", salvaged: "video_abc"),
            Unreadable("truncated before the closing brace", "{\"id\":\"video_abc\",\"status\":\"pending\",\"model\":\"sora-2\"", salvaged: "video_abc"),
            Unreadable("truncated inside a nested object", "{\"id\":\"video_abc\",\"status\":\"completed\",\"video\":{\"url\":\"https://cdn", salvaged: "video_abc"),

            // id and task_id of the wrong type.
            Unreadable("id is a number", "{\"id\":123,\"status\":\"pending\"}", salvaged: null),
            Unreadable("id is an object", "{\"id\":{\"value\":\"video_abc\"},\"status\":\"pending\"}", salvaged: null),
            Unreadable("id is an array", "{\"id\":[\"video_abc\"],\"status\":\"pending\"}", salvaged: null),
            Unreadable("id is a number but task_id is readable", "{\"id\":123,\"task_id\":\"video_abc\",\"status\":\"pending\"}", salvaged: "video_abc"),
            Unreadable("task_id is a bool", "{\"task_id\":true,\"status\":\"pending\"}", salvaged: null),

            // status.
            Unreadable("status is a number", "{\"id\":\"video_abc\",\"status\":1}", salvaged: "video_abc"),
            Unreadable("status is a bool", "{\"id\":\"video_abc\",\"status\":true}", salvaged: "video_abc"),
            Unreadable("status is an object", "{\"id\":\"video_abc\",\"status\":{\"state\":\"pending\"}}", salvaged: "video_abc"),
            Tolerant("status is a value the SDK does not know", "{\"id\":\"video_abc\",\"status\":\"queued_for_gpu\"}", task =>
            {
                Assert.Equal("queued_for_gpu", task.Status.ToString());
                Assert.False(task.IsTerminal);
            }),
            Tolerant("status is an empty string", "{\"id\":\"video_abc\",\"status\":\"\"}", task => Assert.False(task.IsTerminal)),

            // progress.
            Unreadable("progress is the string abc", "{\"id\":\"video_abc\",\"status\":\"processing\",\"progress\":\"abc\"}", salvaged: "video_abc"),
            Unreadable("progress is an object", "{\"id\":\"video_abc\",\"status\":\"processing\",\"progress\":{\"pct\":5}}", salvaged: "video_abc"),
            Unreadable("progress is a bool", "{\"id\":\"video_abc\",\"status\":\"processing\",\"progress\":true}", salvaged: "video_abc"),
            Tolerant("progress is a quoted number", "{\"id\":\"video_abc\",\"status\":\"processing\",\"progress\":\"42.5\"}", task => Assert.Equal(42.5, task.Progress)),
            Tolerant("progress is negative", "{\"id\":\"video_abc\",\"status\":\"processing\",\"progress\":-5}", task => Assert.Equal(VideoTaskStatus.Processing, task.Status)),
            Tolerant("progress is 1e308", "{\"id\":\"video_abc\",\"status\":\"processing\",\"progress\":1e308}", task => Assert.Equal(VideoTaskStatus.Processing, task.Status)),
            Tolerant("progress is over 100", "{\"id\":\"video_abc\",\"status\":\"processing\",\"progress\":250}", task => Assert.Equal(VideoTaskStatus.Processing, task.Status)),
            Tolerant("progress overflows a double (1e400)", "{\"id\":\"video_abc\",\"status\":\"processing\",\"progress\":1e400}", task => Assert.Equal(VideoTaskStatus.Processing, task.Status)),

            // model, video_url, video, videos.
            Unreadable("model is a number", "{\"id\":\"video_abc\",\"status\":\"pending\",\"model\":7}", salvaged: "video_abc"),
            Unreadable("video_url is a number", "{\"id\":\"video_abc\",\"status\":\"completed\",\"video_url\":42}", salvaged: "video_abc"),
            Unreadable("video_url is an object", "{\"id\":\"video_abc\",\"status\":\"completed\",\"video_url\":{\"href\":\"https://cdn.example/v.mp4\"}}", salvaged: "video_abc"),
            Unreadable("video is a string", "{\"id\":\"video_abc\",\"status\":\"completed\",\"video\":\"https://cdn.example/v.mp4\"}", salvaged: "video_abc"),
            Unreadable("video is an array", "{\"id\":\"video_abc\",\"status\":\"completed\",\"video\":[{\"url\":\"https://cdn.example/v.mp4\"}]}", salvaged: "video_abc"),
            Unreadable("video.duration is a word", "{\"id\":\"video_abc\",\"status\":\"completed\",\"video\":{\"url\":\"https://cdn.example/v.mp4\",\"duration\":\"long\"}}", salvaged: "video_abc"),
            Tolerant("video.duration is 1e308", "{\"id\":\"video_abc\",\"status\":\"completed\",\"video\":{\"url\":\"https://cdn.example/v.mp4\",\"duration\":1e308}}", task =>
            {
                Assert.Equal(VideoTaskStatus.Completed, task.Status);
                Assert.Equal("https://cdn.example/v.mp4", task.VideoUrl);
            }),
            Unreadable("videos is an object", "{\"id\":\"video_abc\",\"status\":\"completed\",\"videos\":{\"url\":\"https://cdn.example/v.mp4\"}}", salvaged: "video_abc"),
            Unreadable("videos is an array of strings", "{\"id\":\"video_abc\",\"status\":\"completed\",\"videos\":[\"https://cdn.example/v.mp4\"]}", salvaged: "video_abc"),
            Tolerant("videos is empty", "{\"id\":\"video_abc\",\"status\":\"completed\",\"videos\":[]}", task => Assert.Null(task.VideoUrl)),
            Tolerant("videos starts with null", "{\"id\":\"video_abc\",\"status\":\"completed\",\"videos\":[null]}", task => Assert.Null(task.VideoUrl)),

            // error, in every shape.
            Tolerant("error is a number", "{\"id\":\"video_abc\",\"status\":\"failed\",\"error\":42}", task =>
            {
                Assert.Equal(VideoTaskStatus.Failed, task.Status);
                Assert.Equal("42", task.Error);
            }),
            Tolerant("error is an array", "{\"id\":\"video_abc\",\"status\":\"failed\",\"error\":[\"a\",\"b\"]}", task =>
            {
                Assert.Equal(VideoTaskStatus.Failed, task.Status);
                Assert.Equal("[\"a\",\"b\"]", task.Error);
            }),
            Tolerant("error is false", "{\"id\":\"video_abc\",\"status\":\"failed\",\"error\":false}", task =>
            {
                Assert.Equal(VideoTaskStatus.Failed, task.Status);
                Assert.Null(task.Error);
            }),
            Tolerant("error is an object without message", "{\"id\":\"video_abc\",\"status\":\"failed\",\"error\":{\"code\":\"E1\"}}", task =>
            {
                Assert.Equal("E1", task.Error);
                Assert.Equal("E1", task.ErrorCode);
            }),
            Tolerant("error.message is an object", "{\"id\":\"video_abc\",\"status\":\"failed\",\"error\":{\"message\":{\"x\":1}}}", task =>
            {
                Assert.Equal(VideoTaskStatus.Failed, task.Status);
                Assert.Equal("{\"message\":{\"x\":1}}", task.Error);
            }),

            // Timestamps.
            Tolerant("created_at is a quoted number", "{\"id\":\"video_abc\",\"status\":\"pending\",\"created_at\":\"1706000000\"}", task => Assert.Equal(Created, task.CreatedAt)),
            Unreadable("created_at is a word", "{\"id\":\"video_abc\",\"status\":\"pending\",\"created_at\":\"yesterday\"}", salvaged: "video_abc"),
            Unreadable("created_at is a float", "{\"id\":\"video_abc\",\"status\":\"pending\",\"created_at\":1706000000.5}", salvaged: "video_abc"),
            Unreadable("created_at is beyond a long", "{\"id\":\"video_abc\",\"status\":\"pending\",\"created_at\":100000000000000000000}", salvaged: "video_abc"),
            Tolerant("created_at is long.MaxValue", "{\"id\":\"video_abc\",\"status\":\"pending\",\"created_at\":9223372036854775807}", task => Assert.Null(task.CreatedAt)),
            Tolerant("created and completed_at are long.MinValue", "{\"id\":\"video_abc\",\"status\":\"pending\",\"created\":-9223372036854775808,\"completed_at\":-9223372036854775808}", task =>
            {
                Assert.Null(task.CreatedAt);
                Assert.Null(task.CompletedAt);
            }),
            Unreadable("completed_at is an object", "{\"id\":\"video_abc\",\"status\":\"completed\",\"completed_at\":{\"s\":1}}", salvaged: "video_abc"),

            // poll_url, cancelled.
            Unreadable("poll_url is a number", "{\"id\":\"video_abc\",\"status\":\"pending\",\"poll_url\":5}", salvaged: "video_abc"),
            Unreadable("poll_url is an object", "{\"id\":\"video_abc\",\"status\":\"pending\",\"poll_url\":{\"path\":\"/v1/tasks/video_abc\"}}", salvaged: "video_abc"),
            Unreadable("cancelled is a string", "{\"id\":\"video_abc\",\"status\":\"failed\",\"cancelled\":\"yes\"}", salvaged: "video_abc"),
            Unreadable("cancelled is a number", "{\"id\":\"video_abc\",\"status\":\"failed\",\"cancelled\":1}", salvaged: "video_abc"),

            // Nulls.
            Tolerant(
                "nulls everywhere but the id",
                "{\"id\":\"video_abc\",\"task_id\":null,\"status\":null,\"progress\":null,\"model\":null,\"video_url\":null,\"video\":null,\"videos\":null,"
                + "\"error\":null,\"cancelled\":null,\"cancellation_status\":null,\"created_at\":null,\"created\":null,\"updated\":null,\"completed_at\":null,\"poll_url\":null,\"billing_transaction_id\":null}",
                task =>
                {
                    Assert.False(task.IsTerminal);
                    Assert.Null(task.Progress);
                    Assert.Null(task.Model);
                    Assert.Null(task.VideoUrl);
                    Assert.Null(task.Error);
                    Assert.Null(task.CreatedAt);
                    Assert.Null(task.PollUrl);
                    Assert.False(task.IsCancelled);
                }),
            Tolerant("video.url null and videos null", "{\"id\":\"video_abc\",\"status\":\"completed\",\"video\":{\"url\":null},\"videos\":[{\"url\":null}]}", task => Assert.Null(task.VideoUrl)),
            TolerantWithoutId("id and task_id are null", "{\"id\":null,\"task_id\":null,\"status\":\"pending\"}", task => Assert.Equal(VideoTaskStatus.Pending, task.Status)),
            TolerantWithoutId("id is white space", "{\"id\":\"   \",\"status\":\"processing\"}", task => Assert.Equal(VideoTaskStatus.Processing, task.Status)),
            TolerantWithoutId("an empty object", "{}", task => Assert.False(task.IsTerminal)),
            TolerantWithoutId("an error body with status 200", "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}", task => Assert.Equal("boom", task.Error)),
            Tolerant("id empty, task_id readable", "{\"id\":\"\",\"task_id\":\"video_abc\",\"status\":\"pending\"}", task => Assert.Equal(VideoTaskStatus.Pending, task.Status)),

            // Unknown nested objects and fields.
            Tolerant(
                "unknown nested objects",
                "{\"id\":\"video_abc\",\"status\":\"completed\",\"video_url\":\"https://cdn.example/v.mp4\",\"meta\":{\"a\":{\"b\":[1,{\"c\":null},[true,false]],\"id\":\"not_the_task\"}},\"video\":{\"url\":\"https://cdn.example/other.mp4\",\"codec\":{\"name\":\"h264\"}}}",
                task =>
                {
                    Assert.Equal(VideoTaskStatus.Completed, task.Status);
                    Assert.Equal("https://cdn.example/v.mp4", task.VideoUrl);
                }),
            Tolerant("unknown fields of every type", "{\"x1\":1e308,\"x2\":-1e308,\"x3\":[],\"x4\":{},\"x5\":null,\"x6\":\"\\u0000\",\"id\":\"video_abc\",\"status\":\"pending\",\"model\":\"sora-2\"}", task => Assert.Equal("sora-2", task.Model)),
            Tolerant("content type text/html around a JSON task", Valid, task => Assert.Equal(Created, task.CreatedAt), contentType: "text/html; charset=utf-8"),
            Tolerant("status 201 with a task", Valid, task => Assert.Equal("sora-2", task.Model), status: 201),

            // Empty bodies.
            Unreadable("an empty body with 200", string.Empty, salvaged: null),
            Unreadable("an empty body with 201", string.Empty, salvaged: null, status: 201),
            Unreadable("an empty body with 204", string.Empty, salvaged: null, status: 204),
            Unreadable("a body of white space", "  \r\n\t ", salvaged: null),

            // Not JSON, or not an object.
            Unreadable("an HTML page with 200", "<html><head><title>Welcome</title></head><body>nginx</body></html>", salvaged: null, contentType: "text/html"),
            Unreadable("an HTML error page with 502", "<html><body><h1>502 Bad Gateway</h1></body></html>", salvaged: null, status: 502, contentType: "text/html"),
            Unreadable("an HTML error page with 503", "<!DOCTYPE html><html><body>Service Unavailable</body></html>", salvaged: null, status: 503, contentType: "text/html"),
            Unreadable("a JSON array instead of an object", "[" + Valid + "]", salvaged: null),
            Unreadable("a JSON string literal", "\"video_abc\"", salvaged: null),
            Unreadable("a JSON number literal", "42", salvaged: null),
            Unreadable("a JSON null literal", "null", salvaged: null),
            Unreadable("trailing garbage after the task", Valid + " xyz", salvaged: "video_abc"),
            Unreadable("two tasks concatenated", Valid + Valid, salvaged: "video_abc"),
            Unreadable("comments in the JSON", "{\"id\":\"video_abc\" /* note */ ,\"status\":\"pending\"}", salvaged: "video_abc"),
            Unreadable("a UTF-16 body", Encoding.Unicode.GetBytes(Valid), salvaged: null),
            Unreadable("invalid UTF-8 after the id", Concat("{\"id\":\"video_abc\",\"model\":\"", new byte[] { 0xFF, 0xFE, 0xC3 }, "\"}"), salvaged: "video_abc"),

            // Deep nesting.
            Unreadable("10,000 nested arrays", new string('[', 10_000) + new string(']', 10_000), salvaged: null),
            Unreadable("10,000 nested objects", string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000), salvaged: null),
            Unreadable("10,000 nested arrays after the id", "{\"id\":\"video_abc\",\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}", salvaged: "video_abc"),

            // Huge bodies.
            Unreadable("a 10 MB JSON body", "{\"id\":\"video_big\",\"status\":\"pending\",\"pad\":\"" + new string('x', 10 * 1024 * 1024) + "\"}", salvaged: "video_big"),
            Unreadable("a 10 MB HTML page with 502", "<html>" + new string('x', 10 * 1024 * 1024) + "</html>", salvaged: null, status: 502, contentType: "text/html"),

            // Encodings.
            Tolerant("a UTF-8 BOM before the task", Concat(string.Empty, new byte[] { 0xEF, 0xBB, 0xBF }, Valid), task => Assert.Equal(Created, task.CreatedAt)),
            new Garbled("gzip declared but not gzipped", 200, Encoding.UTF8.GetBytes(Valid), Outcome.Refuse(null), Outcome.Refuse(null))
            {
                ContentEncoding = "gzip",
                ExcerptExpected = false,
            },
        };

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_malformed_answer_gives_a_tolerant_parse_or_a_LemonDataApiException(Garbled answer, Call call)
    {
        var pathBase = _fixture.NextPathBase();
        var path = pathBase + (call == Call.Create ? CreatePath : ReadPath);
        var response = Response.Create().WithStatusCode(answer.Status).WithHeader("Content-Type", answer.ContentType);
        if (answer.ContentEncoding is not null)
        {
            response = response.WithHeader("Content-Encoding", answer.ContentEncoding);
        }

        if (answer.Body.Length > 0)
        {
            response = response.WithBody(answer.Body);
        }

        _fixture.Server.Given(Request.Create().WithPath(path).UsingMethod(call == Call.Create ? "POST" : "GET")).RespondWith(response);

        var client = new LemonDataVideoClient(Support.FakeLemonDataService.ApiKey, new LemonDataVideoClientOptions
        {
            Endpoint = new Uri(_fixture.Server.Urls[0] + pathBase),
            MaxRetries = 1,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            AttemptTimeout = TimeSpan.FromSeconds(4),
        });

        var outcome = call == Call.Create ? answer.Create : answer.Read;
        Task<VideoTask> Run() => call == Call.Create
            ? client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "A paper boat on a river" })
            : client.GetVideoTaskAsync(ReadTaskId);

        VideoTask? task = null;
        Exception? thrown = null;
        try
        {
            task = await Run().WaitAsync(CaseTimeout);
        }
        catch (Exception exception)
        {
            thrown = exception;
        }

        if (outcome.Parsed is { } check)
        {
            Assert.True(thrown is null, "expected a tolerant parse, got " + thrown);
            Assert.NotNull(task);
            check(task!);
            Assert.True(task!.Progress is null || (task.Progress >= 0 && task.Progress <= 100), "Progress must be null or within 0-100, is " + task.Progress);
        }
        else
        {
            Assert.True(thrown is LemonDataApiException, "expected a LemonDataApiException, got " + (thrown?.ToString() ?? "a task: " + task));
            var api = (LemonDataApiException)thrown!;
            Assert.Equal(answer.Status, api.StatusCode);
            if (answer.ExcerptExpected && Encoding.UTF8.GetString(answer.Body).Trim().Length > 0)
            {
                Assert.False(string.IsNullOrWhiteSpace(api.ResponseExcerpt), "the exception must quote the body");
                Assert.True(api.ResponseExcerpt!.Length <= 400, "an excerpt, not the body");
            }
            else if (answer.Body.Length == 0)
            {
                Assert.Null(api.ResponseExcerpt);
            }

            var success = answer.Status is >= 200 and < 300;
            if (call == Call.Create)
            {
                Assert.Equal(outcome.SalvagedTaskId, api.TaskId);
                if (success)
                {
                    Assert.True(api.TaskMayExist, "a create answered " + answer.Status + " most likely made a task");
                    Assert.Contains("do not submit the request again", api.Message, StringComparison.Ordinal);
                }
            }
            else
            {
                Assert.Equal(ReadTaskId, api.TaskId);
                Assert.False(api.TaskMayExist);
            }
        }

        var sent = await ServerCountAsync(call == Call.Create ? "POST" : "GET", path);
        if (call == Call.Create)
        {
            Assert.Equal(1, sent);
        }
        else
        {
            Assert.InRange(sent, 1, 2);
        }
    }

    [Fact]
    public void The_table_has_at_least_50_malformed_answers()
    {
        Assert.True(AllCases().Count >= 50, "only " + AllCases().Count + " cases");
        Assert.Equal(AllCases().Count, AllCases().Select(c => c.Name).Distinct().Count());
    }

    // WireMock logs a request once its answer went out (or failed to): wait briefly for the log.
    private async Task<int> ServerCountAsync(string method, string path)
    {
        var count = 0;
        for (var i = 0; i < 50; i++)
        {
            count = _fixture.Server.LogEntries.Count(entry => entry.RequestMessage.Method == method && entry.RequestMessage.Path == path);
            if (count > 0)
            {
                await Task.Delay(20);
                return _fixture.Server.LogEntries.Count(entry => entry.RequestMessage.Method == method && entry.RequestMessage.Path == path);
            }

            await Task.Delay(20);
        }

        return count;
    }

    private static Garbled Tolerant(string name, string json, Action<VideoTask> check, int status = 200, string contentType = "application/json") =>
        Tolerant(name, Encoding.UTF8.GetBytes(json), check, status, contentType);

    private static Garbled Tolerant(string name, byte[] body, Action<VideoTask> check, int status = 200, string contentType = "application/json") =>
        new(name, status, body, Outcome.Parse(WithId("video_abc", check)), Outcome.Parse(WithId("video_abc", check))) { ContentType = contentType };

    // A body naming no task: a create cannot name what it made; a read knows the id it asked for.
    private static Garbled TolerantWithoutId(string name, string json, Action<VideoTask> check) =>
        new(name, 200, Encoding.UTF8.GetBytes(json), Outcome.Refuse(null), Outcome.Parse(WithId(ReadTaskId, check)));

    private static Garbled Unreadable(string name, string body, string? salvaged, int status = 200, string contentType = "application/json") =>
        Unreadable(name, Encoding.UTF8.GetBytes(body), salvaged, status, contentType);

    private static Garbled Unreadable(string name, byte[] body, string? salvaged, int status = 200, string contentType = "application/json") =>
        new(name, status, body, Outcome.Refuse(status is >= 200 and < 300 ? salvaged : null), Outcome.Refuse(null)) { ContentType = contentType };

    private static Action<VideoTask> WithId(string id, Action<VideoTask> check) => task =>
    {
        Assert.Equal(id, task.Id);
        check(task);
    };

    private static byte[] Concat(string before, byte[] middle, string after) =>
        Encoding.UTF8.GetBytes(before).Concat(middle).Concat(Encoding.UTF8.GetBytes(after)).ToArray();
}
