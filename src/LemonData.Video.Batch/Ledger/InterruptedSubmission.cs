namespace LemonData.Video.Batch;

/// <summary>What a ledger records on a job found Submitting whose worker is gone (the same words on every ledger).</summary>
internal static class InterruptedSubmission
{
    public const string Message =
        "A run stopped while this job's create was being sent: the service may have made (and charged) a task. It is not sent again; check the account's tasks.";
}
