using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Cli.Tests;

/// <summary>
/// What the service says in an error reaches the person (on stderr) and the script (<c>--json</c>): the request id,
/// the hint, the suggestion, the field errors, the amounts of a 402, the lists of a 503 and the rate-limit headers.
/// </summary>
public sealed class ServiceErrorTests
{
    private const string Key = "sk-cli-0123456789abcdef";

    [Fact]
    public async Task A_refused_create_s_details_are_in_the_json_error_and_on_stderr()
    {
        using var server = new AnsweringServer(400, """
            {"error":{"message":"Invalid request","type":"invalid_request_error","code":"invalid_parameter","param":"fps",
              "hint":"Use 1-120 frames per second","did_you_mean":"sora-2","request_id":"req_body"},
             "validation_errors":[{"field":"fps","message":"must be between 1 and 120"}]}
            """, new Dictionary<string, string> { ["X-Request-Id"] = "req_cli", ["X-RateLimit-Limit"] = "60", ["X-RateLimit-Remaining"] = "59" });

        var result = await Cli.RunAsync(server.Environment(), default, Cli.Args(new[] { "generate", "--prompt", "A cat", "--model", "sora-2", "--json" }, Cli.FastPolling));

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("Request id (for support): req_cli", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Nothing was created or charged.", result.Stderr, StringComparison.Ordinal);
        var error = result.Json().GetProperty("error");
        Assert.Equal(400, error.GetProperty("statusCode").GetInt32());
        Assert.Equal("req_cli", error.GetProperty("requestId").GetString());
        Assert.Equal("Use 1-120 frames per second", error.GetProperty("hint").GetString());
        Assert.Equal("sora-2", error.GetProperty("didYouMean").GetString());
        var field = Assert.Single(error.GetProperty("validationErrors").EnumerateArray());
        Assert.Equal("fps", field.GetProperty("field").GetString());
        Assert.Equal("must be between 1 and 120", field.GetProperty("message").GetString());
        Assert.Equal(60, error.GetProperty("rateLimit").GetProperty("limit").GetInt64());
        Assert.Equal(59, error.GetProperty("rateLimit").GetProperty("remaining").GetInt64());
        Assert.False(error.TryGetProperty("taskMayExist", out _));
        Assert.DoesNotContain(Key, result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_402_s_amounts_are_in_the_json_error()
    {
        using var server = new AnsweringServer(402, """{"error":{"message":"Insufficient balance","code":"insufficient_balance","balance_usd":0.12,"estimated_cost_usd":0.35}}""");

        var result = await Cli.RunAsync(server.Environment(), default, Cli.Args(new[] { "generate", "--prompt", "A cat", "--model", "sora-2", "--json" }, Cli.FastPolling));

        Assert.True(result.ExitCode == 3, result.ToString());
        var error = result.Json().GetProperty("error");
        Assert.Equal(0.12m, error.GetProperty("balanceUsd").GetDecimal());
        Assert.Equal(0.35m, error.GetProperty("estimatedCostUsd").GetDecimal());
    }

    [Fact]
    public async Task A_503_model_unavailable_that_names_its_task_exits_3_with_the_resume_command_and_the_model_s_lists()
    {
        using var server = new AnsweringServer(503, """
            {"task_id":"ldtask_cli503","error":{"message":"Model unavailable","code":"model_unavailable",
              "supported_parameters":["prompt","duration"],"allowed_resolutions":["720p"],"recommended_request":{"model":"veo3.1","resolution":"720p"}}}
            """);

        var result = await Cli.RunAsync(server.Environment(), default, Cli.Args(new[] { "generate", "--prompt", "A cat", "--model", "sora-2", "--out", "cat.mp4", "--json" }, Cli.FastPolling));

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("Task ldtask_cli503 may exist and be charged although this command failed: do not submit it again; resume it instead.", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("lemondata-video wait ldtask_cli503 --out cat.mp4", result.Stderr, StringComparison.Ordinal);
        var json = result.Json();
        Assert.Equal("lemondata-video wait ldtask_cli503 --out cat.mp4", json.GetProperty("resume").GetString()!.Split(" --endpoint")[0]);
        var error = json.GetProperty("error");
        Assert.True(error.GetProperty("taskMayExist").GetBoolean());
        Assert.Equal("ldtask_cli503", error.GetProperty("taskId").GetString());
        Assert.Equal(new[] { "prompt", "duration" }, ToStrings(error.GetProperty("supportedParameters")));
        Assert.Equal(new[] { "720p" }, ToStrings(error.GetProperty("allowedResolutions")));
        Assert.Equal("veo3.1", error.GetProperty("recommendedRequest").GetProperty("model").GetString());
        Assert.Equal(1, server.Posts);
    }

    private static List<string> ToStrings(System.Text.Json.JsonElement array)
    {
        var values = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            values.Add(item.GetString()!);
        }

        return values;
    }

    /// <summary>A service on 127.0.0.1 that answers every create with one error, and every read with the model sora-2.</summary>
    private sealed class AnsweringServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly CancellationTokenSource _stop = new();
        private int _posts;

        public AnsweringServer(int status, string body, IDictionary<string, string>? headers = null)
        {
            Port = FreePort();
            _listener.Prefixes.Add("http://127.0.0.1:" + Port + "/");
            _listener.Start();
            _ = Task.Run(() => ServeAsync(status, body, headers ?? new Dictionary<string, string>()));
        }

        public int Port { get; }

        public int Posts => Volatile.Read(ref _posts);

        public Dictionary<string, string?> Environment() => new()
        {
            ["LEMONDATA_API_KEY"] = Key,
            ["LEMONDATA_BASE_URL"] = "http://127.0.0.1:" + Port,
        };

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Close();
        }

        private async Task ServeAsync(int status, string body, IDictionary<string, string> headers)
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (HttpListenerException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                var isCreate = context.Request.HttpMethod == "POST";
                if (isCreate)
                {
                    Interlocked.Increment(ref _posts);
                }

                // A read is the CLI's look-up of the model: it is known, with no lists, so the create goes ahead.
                var bytes = Encoding.UTF8.GetBytes(isCreate ? body : """{"id":"sora-2","object":"model","owned_by":"OpenAI"}""");
                context.Response.StatusCode = isCreate ? status : 200;
                context.Response.ContentType = "application/json";
                if (isCreate)
                {
                    foreach (var header in headers)
                    {
                        context.Response.Headers[header.Key] = header.Value;
                    }
                }

                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
