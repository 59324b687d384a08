using System;
using System.Net.Http;

namespace LemonData.Video;

/// <summary>One endpoint of the OpenAPI document (the generated <c>LemonDataVideoOperations</c> lists them).</summary>
internal sealed class WireOperation
{
    // The path's one parameter as the document names it ("{id}" for tasks, "{model}" for models), or null.
    private readonly string? _placeholder;

    public WireOperation(string operationId, string method, string pathTemplate)
    {
        OperationId = operationId;
        Method = new HttpMethod(method);
        PathTemplate = pathTemplate.TrimStart('/');
        var open = PathTemplate.IndexOf('{');
        var close = open < 0 ? -1 : PathTemplate.IndexOf('}', open);
        _placeholder = close > open ? PathTemplate.Substring(open, close - open + 1) : null;
    }

    public string OperationId { get; }

    public HttpMethod Method { get; }

    public string PathTemplate { get; }

    /// <summary>
    /// Whether sending it twice is harmless. A POST here creates a paid video: it is repeated only
    /// when the service provably did not act on it.
    /// </summary>
    public bool IsIdempotent => Method != HttpMethod.Post;

    /// <summary>
    /// The path for one task (or, for <c>getModel</c>, one model). Ids are opaque: every character that could change
    /// the path is escaped.
    /// </summary>
    public string PathFor(string id)
    {
        if (_placeholder is null)
        {
            throw new InvalidOperationException(OperationId + " takes no id.");
        }

        return PathTemplate.Replace(_placeholder, EscapeSegment(id));
    }

    public string Path() => PathTemplate;

    internal static bool IsDotSegment(string value) => value == "." || value == "..";

    internal static string EscapeSegment(string value)
    {
        ThrowIfDotSegment(value);
        return Uri.EscapeDataString(value);
    }

    /// <summary>
    /// "." and ".." are unreserved, so they survive escaping, and System.Uri removes them even as
    /// %2E: /v1/tasks/.. would become /v1/. No task is named so; refuse rather than send elsewhere.
    /// </summary>
    internal static void ThrowIfDotSegment(string value)
    {
        if (IsDotSegment(value))
        {
            throw new ArgumentException("'" + value + "' is not a task id: it would change the request path.", "taskId");
        }
    }
}
