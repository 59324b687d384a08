using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace LemonData.Video.Testing;

/// <summary>
/// Writes an answer to the wire: whole, or damaged as a scripted fault asks (cut, corrupted, broken off mid-body).
/// Each records the status sent on the request, and what the damage left of a create's task id on the fault.
/// </summary>
internal static class AnswerWriter
{
    public static async Task WriteAsync(HttpContext context, SimulatorRequest recorded, SimResponse response, CancellationToken token)
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
    public static async Task WriteGarbledAsync(HttpContext context, SimulatorRequest recorded, SimResponse response, bool download, SimulatorInjectedFault injected, CancellationToken token)
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
    public static async Task WriteTruncatedAsync(HttpContext context, SimulatorRequest recorded, SimResponse response, ScriptedFault fault, SimulatorInjectedFault injected, CancellationToken token)
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
    public static async Task WriteCorruptedAsync(HttpContext context, SimulatorRequest recorded, SimResponse response, ScriptedFault fault, SimulatorInjectedFault injected, CancellationToken token)
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
}
