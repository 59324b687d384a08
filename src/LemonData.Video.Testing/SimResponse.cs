using System;
using System.Collections.Generic;

namespace LemonData.Video.Testing;

/// <summary>An answer the simulator is about to send; scripted faults replace or alter it before it goes out.</summary>
internal sealed class SimResponse
{
    private SimResponse(int status, byte[] body, string contentType)
    {
        Status = status;
        Body = body;
        ContentType = contentType;
    }

    public int Status { get; }

    public byte[] Body { get; }

    public string ContentType { get; }

    public List<KeyValuePair<string, string>> Headers { get; } = new();

    /// <summary>Whether the body is only described by the headers (an answer to HEAD).</summary>
    public bool OmitBody { get; init; }

    public static SimResponse Json(int status, byte[] body) => new(status, body, "application/json; charset=utf-8");

    public static SimResponse Video(byte[] body, bool headOnly) => new(200, body, "video/mp4") { OmitBody = headOnly };

    /// <summary>A <c>206 Partial Content</c> answer: <paramref name="part"/> of a video, described by <c>Content-Range</c>.</summary>
    public static SimResponse PartialVideo(byte[] part, bool headOnly) => new(206, part, "video/mp4") { OmitBody = headOnly };

    /// <summary>A <c>416 Range Not Satisfiable</c> answer for a video of <paramref name="length"/> bytes.</summary>
    public static SimResponse RangeNotSatisfiable(long length) =>
        new SimResponse(416, Array.Empty<byte>(), "video/mp4").WithHeader("Content-Range", "bytes */" + length.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public SimResponse WithHeader(string name, string value)
    {
        Headers.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    public static SimResponse NotFound(string method, string path) => Json(404, WireJson.Error(
        "Unknown request URL: " + method + " " + path + ".", "invalid_request_error", "not_found"));

    public static SimResponse TaskNotFound() => Json(404, WireJson.Error(
        "Task not found or no longer available.", "invalid_request_error", "async_task_not_found"));

    public static SimResponse MethodNotAllowed(string method, string path, string allow) => Json(405, WireJson.Error(
        "Method " + method + " is not allowed on " + path + ".", "invalid_request_error", "method_not_allowed")).WithHeader("Allow", allow);

    public static SimResponse ServerError(int status)
    {
        var (message, code) = status switch
        {
            502 => ("The upstream provider is unavailable.", "upstream_error"),
            503 => ("The service is temporarily unavailable. Please retry.", "service_unavailable"),
            504 => ("The upstream provider did not answer in time.", "upstream_timeout"),
            _ => ("The server had an error while processing the request.", "internal_error"),
        };
        return Json(status, WireJson.Error(message, "server_error", code, retryable: true));
    }

    /// <summary>The service's 402: the balance cannot pay for the video, with both amounts in the error object.</summary>
    public static SimResponse InsufficientBalance(decimal balanceUsd, decimal estimatedCostUsd) => Json(402, WireJson.Write(writer =>
    {
        writer.WriteStartObject("error");
        writer.WriteString("message", "Insufficient balance: this request needs about $" + estimatedCostUsd.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
        writer.WriteString("type", "insufficient_quota");
        writer.WriteString("code", "insufficient_balance");
        writer.WriteNumber("balance_usd", balanceUsd);
        writer.WriteNumber("estimated_cost_usd", estimatedCostUsd);
        writer.WriteEndObject();
    }));

    public static SimResponse RateLimited(TimeSpan retryAfter)
    {
        var seconds = retryAfter.TotalSeconds;
        var text = WholeSeconds(retryAfter)
            ? ((long)seconds).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : seconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        var reset = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + (long)Math.Ceiling(seconds);
        return Json(429, WireJson.Error(
                "Rate limit exceeded. Please retry after " + text + (text == "1" ? " second." : " seconds."),
                "rate_limit_error",
                "rate_limit_exceeded",
                retryable: true,
                retryAfterSeconds: Math.Round(seconds, 3)))
            .WithHeader("Retry-After", text)
            .WithHeader("X-RateLimit-Limit", "60")
            .WithHeader("X-RateLimit-Remaining", "0")
            .WithHeader("X-RateLimit-Reset", reset.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static bool WholeSeconds(TimeSpan value) => value.Ticks % TimeSpan.TicksPerSecond == 0;
}
