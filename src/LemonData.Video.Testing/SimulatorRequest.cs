using System;
using System.Threading;

namespace LemonData.Video.Testing;

/// <summary>One request the simulator received, as recorded in <see cref="LemonDataSimulator.Requests"/>.</summary>
public sealed class SimulatorRequest
{
    private int _statusCode;

    internal SimulatorRequest(string method, string path, string query, string body, bool hasAuthorization, DateTimeOffset receivedAt)
    {
        Method = method;
        Path = path;
        Query = query;
        Body = body;
        HasAuthorization = hasAuthorization;
        ReceivedAt = receivedAt;
    }

    /// <summary>The HTTP method, upper case (<c>POST</c>, <c>GET</c>, <c>DELETE</c>, ...).</summary>
    public string Method { get; }

    /// <summary>The path, without the query string, for example <c>/v1/tasks/ldtask_0123...</c>.</summary>
    public string Path { get; }

    /// <summary>The query string with its leading <c>?</c>, or an empty string.</summary>
    public string Query { get; }

    /// <summary>The request body as UTF-8 text, or an empty string when there was none.</summary>
    public string Body { get; }

    /// <summary>Whether the request carried an <c>Authorization</c> header (of any kind).</summary>
    public bool HasAuthorization { get; }

    /// <summary>When the simulator received the request.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>
    /// The status the simulator answered with; 0 while the answer is still being made (during a scripted delay), and
    /// for good when the client went away before it was sent.
    /// </summary>
    public int StatusCode => Volatile.Read(ref _statusCode);

    internal void SetStatusCode(int statusCode) => Volatile.Write(ref _statusCode, statusCode);

    /// <inheritdoc />
    public override string ToString() => Method + " " + Path + Query + (StatusCode == 0 ? string.Empty : " -> " + StatusCode);
}
