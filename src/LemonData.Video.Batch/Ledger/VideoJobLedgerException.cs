using System;

namespace LemonData.Video.Batch;

/// <summary>
/// The ledger cannot be used as asked: a file that is not a ledger or was written by a newer version (never replaced), a
/// job changed after it was sent, a change that does not apply to the job's state. The message names the file or the job.
/// </summary>
public class VideoJobLedgerException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public VideoJobLedgerException(string message, string? ledgerPath = null, Exception? innerException = null)
        : base(message, innerException)
    {
        LedgerPath = ledgerPath;
    }

    /// <summary>The ledger's file, when the ledger is one.</summary>
    public string? LedgerPath { get; }
}
