using System;
using System.Collections.Generic;
using System.Text.Json;

namespace LemonData.Video;

/// <summary>
/// The service answered with an error, or with a body the SDK could not read, or could not be reached.
/// Carries what the service said (status, type, code, the parameter at fault, how long to wait) and,
/// whenever a task is involved, its id: the task may exist and can be resumed.
/// The message and <see cref="Exception.ToString"/> never contain the API key.
/// </summary>
public class LemonDataApiException : Exception
{
    /// <summary>Creates an exception; the SDK uses <see cref="LemonDataApiException(LemonDataApiError, Exception?)"/>.</summary>
    public LemonDataApiException(string message, int statusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    internal LemonDataApiException(LemonDataApiError error, Exception? innerException = null)
        : base(error.ComposeMessage(), innerException)
    {
        StatusCode = error.StatusCode;
        ErrorType = Redact(error.ErrorType, error.Secret);
        ErrorCode = Redact(error.ErrorCode, error.Secret);
        Param = Redact(error.Param, error.Secret);
        RetryAfter = error.RetryAfter;
        // Every text the service sent goes through the redactor: structured loggers write properties too.
        ServiceMessage = Redact(error.ServiceMessage, error.Secret);
        Hint = Redact(error.Hint, error.Secret);
        DidYouMean = Redact(error.DidYouMean, error.Secret);
        ValidationErrors = RedactAll(error.ValidationErrors, error.Secret);
        RequestId = Redact(error.RequestId, error.Secret);
        BalanceUsd = error.BalanceUsd;
        EstimatedCostUsd = error.EstimatedCostUsd;
        SupportedParameters = RedactAll(error.SupportedParameters, error.Secret);
        AllowedResolutions = RedactAll(error.AllowedResolutions, error.Secret);
        RecommendedRequest = RedactJson(error.RecommendedRequest, error.Secret);
        RateLimit = error.RateLimit;
        ResponseExcerpt = Redact(error.ResponseExcerpt, error.Secret);
        TaskId = error.TaskId;
        TaskMayExist = error.TaskMayExist;
    }

    /// <summary>The HTTP status, or 0 when no answer was received (the connection failed or timed out).</summary>
    public int StatusCode { get; }

    /// <summary>The service's error <c>type</c>, for example <c>invalid_request_error</c>. An open string.</summary>
    public string? ErrorType { get; }

    /// <summary>The service's error <c>code</c>, for example <c>model_not_found</c>. An open string.</summary>
    public string? ErrorCode { get; }

    /// <summary>The request field at fault, for example <c>fps</c>.</summary>
    public string? Param { get; }

    /// <summary>
    /// How long the service asked to wait before trying again (<c>Retry-After</c>, else the body's <c>retry_after</c>).
    /// When it is longer than <see cref="LemonDataVideoClientOptions.MaxRetryDelay"/> the SDK does not wait and the
    /// message says so: raise that option, or retry after this long yourself.
    /// </summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The service's own message, without the SDK's explanation.</summary>
    public string? ServiceMessage { get; }

    /// <summary>The service's hint (<c>hint</c>): what to do next, in its words. Also in the message.</summary>
    public string? Hint { get; }

    /// <summary>The model id the service suggests instead of an unknown one (<c>did_you_mean</c>). Also in the message.</summary>
    public string? DidYouMean { get; }

    /// <summary>
    /// Per-field problems of a 400 answer (the body's <c>validation_errors</c>), in the service's order; empty, never
    /// <see langword="null"/>, when there are none. Each field and its message are also in the exception's message.
    /// </summary>
    public IReadOnlyList<VideoFieldError> ValidationErrors { get; } = Array.Empty<VideoFieldError>();

    /// <summary>
    /// The service's id of the failed request, for support: the <c>X-Request-Id</c> header, else the body's
    /// <c>request_id</c>. Also at the end of the message. <see langword="null"/> when the service gave none (or no answer came).
    /// </summary>
    public string? RequestId { get; }

    /// <summary>A 402: the account's balance in US dollars (<c>balance_usd</c>), when the service gave it.</summary>
    public decimal? BalanceUsd { get; }

    /// <summary>A 402: the estimated cost of the refused request in US dollars (<c>estimated_cost_usd</c>), when the service gave it.</summary>
    public decimal? EstimatedCostUsd { get; }

    /// <summary>
    /// A 503 <c>model_unavailable</c>: the wire names of the parameters the model takes (<c>supported_parameters</c>);
    /// <see langword="null"/> when the service gave no readable list.
    /// </summary>
    public IReadOnlyList<string>? SupportedParameters { get; }

    /// <summary>
    /// A 503 <c>model_unavailable</c>: the resolutions the model makes (<c>allowed_resolutions</c>);
    /// <see langword="null"/> when the service gave no readable list.
    /// </summary>
    public IReadOnlyList<string>? AllowedResolutions { get; }

    /// <summary>
    /// A 503 <c>model_unavailable</c>: a request the service says it would accept instead (<c>recommended_request</c>),
    /// as the service sent it, in wire names (<c>model</c>, <c>resolution</c>, ...). Its shape is not documented, so it is
    /// kept as JSON; read it with <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>. Any copy of the API key
    /// in it is masked. <see langword="null"/> when absent.
    /// </summary>
    public JsonElement? RecommendedRequest { get; }

    /// <summary>The answer's rate-limit headers (<c>X-RateLimit-*</c>), or <see langword="null"/> when it had none.</summary>
    public LemonDataRateLimit? RateLimit { get; }

    /// <summary>The start of a body that was not the JSON expected (at most a few hundred characters).</summary>
    public string? ResponseExcerpt { get; }

    /// <summary>The task this failure concerns, when known: keep it, the task may be running.</summary>
    public string? TaskId { get; }

    /// <summary>
    /// Whether a video task may have been created although this call failed: a create whose outcome is unknown, because
    /// its answer was lost or unreadable, or was anything but a refusal (any 5xx, a 408, a redirect, a status the SDK does
    /// not know). Only the refusals 400, 401, 402, 403, 404, 409, 413, 422 and 429 prove that nothing was created. Never
    /// re-send such a create blindly (it may be a second paid video): resume from <see cref="TaskId"/> when set, or check
    /// your account's tasks first.
    /// </summary>
    public bool TaskMayExist { get; }

    private static string? Redact(string? text, string? secret) => text is null ? null : SecretRedactor.Redact(text, secret);

    private static IReadOnlyList<VideoFieldError> RedactAll(IReadOnlyList<VideoFieldError> fields, string? secret)
    {
        if (fields.Count == 0)
        {
            return Array.Empty<VideoFieldError>();
        }

        var redacted = new VideoFieldError[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            redacted[i] = new VideoFieldError(SecretRedactor.Redact(fields[i].Field, secret), SecretRedactor.Redact(fields[i].Message, secret));
        }

        return redacted;
    }

    private static IReadOnlyList<string>? RedactAll(IReadOnlyList<string>? values, string? secret)
    {
        if (values is null)
        {
            return null;
        }

        var redacted = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            redacted[i] = SecretRedactor.Redact(values[i], secret);
        }

        return redacted;
    }

    // The JSON is written out again (which undoes any \u escaping a key could hide behind), masked, and read back.
    private static JsonElement? RedactJson(JsonElement? element, string? secret)
    {
        if (element is not { } value)
        {
            return null;
        }

        var text = SecretRedactor.Redact(JsonText.Normalize(value), secret);
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Masking broke the JSON (a key that looks like part of a number, say): dropped rather than kept unmasked.
            return null;
        }
    }
}
