using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.PackageTests.Support.Lsp;

/// <summary>An error answer of the server to one of our requests.</summary>
public sealed class LspErrorException(string method, JsonElement error)
    : Exception($"The server answered {method} with an error: {error.GetRawText()}");

/// <summary>
/// JSON-RPC 2.0 in the Language Server Protocol's base protocol (a <c>Content-Length</c> header, a blank line, the
/// UTF-8 JSON body) over the server's standard output and input. Our requests await their answers; the server's
/// requests are answered by <paramref name="answerServerRequest"/>, its notifications go to
/// <paramref name="onNotification"/>. Nothing here knows C#: <see cref="CSharpLsSession"/> does.
/// </summary>
public sealed class LspConnection(
    Stream fromServer,
    Stream toServer,
    Func<string, JsonElement, JsonNode?> answerServerRequest,
    Action<string, JsonElement> onNotification,
    Action<string> log) : IDisposable
{
    private readonly ConcurrentDictionary<int, (string Method, TaskCompletionSource<JsonElement> Answer)> pending = new();
    private readonly SemaphoreSlim oneWriterAtATime = new(1, 1);
    private readonly CancellationTokenSource stopReading = new();
    private int lastId;
    private Task? reading;

    /// <summary>Why the connection can no longer answer, once the server is gone.</summary>
    public string? ClosedBecause { get; private set; }

    public void Start() => reading = Task.Run(() => ReadLoopAsync(stopReading.Token));

    public async Task<JsonElement> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref lastId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = (method, answer);
        if (ClosedBecause is { } reason)
        {
            pending.TryRemove(id, out _);
            throw new IOException($"{method}: the connection is closed ({reason}).");
        }

        await WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters }, cancellationToken).ConfigureAwait(false);
        using (cancellationToken.Register(() => answer.TrySetCanceled(cancellationToken)))
        {
            try
            {
                return await answer.Task.ConfigureAwait(false);
            }
            finally
            {
                pending.TryRemove(id, out _);
            }
        }
    }

    public Task NotifyAsync(string method, JsonNode? parameters, CancellationToken cancellationToken) =>
        WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters }, cancellationToken);

    public void Dispose()
    {
        stopReading.Cancel();
        try
        {
            // The read loop ends when the server's output closes (the process is gone) or is cancelled.
            reading?.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // Its failure was logged and failed every pending request.
        }

        stopReading.Dispose();
        oneWriterAtATime.Dispose();
    }

    private async Task WriteAsync(JsonObject message, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await oneWriterAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await toServer.WriteAsync(header, cancellationToken).ConfigureAwait(false);
            await toServer.WriteAsync(body, cancellationToken).ConfigureAwait(false);
            await toServer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            oneWriterAtATime.Release();
        }
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await ReadMessageAsync(cancellationToken).ConfigureAwait(false) is { } body)
            {
                using var document = JsonDocument.Parse(body);
                await DispatchAsync(document.RootElement.Clone(), cancellationToken).ConfigureAwait(false);
            }

            Close("the server closed its output");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Close("the client stopped reading");
        }
        catch (Exception exception) when (exception is IOException or JsonException or ObjectDisposedException)
        {
            Close("reading failed: " + exception.Message);
        }
    }

    private async Task DispatchAsync(JsonElement message, CancellationToken cancellationToken)
    {
        var hasId = message.TryGetProperty("id", out var id);
        var hasMethod = message.TryGetProperty("method", out var methodElement);
        var parameters = message.TryGetProperty("params", out var p) ? p : default;
        if (hasId && !hasMethod)
        {
            if (id.ValueKind == JsonValueKind.Number && pending.TryGetValue(id.GetInt32(), out var request))
            {
                if (message.TryGetProperty("error", out var error))
                {
                    request.Answer.TrySetException(new LspErrorException(request.Method, error));
                }
                else
                {
                    request.Answer.TrySetResult(message.TryGetProperty("result", out var result) ? result : default);
                }
            }

            return;
        }

        var method = methodElement.GetString() ?? string.Empty;
        if (hasId)
        {
            // A server request left unanswered can stall the server (it awaits workspace/configuration before loading).
            var answer = answerServerRequest(method, parameters);
            log($"server request {method}: answered {answer?.ToJsonString() ?? "null"}");
            await WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(id.GetRawText()), ["result"] = answer }, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            onNotification(method, parameters);
        }
    }

    /// <summary>One message body, or null when the server's output has ended.</summary>
    private async Task<byte[]?> ReadMessageAsync(CancellationToken cancellationToken)
    {
        var contentLength = -1;
        while (true)
        {
            var line = await ReadHeaderLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                break;
            }

            const string name = "Content-Length:";
            if (line.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                contentLength = int.Parse(line.AsSpan(name.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }

        if (contentLength < 0)
        {
            throw new IOException("A message from the server had no Content-Length header.");
        }

        var body = new byte[contentLength];
        await fromServer.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
        return body;
    }

    /// <summary>A header line without its CR LF; null at the end of the stream.</summary>
    private async Task<string?> ReadHeaderLineAsync(CancellationToken cancellationToken)
    {
        // Byte by byte: a buffered reader would take the start of the body with the headers.
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await fromServer.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0)
            {
                return null;
            }

            if (one[0] == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)one[0]);
        }
    }

    private void Close(string reason)
    {
        ClosedBecause ??= reason;
        log("connection closed: " + reason);
        foreach (var (_, request) in pending)
        {
            request.Answer.TrySetException(new IOException($"{request.Method}: the connection closed before its answer ({reason})."));
        }
    }
}
