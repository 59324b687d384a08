using System;

namespace LemonData.Video;

/// <summary>A successful answer, read and parsed. A struct: it only carries the parsed value and two facts out of the sender.</summary>
internal readonly struct ApiResponse<T>
{
    public ApiResponse(int statusCode, T value, TimeSpan? retryAfter)
    {
        StatusCode = statusCode;
        Value = value;
        RetryAfter = retryAfter;
    }

    public int StatusCode { get; }

    public T Value { get; }

    /// <summary>The <c>Retry-After</c> of a successful answer: the service asks pollers to slow down.</summary>
    public TimeSpan? RetryAfter { get; }
}
