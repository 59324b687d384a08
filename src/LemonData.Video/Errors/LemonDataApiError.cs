using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LemonData.Video;

/// <summary>Everything known about one failed call, gathered before the exception is built.</summary>
internal sealed class LemonDataApiError
{
    public int StatusCode { get; set; }

    /// <summary>What the SDK was doing, for example "creating a video" or "getting task 'x'".</summary>
    public string Action { get; set; } = "calling the LemonData API";

    /// <summary>Whether the call was a create (a paid video): its refusals and unknown outcomes are told apart.</summary>
    public bool IsCreate { get; set; }

    /// <summary>Replaces the status-based explanation (transport failures, unreadable bodies, redirects).</summary>
    public string? Problem { get; set; }

    public string? ErrorType { get; set; }

    public string? ErrorCode { get; set; }

    public string? Param { get; set; }

    public TimeSpan? RetryAfter { get; set; }

    /// <summary>Set when a retry was refused only because <see cref="RetryAfter"/> is longer than this cap (<c>MaxRetryDelay</c>).</summary>
    public TimeSpan? RetryAfterOverCap { get; set; }

    public string? ServiceMessage { get; set; }

    public string? Hint { get; set; }

    public string? DidYouMean { get; set; }

    public IReadOnlyList<VideoFieldError> ValidationErrors { get; set; } = Array.Empty<VideoFieldError>();

    /// <summary>The <c>X-Request-Id</c> header, else the body's <c>request_id</c>.</summary>
    public string? RequestId { get; set; }

    public decimal? BalanceUsd { get; set; }

    public decimal? EstimatedCostUsd { get; set; }

    public IReadOnlyList<string>? SupportedParameters { get; set; }

    public IReadOnlyList<string>? AllowedResolutions { get; set; }

    public JsonElement? RecommendedRequest { get; set; }

    public LemonDataRateLimit? RateLimit { get; set; }

    /// <summary>Where a redirect sent the request (another origin), already stripped of user info and query.</summary>
    public string? RedirectedTo { get; set; }

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
            text.Append(' ').Append(validationError.Field).Append(": ").Append(validationError.Message.TrimEnd('.')).Append('.');
        }

        if (DidYouMean is not null)
        {
            text.Append(" Did you mean '").Append(DidYouMean).Append("'?");
        }

        if (Hint is not null)
        {
            text.Append(" Hint: ").Append(Hint.TrimEnd('.')).Append('.');
        }

        AppendMoney(text);
        AppendList(text, " The model's resolutions: ", AllowedResolutions);
        AppendList(text, " The model's parameters: ", SupportedParameters);
        if (RecommendedRequest is not null)
        {
            text.Append(" The service recommends a request it would accept (RecommendedRequest).");
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

        if (RequestId is not null)
        {
            text.Append(" Request id (for support): ").Append(RequestId).Append('.');
        }

        return SecretRedactor.Redact(text.ToString(), Secret);
    }

    private static void AppendList(StringBuilder text, string label, IReadOnlyList<string>? values)
    {
        if (values is { Count: > 0 })
        {
            text.Append(label).Append(string.Join(", ", values)).Append('.');
        }
    }

    private void AppendMoney(StringBuilder text)
    {
        if (BalanceUsd is null && EstimatedCostUsd is null)
        {
            return;
        }

        text.Append(' ');
        if (BalanceUsd is { } balance)
        {
            text.Append("Balance $").Append(balance.ToString(CultureInfo.InvariantCulture));
        }

        if (EstimatedCostUsd is { } cost)
        {
            text.Append(BalanceUsd is null ? "Estimated cost $" : ", estimated cost $").Append(cost.ToString(CultureInfo.InvariantCulture));
        }

        text.Append('.');
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
            408 => "the service timed out waiting for the request (408)",
            409 => "conflict (409)",
            413 => "the request is too large (413)",
            422 => "the request was understood but refused (422)",
            429 => "rate limited (429)",
            >= 500 => "the service failed (" + status + ")",
            _ => "unexpected status " + status,
        };
    }

    private string? Advice()
    {
        if (TaskMayExist)
        {
            return UnknownOutcomeAdvice();
        }

        var retry = RetryAfterOverCap is { } cap && RetryAfter is { } asked
            ? " The service asked to wait " + Seconds(asked) + " s, over MaxRetryDelay (" + Seconds(cap) + " s), so the SDK did not wait: "
              + "raise LemonDataVideoClientOptions.MaxRetryDelay to let it, or retry after " + Seconds(asked) + " s yourself."
            : RetryAfter is { } wait
                ? " Retry after " + Seconds(wait) + " s."
                : string.Empty;

        var resume = TaskId is not null && StatusCode != 404
            ? " The task '" + TaskId + "' is unaffected: call WaitForCompletionAsync(\"" + TaskId + "\") to resume."
            : string.Empty;

        if (RedirectedTo is not null)
        {
            return "If the service has moved, set LemonDataVideoClientOptions.Endpoint to its new address; a proxy or gateway that redirects API requests elsewhere must be fixed or bypassed.";
        }

        // Only these refusals say the job was not made; the caller may change the request and submit it again.
        var nothingCreated = IsCreate && CreateRefusals.ProveNothingWasCreated(StatusCode) ? "Nothing was created or charged. " : string.Empty;
        var advice = StatusCode switch
        {
            401 => "Check the key passed to LemonDataVideoClient or set in LEMONDATA_API_KEY (keys start with 'sk-').",
            402 => "Top up the account, then submit again.",
            403 => "Use the API key of the account that owns this task or model.",
            404 when ErrorCode == "async_task_not_found" || TaskId is not null => "The task id is unknown or expired: check the id; an expired task cannot be resumed, so submit the request again only if no video arrived.",
            404 when DidYouMean is not null || ErrorCode == "model_not_found" => "Use a model id of VideoModels, or the one suggested.",
            409 => IsCreate ? "The service refused the request as conflicting." : "The task's state does not allow this any more (a task that has started cannot be cancelled): it runs to its end.",
            413 => "Send less: host large images and pass ImageUrl instead of an inline Image.",
            429 => "The request was refused, not run." + retry,
            >= 500 => "The service or its upstream provider failed; try again later." + retry + resume,
            0 => resume.Length > 0 ? resume.TrimStart() : null,
            _ => retry.Length > 0 ? retry.TrimStart() : null,
        };

        return nothingCreated.Length == 0 ? advice : (nothingCreated + advice).TrimEnd();
    }

    // A create whose outcome is unknown: say why, say the risk, say how to find the task. Never "try again".
    private string UnknownOutcomeAdvice()
    {
        var why = Problem is null && StatusCode >= 300 && IsCreate
            ? "An answer of " + StatusCode.ToString(CultureInfo.InvariantCulture) + " to a create does not prove that nothing was made (a gateway can fail after the provider accepted the job). "
            : string.Empty;
        return TaskId is not null
            ? why + "The task '" + TaskId + "' may exist and be charged: do not submit the request again; call WaitForCompletionAsync(\"" + TaskId + "\") to resume it."
            : why + "A task may have been created and charged: do not submit the request again blindly; check your tasks first "
              + "(the tasks of your account in the LemonData dashboard) and submit again only if none was made.";
    }

    private static string Seconds(TimeSpan span) => Math.Ceiling(span.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
