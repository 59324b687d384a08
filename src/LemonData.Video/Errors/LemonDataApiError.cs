using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LemonData.Video;

/// <summary>Everything known about one failed call, gathered before the exception is built.</summary>
internal sealed class LemonDataApiError
{
    public int StatusCode { get; set; }

    /// <summary>What the SDK was doing, for example "creating a video" or "getting task 'x'".</summary>
    public string Action { get; set; } = "calling the LemonData API";

    /// <summary>Replaces the status-based explanation (transport failures, unreadable bodies).</summary>
    public string? Problem { get; set; }

    public string? ErrorType { get; set; }

    public string? ErrorCode { get; set; }

    public string? Param { get; set; }

    public TimeSpan? RetryAfter { get; set; }

    public string? ServiceMessage { get; set; }

    public string? Hint { get; set; }

    public string? DidYouMean { get; set; }

    public IReadOnlyList<KeyValuePair<string, string>> ValidationErrors { get; set; } = Array.Empty<KeyValuePair<string, string>>();

    public string? ResponseExcerpt { get; set; }

    public string? TaskId { get; set; }

    public bool TaskMayExist { get; set; }

    /// <summary>The API key, so that no text the service echoed can carry it into a message.</summary>
    public string? Secret { get; set; }

    /// <summary>What went wrong in a few words, for a log line (the exception carries the whole story).</summary>
    public string ShortProblem() => SecretRedactor.Redact(Problem ?? DescribeStatus(), Secret);

    public string ComposeMessage()
    {
        var text = new StringBuilder();
        text.Append("LemonData API error while ").Append(Action).Append(": ");
        text.Append(Problem ?? DescribeStatus());

        if (ErrorCode is not null || ErrorType is not null || Param is not null)
        {
            text.Append(" [");
            var separator = string.Empty;
            if (ErrorCode is not null)
            {
                text.Append("code ").Append(ErrorCode);
                separator = ", ";
            }

            if (ErrorType is not null)
            {
                text.Append(separator).Append("type ").Append(ErrorType);
                separator = ", ";
            }

            if (Param is not null)
            {
                text.Append(separator).Append("param ").Append(Param);
            }

            text.Append(']');
        }

        if (ServiceMessage is not null)
        {
            text.Append(". The service said: ").Append(ServiceMessage.TrimEnd('.')).Append('.');
        }

        foreach (var validationError in ValidationErrors)
        {
            text.Append(' ').Append(validationError.Key).Append(": ").Append(validationError.Value).Append('.');
        }

        if (DidYouMean is not null)
        {
            text.Append(" Did you mean '").Append(DidYouMean).Append("'?");
        }

        if (Hint is not null)
        {
            text.Append(" Hint: ").Append(Hint);
        }

        if (ResponseExcerpt is not null)
        {
            text.Append(" Body starts with: \"").Append(ResponseExcerpt).Append('"');
        }

        var advice = Advice();
        if (advice is not null)
        {
            text.Append(' ').Append(advice);
        }

        return SecretRedactor.Redact(text.ToString(), Secret);
    }

    private string DescribeStatus()
    {
        var status = StatusCode.ToString(CultureInfo.InvariantCulture);
        return StatusCode switch
        {
            400 => "the request was rejected as invalid (400)",
            401 => "the API key is missing or invalid (401)",
            402 => "the account's balance is too low (402)",
            403 => "this key may not do that (403)",
            404 => "not found (404)",
            409 => "conflict (409)",
            413 => "the request is too large (413)",
            429 => "rate limited (429)",
            >= 500 => "the service failed (" + status + ")",
            _ => "unexpected status " + status,
        };
    }

    private string? Advice()
    {
        if (TaskMayExist)
        {
            return TaskId is not null
                ? "The task '" + TaskId + "' may exist and be billed: do not submit the request again; call WaitForCompletionAsync(\"" + TaskId + "\") to resume it."
                : "A task may have been created and billed: do not submit the request again blindly; check your tasks first.";
        }

        var retry = RetryAfter is { } wait
            ? " Retry after " + Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s."
            : string.Empty;

        var resume = TaskId is not null && StatusCode != 404
            ? " The task '" + TaskId + "' is unaffected: call WaitForCompletionAsync(\"" + TaskId + "\") to resume."
            : string.Empty;

        return StatusCode switch
        {
            401 => "Check the key passed to LemonDataVideoClient or set in LEMONDATA_API_KEY (keys start with 'sk-').",
            402 => "Top up the account, then submit again.",
            403 => "Use the API key of the account that owns this task or model.",
            404 when ErrorCode == "async_task_not_found" || TaskId is not null => "The task id is unknown or expired: check the id; an expired task cannot be resumed, so submit the request again only if no video arrived.",
            404 when DidYouMean is not null || ErrorCode == "model_not_found" => "Use a model id of VideoModels, or the one suggested.",
            409 => "The task's state does not allow this any more (a task that has started cannot be cancelled): it runs to its end.",
            413 => "Send less: host large images and pass ImageUrl instead of an inline Image.",
            429 => "The request was refused, not run." + retry,
            >= 500 => "The service or its upstream provider failed; try again later." + retry + resume,
            0 => resume.Length > 0 ? resume.TrimStart() : null,
            _ => retry.Length > 0 ? retry.TrimStart() : null,
        };
    }
}
