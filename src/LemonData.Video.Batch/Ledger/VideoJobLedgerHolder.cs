using System;
using System.Globalization;

namespace LemonData.Video.Batch;

/// <summary>Who holds a ledger's claim: the process, its host, and when its run began.</summary>
public sealed class VideoJobLedgerHolder
{
    /// <summary>Describes a holder.</summary>
    public VideoJobLedgerHolder(int processId, string host, DateTimeOffset startedAt)
    {
        ProcessId = processId;
        Host = host ?? throw new ArgumentNullException(nameof(host));
        StartedAt = startedAt;
    }

    /// <summary>The holder's process id, on <see cref="Host"/>.</summary>
    public int ProcessId { get; }

    /// <summary>The machine the holder runs on (<see cref="Environment.MachineName"/>).</summary>
    public string Host { get; }

    /// <summary>When the holder's run claimed the ledger (UTC).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <inheritdoc />
    public override string ToString() =>
        "process " + ProcessId.ToString(CultureInfo.InvariantCulture) + " on " + Host + ", started "
        + StartedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
