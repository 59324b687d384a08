using System;

namespace LemonData.Video.Batch;

/// <summary>Another run holds the ledger: two runs on one ledger could each create the same job. The message names the holder.</summary>
public sealed class VideoJobLedgerLockedException : VideoJobLedgerException
{
    /// <summary>Creates the exception.</summary>
    public VideoJobLedgerLockedException(string ledgerPath, VideoJobLedgerHolder holder)
        : base(
            "The batch ledger '" + ledgerPath + "' is in use by another run (" + (holder ?? throw new ArgumentNullException(nameof(holder))) + "). "
            + "Wait for it to finish, or stop it; a run whose process has died is taken over automatically on this host.",
            ledgerPath)
    {
        Holder = holder;
    }

    /// <summary>The run that holds the ledger.</summary>
    public VideoJobLedgerHolder Holder { get; }
}
