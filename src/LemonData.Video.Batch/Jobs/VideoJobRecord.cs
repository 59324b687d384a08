using System;
using System.Collections.Generic;

namespace LemonData.Video.Batch;

/// <summary>What the ledger holds about one job: what was asked, what was sent, what the service said, what was saved.</summary>
public sealed class VideoJobRecord
{
    /// <summary>Creates a record (ledgers do; tests may).</summary>
    public VideoJobRecord(long sequence, string key, VideoJobState state, VideoGenerationRequest request, string outputPath)
    {
        Sequence = sequence;
        Key = key ?? throw new ArgumentNullException(nameof(key));
        State = state;
        Request = request ?? throw new ArgumentNullException(nameof(request));
        OutputPath = outputPath ?? throw new ArgumentNullException(nameof(outputPath));
    }

    /// <summary>The order in which the ledger first saw the job; pages of jobs are read in this order.</summary>
    public long Sequence { get; }

    /// <summary>The job's key.</summary>
    public string Key { get; }

    /// <summary>Where the job stands.</summary>
    public VideoJobState State { get; }

    /// <summary>The video asked for.</summary>
    public VideoGenerationRequest Request { get; }

    /// <summary>The file the video is saved to.</summary>
    public string OutputPath { get; }

    /// <summary>The service's task id, once known (<see cref="VideoJobState.Created"/> and later; an <see cref="VideoJobState.OutcomeUnknown"/> job whose failed answer named one).</summary>
    public string? TaskId { get; init; }

    /// <summary>Where the service said to poll the task (<c>poll_url</c>), when its create answer gave one.</summary>
    public string? PollUrl { get; init; }

    /// <summary>The URLs of the task's videos (<see cref="VideoJobState.Completed"/> and later); empty before.</summary>
    public IReadOnlyList<string> OutputUrls { get; init; } = Array.Empty<string>();

    /// <summary>The files saved (<see cref="VideoJobState.Downloaded"/>); empty before.</summary>
    public IReadOnlyList<VideoJobFile> Files { get; init; } = Array.Empty<VideoJobFile>();

    /// <summary>Why the job is where it is, when that needs saying: the service's message for a failed or refused job, what was lost for an unknown outcome.</summary>
    public string? Error { get; init; }

    /// <summary>When the job last changed state.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <inheritdoc />
    public override string ToString() => Key + ": " + State + (TaskId is null ? string.Empty : " (task " + TaskId + ")");
}
