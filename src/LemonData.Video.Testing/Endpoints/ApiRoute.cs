using System;

namespace LemonData.Video.Testing;

/// <summary>Which endpoint a request is for.</summary>
internal enum RouteKind
{
    Create,
    Poll,
    Cancel,
    Download,
    ListModels,
    GetModel,
    NotFound,
    MethodNotAllowed,
}

/// <summary>What a request asks for. Only the API's own routes (and downloads) can take scripted faults.</summary>
internal sealed class ApiRoute
{
    private ApiRoute(RouteKind kind, string method, string path, string? taskId = null, string? allow = null, string? modelId = null)
    {
        Kind = kind;
        Method = method;
        Path = path;
        TaskId = taskId;
        Allow = allow;
        ModelId = modelId;
    }

    public RouteKind Kind { get; }

    public string Method { get; }

    public string Path { get; }

    public string? TaskId { get; }

    /// <summary>For <see cref="RouteKind.GetModel"/>: the model id of the path, decoded.</summary>
    public string? ModelId { get; }

    /// <summary>For <see cref="RouteKind.MethodNotAllowed"/>: the methods the path takes, for the <c>Allow</c> header.</summary>
    public string? Allow { get; }

    public SimulatorTarget Target => Kind switch
    {
        RouteKind.Create => SimulatorTarget.Create,
        RouteKind.Poll => SimulatorTarget.Poll,
        RouteKind.Cancel => SimulatorTarget.Cancel,
        RouteKind.Download => SimulatorTarget.Download,
        RouteKind.ListModels or RouteKind.GetModel => SimulatorTarget.Models,
        _ => SimulatorTarget.None,
    };

    public static ApiRoute Parse(string method, string path, SimulatedApiGeneration generation)
    {
        if (path == CreateEndpoint.Path)
        {
            return method == "POST"
                ? new ApiRoute(RouteKind.Create, method, path)
                : new ApiRoute(RouteKind.MethodNotAllowed, method, path, allow: "POST");
        }

        if (TrySegment(path, TaskReadEndpoint.LegacyTaskPrefix, out var legacyId))
        {
            return method == "GET"
                ? new ApiRoute(RouteKind.Poll, method, path, legacyId)
                : new ApiRoute(RouteKind.MethodNotAllowed, method, path, allow: "GET");
        }

        // Generation A has no /v1/tasks route at all: 404, as a service without it answers.
        if (generation != SimulatedApiGeneration.A && TrySegment(path, TaskReadEndpoint.TaskPrefix, out var taskId))
        {
            return method switch
            {
                "GET" => new ApiRoute(RouteKind.Poll, method, path, taskId),
                "DELETE" => new ApiRoute(RouteKind.Cancel, method, path, taskId),
                _ => new ApiRoute(RouteKind.MethodNotAllowed, method, path, allow: "GET, DELETE"),
            };
        }

        if (path == ModelListEndpoint.Path)
        {
            return method == "GET"
                ? new ApiRoute(RouteKind.ListModels, method, path)
                : new ApiRoute(RouteKind.MethodNotAllowed, method, path, allow: "GET");
        }

        if (TrySegment(path, ModelDetailEndpoint.Prefix, out var model))
        {
            // Kestrel has decoded the path already (a dotted id such as veo3.1-fast-4k arrives as is), all but an
            // escaped '/', which it keeps as %2F so that it cannot split a segment.
            return method == "GET"
                ? new ApiRoute(RouteKind.GetModel, method, path, modelId: model.Replace("%2F", "/").Replace("%2f", "/"))
                : new ApiRoute(RouteKind.MethodNotAllowed, method, path, allow: "GET");
        }

        const string Extension = VideoDownloadEndpoint.VideoExtension;
        if (TrySegment(path, VideoDownloadEndpoint.FilePrefix, out var file) && file.EndsWith(Extension, StringComparison.Ordinal) && file.Length > Extension.Length)
        {
            return method is "GET" or "HEAD"
                ? new ApiRoute(RouteKind.Download, method, path, file.Substring(0, file.Length - Extension.Length))
                : new ApiRoute(RouteKind.MethodNotAllowed, method, path, allow: "GET, HEAD");
        }

        return new ApiRoute(RouteKind.NotFound, method, path);
    }

    private static bool TrySegment(string path, string prefix, out string segment)
    {
        segment = string.Empty;
        if (!path.StartsWith(prefix, StringComparison.Ordinal) || path.Length == prefix.Length)
        {
            return false;
        }

        segment = path.Substring(prefix.Length);
        return segment.IndexOf('/') < 0;
    }
}
