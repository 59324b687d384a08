using System;
using System.Threading;

namespace LemonData.Video.Testing;

/// <summary>One request the simulator received, as recorded in <see cref="LemonDataSimulator.Requests"/>.</summary>
public sealed class SimulatorRequest
{
    private int _statusCode;
    private string? _createdTaskId;
    private SimulatorInjectedFault? _fault;

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

    /// <summary>For a create that made a task (whatever happened to its answer): the task's id; otherwise null.</summary>
    public string? CreatedTaskId => Volatile.Read(ref _createdTaskId);

    /// <summary>The fault injected into this request's answer, or null when it was answered normally.</summary>
    public SimulatorInjectedFault? Fault => Volatile.Read(ref _fault);

    internal void SetStatusCode(int statusCode) => Volatile.Write(ref _statusCode, statusCode);

    internal void SetCreatedTaskId(string taskId) => Volatile.Write(ref _createdTaskId, taskId);

    internal void SetFault(SimulatorInjectedFault fault) => Volatile.Write(ref _fault, fault);

    /// <inheritdoc />
    public override string ToString() => Method + " " + Path + Query + (StatusCode == 0 ? string.Empty : " -> " + StatusCode);
}
