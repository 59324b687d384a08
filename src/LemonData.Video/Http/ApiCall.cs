using System;

namespace LemonData.Video;

/// <summary>One logical request to the API, however many attempts it takes.</summary>
internal sealed class ApiCall
{
    public ApiCall(WireOperation operation, Uri uri, string action)
    {
        Operation = operation;
        Uri = uri;
        Action = action;
    }

    public WireOperation Operation { get; }

    public Uri Uri { get; }

    /// <summary>What the SDK is doing, in words for an error message ("creating a video").</summary>
    public string Action { get; }

    /// <summary>The JSON body, already serialized (so every attempt sends the same bytes).</summary>
    public byte[]? JsonBody { get; init; }

    /// <summary>The task concerned, so that an error can name it.</summary>
    public string? TaskId { get; init; }
}
