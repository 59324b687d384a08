namespace LemonData.Video.Batch;

/// <summary>Why a run stopped making new creates before every planned job was sent.</summary>
public enum VideoBatchStopReason
{
    /// <summary>It did not: every planned job was sent (or there were none).</summary>
    None,

    /// <summary><see cref="VideoBatchOptions.MaxJobs"/> creates were sent; the other planned jobs wait for the next run.</summary>
    MaxJobsReached,

    /// <summary>The service answered 402: the balance cannot pay for more videos (<see cref="VideoBatchSummary.BalanceUsd"/>).</summary>
    InsufficientBalance,

    /// <summary>The service kept answering 429 past the client's retries.</summary>
    RateLimited,

    /// <summary>The service refused the API key (401).</summary>
    Unauthorized,

    /// <summary>The service could not be reached (no connection was made): nothing was sent.</summary>
    ServiceUnreachable,
}
