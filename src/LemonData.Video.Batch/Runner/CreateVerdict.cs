using System;

namespace LemonData.Video.Batch;

/// <summary>
/// What a create that did not return a task means for its job, by the SDK's own rule (<c>CreateRefusals</c>): only a
/// refusal proves nothing was created. A refusal of the job makes it Refused; a refusal about the account (402, a 429
/// past its retries, 401, no connection) puts it back to Planned and stops new creates; anything else is an unknown
/// outcome, recorded with the task id when the answer named one, and never sent again.
/// </summary>
internal sealed class CreateVerdict
{
    private CreateVerdict(VideoJobState state, string message)
    {
        State = state;
        Message = message;
    }

    public VideoJobState State { get; }

    public string Message { get; }

    public string? TaskId { get; private init; }

    public VideoBatchStopReason StopReason { get; private init; }

    public LemonDataApiException? Answer { get; private init; }

    public static CreateVerdict Of(Exception exception)
    {
        switch (exception)
        {
            case VideoRequestValidationException invalid:
                return new CreateVerdict(VideoJobState.Refused, invalid.Message);

            // The client checks its arguments before anything is sent (a request without a prompt, say).
            case ArgumentException argument:
                return new CreateVerdict(VideoJobState.Refused, argument.Message);

            case LemonDataApiException api when api.TaskMayExist || (!CreateRefusals.ProveNothingWasCreated(api.StatusCode) && api.StatusCode != 0):
                return new CreateVerdict(VideoJobState.OutcomeUnknown, api.Message) { TaskId = api.TaskId, Answer = api };

            case LemonDataApiException api:
                var accountStop = api.StatusCode switch
                {
                    402 => VideoBatchStopReason.InsufficientBalance,
                    429 => VideoBatchStopReason.RateLimited,
                    401 => VideoBatchStopReason.Unauthorized,
                    0 => VideoBatchStopReason.ServiceUnreachable,
                    _ => VideoBatchStopReason.None,
                };
                return accountStop == VideoBatchStopReason.None
                    ? new CreateVerdict(VideoJobState.Refused, api.Message) { Answer = api }
                    : new CreateVerdict(VideoJobState.Planned, api.Message) { StopReason = accountStop, Answer = api };

            default:
                // Anything the SDK did not explain (a handler's own exception, a timeout of the caller's making): the request
                // may have left, so the job is treated as possibly paid for.
                return new CreateVerdict(VideoJobState.OutcomeUnknown, exception.GetType().Name + ": " + exception.Message) { TaskId = exception.GetVideoTaskId() };
        }
    }

    public static CreateVerdict Abandoned(TimeSpan grace) =>
        new(
            VideoJobState.OutcomeUnknown,
            "The run was cancelled while this job's create was on its way, and its answer did not come within "
            + grace.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + " s: the service may have made (and charged) a task. It is not sent again; check the account's tasks.");
}
