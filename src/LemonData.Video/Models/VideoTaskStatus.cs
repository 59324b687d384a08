using System;

namespace LemonData.Video;

/// <summary>
/// The state of a video task. An open set: a value the SDK does not know is kept exactly as the
/// service sent it (see <see cref="ToString"/>), never turned into an exception.
/// </summary>
public readonly struct VideoTaskStatus : IEquatable<VideoTaskStatus>
{
    private const string PendingValue = "pending";
    private const string ProcessingValue = "processing";
    private const string CompletedValue = "completed";
    private const string FailedValue = "failed";

    private readonly string? _value;

    /// <summary>Wraps a status value as it came from the service.</summary>
    /// <param name="value">The wire value, for example <c>processing</c>.</param>
    public VideoTaskStatus(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Queued; not started yet.</summary>
    public static VideoTaskStatus Pending { get; } = new(PendingValue);

    /// <summary>Being generated; <see cref="VideoTask.Progress"/> may rise.</summary>
    public static VideoTaskStatus Processing { get; } = new(ProcessingValue);

    /// <summary>Done; the video can be downloaded. (Old answers say <c>succeeded</c>; the SDK reads that as this.)</summary>
    public static VideoTaskStatus Completed { get; } = new(CompletedValue);

    /// <summary>Ended without a video; <see cref="VideoTask.Error"/> says why. A cancelled task is failed too.</summary>
    public static VideoTaskStatus Failed { get; } = new(FailedValue);

    /// <summary>Whether the task has ended, well or not. Unknown values are not terminal.</summary>
    public bool IsTerminal => Equals(Completed) || Equals(Failed);

    /// <summary>Whether this is a value the SDK knows (pending, processing, completed, failed).</summary>
    public bool IsKnown => Equals(Pending) || Equals(Processing) || IsTerminal;

    /// <summary>Compares statuses by wire value, ignoring case.</summary>
    public static bool operator ==(VideoTaskStatus left, VideoTaskStatus right) => left.Equals(right);

    /// <summary>Compares statuses by wire value, ignoring case.</summary>
    public static bool operator !=(VideoTaskStatus left, VideoTaskStatus right) => !left.Equals(right);

    /// <summary>Wraps a wire value.</summary>
    public static implicit operator VideoTaskStatus(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(VideoTaskStatus other) =>
        string.Equals(_value ?? string.Empty, other._value ?? string.Empty, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is VideoTaskStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(_value ?? string.Empty);

    /// <summary>The wire value, exactly as the service sent it.</summary>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>Reads a wire value; <c>succeeded</c>, an older spelling, becomes <see cref="Completed"/>.</summary>
    internal static VideoTaskStatus FromWire(string? value)
    {
        if (value is null || value.Length == 0)
        {
            return default;
        }

        return string.Equals(value, "succeeded", StringComparison.OrdinalIgnoreCase) ? Completed : new VideoTaskStatus(value);
    }
}
