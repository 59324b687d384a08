using System;
using System.Collections.Generic;

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

    /// <summary>How long the service asked to wait before trying again (<c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The service's own message, without the SDK's explanation.</summary>
    public string? ServiceMessage { get; }

    /// <summary>The service's hint, when it gave one.</summary>
    public string? Hint { get; }

    /// <summary>The model id the service suggests instead of an unknown one.</summary>
    public string? DidYouMean { get; }

    /// <summary>Per-field problems of a 400 answer: field name to message.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ValidationErrors { get; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>The start of a body that was not the JSON expected (at most a few hundred characters).</summary>
    public string? ResponseExcerpt { get; }

    /// <summary>The task this failure concerns, when known: keep it, the task may be running.</summary>
    public string? TaskId { get; }

    /// <summary>
    /// Whether a video task may have been created although this call failed: a create whose answer
    /// was lost or unreadable. Never re-send such a create blindly (it is a second paid video):
    /// resume from <see cref="TaskId"/> when set, or check your task list.
    /// </summary>
    public bool TaskMayExist { get; }

    private static string? Redact(string? text, string? secret) => text is null ? null : SecretRedactor.Redact(text, secret);

    private static IReadOnlyList<KeyValuePair<string, string>> RedactAll(IReadOnlyList<KeyValuePair<string, string>> fields, string? secret)
    {
        if (fields.Count == 0)
        {
            return fields;
        }

        var redacted = new KeyValuePair<string, string>[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            redacted[i] = new KeyValuePair<string, string>(SecretRedactor.Redact(fields[i].Key, secret), SecretRedactor.Redact(fields[i].Value, secret));
        }

        return redacted;
    }
}
