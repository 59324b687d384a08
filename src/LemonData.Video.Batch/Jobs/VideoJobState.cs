namespace LemonData.Video.Batch;

/// <summary>
/// Where a job of a batch stands. Each state is a promise the ledger keeps across crashes: see the remarks of each value.
/// Stored by name, so a ledger reads the same whatever the numbering.
/// </summary>
public enum VideoJobState
{
    /// <summary>Known to the ledger, never sent. The next run creates it.</summary>
    Planned,

    /// <summary>
    /// Written durably before the create is sent. A job found in this state by a later run was being created when its
    /// process died: the create may have made a paid task, so it becomes <see cref="OutcomeUnknown"/> and is never re-sent.
    /// </summary>
    Submitting,

    /// <summary>The service made the task: its id is on disk. The next run waits on it by id.</summary>
    Created,

    /// <summary>The task finished and its output URLs are stored. The next run downloads them (re-reading the task for fresh URLs if they fail).</summary>
    Completed,

    /// <summary>Every file is complete on disk (written beside, then renamed) with its size and SHA-256. Nothing more to do.</summary>
    Downloaded,

    /// <summary>The service said the task failed; its message is kept. Nothing more to do (a new job key makes a new attempt).</summary>
    Failed,

    /// <summary>
    /// The create was provably refused for this job (400, 403, 404, 409, 413, 422, or a rule checked before sending):
    /// nothing was created or charged. Fix the job and give it a new key, or run with <see cref="VideoBatchOptions.RetryRefused"/>.
    /// </summary>
    Refused,

    /// <summary>
    /// The create's outcome is unknown (a 5xx, a timeout, a lost answer, or found <see cref="Submitting"/>): a task may exist
    /// and be charged. Never re-sent unless <see cref="VideoBatchOptions.ResubmitUnknown"/>; check the account's tasks first.
    /// </summary>
    OutcomeUnknown,
}
