using System.Threading;

namespace LemonData.Video.Batch;

/// <summary>
/// The run's decision to send no more creates: set once, by the first answer that is about the account rather than a job
/// (402, a 429 past its retries, 401, no connection) or by <see cref="VideoBatchOptions.MaxJobs"/>. Tasks already in flight
/// are still followed to the end.
/// </summary>
internal sealed class CreateStop
{
    private readonly object _gate = new();
    private volatile bool _isSet;

    public bool IsSet => _isSet;

    public VideoBatchStopReason Reason { get; private set; }

    public string? Message { get; private set; }

    public decimal? BalanceUsd { get; private set; }

    public decimal? EstimatedCostUsd { get; private set; }

    public void Set(VideoBatchStopReason reason, string message, LemonDataApiException? answer = null)
    {
        lock (_gate)
        {
            if (_isSet)
            {
                return;
            }

            Reason = reason;
            Message = message;
            BalanceUsd = answer?.BalanceUsd;
            EstimatedCostUsd = answer?.EstimatedCostUsd;
            _isSet = true;
        }
    }
}
