using System;

namespace LemonData.Video;

/// <summary>
/// The state of a video task. An open set: a value the SDK does not know is kept exactly as the
/// service sent it (see <see cref="ToString"/>), never turned into an exception.
/// </summary>
/// <remarks>
/// <para>
/// Statuses compare by what they mean, not by how they are spelt: the service and its older pages use synonyms,
/// and each reads as one of the four states the SDK defines, so that <c>task.Status == VideoTaskStatus.Completed</c>
/// holds for every spelling of "done". <see cref="ToString"/> still gives the value exactly as it came.
/// </para>
/// <list type="table">
/// <listheader><term>equals</term><description>wire values (case is ignored)</description></listheader>
/// <item><term><see cref="Pending"/></term><description><c>pending</c>, <c>queued</c></description></item>
/// <item><term><see cref="Processing"/></term><description><c>processing</c>, <c>running</c>, <c>in_progress</c></description></item>
/// <item><term><see cref="Completed"/></term><description><c>completed</c>, <c>succeeded</c>, <c>success</c></description></item>
/// <item><term><see cref="Failed"/></term><description><c>failed</c>, <c>error</c>, <c>expired</c>, <c>cancelled</c>, <c>canceled</c> (the last two with <see cref="VideoTask.IsCancelled"/>)</description></item>
/// </list>
/// <para>
/// Any other value is unknown (<see cref="IsKnown"/> is false): it equals only itself, ignoring case, and is not
/// terminal, so a wait goes on through it until the task reaches a state the SDK knows or
/// <see cref="LemonDataVideoClientOptions.WaitTimeout"/> passes.
/// </para>
/// </remarks>
public readonly struct VideoTaskStatus : IEquatable<VideoTaskStatus>
{
    private const string PendingValue = "pending";
    private const string ProcessingValue = "processing";
    private const string CompletedValue = "completed";
    private const string FailedValue = "failed";

    private readonly string? _value;
    private readonly StatusMeaning _meaning;

    /// <summary>Wraps a status value as it came from the service.</summary>
    /// <param name="value">The wire value, for example <c>processing</c>.</param>
    public VideoTaskStatus(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
        _meaning = MeaningOf(value);
    }

    /// <summary>Queued; not started yet (also <c>queued</c>).</summary>
    public static VideoTaskStatus Pending { get; } = new(PendingValue);

    /// <summary>Being generated; <see cref="VideoTask.Progress"/> may rise (also <c>running</c>, <c>in_progress</c>).</summary>
    public static VideoTaskStatus Processing { get; } = new(ProcessingValue);

    /// <summary>Done; the video can be downloaded (also <c>succeeded</c>, <c>success</c>).</summary>
    public static VideoTaskStatus Completed { get; } = new(CompletedValue);

    /// <summary>
    /// Ended without a video; <see cref="VideoTask.Error"/> says why (also <c>error</c>, <c>expired</c>, and
    /// <c>cancelled</c>/<c>canceled</c>: a cancelled task is failed, with <see cref="VideoTask.IsCancelled"/>).
    /// </summary>
    public static VideoTaskStatus Failed { get; } = new(FailedValue);

    /// <summary>Whether the task has ended, well or not (<see cref="Completed"/> or <see cref="Failed"/>, in any spelling). Unknown values are not terminal.</summary>
    public bool IsTerminal => _meaning is StatusMeaning.Completed or StatusMeaning.Failed;

    /// <summary>Whether this is a value the SDK knows: one of the four states or a synonym of one (see the remarks).</summary>
    public bool IsKnown => _meaning != StatusMeaning.Unknown;

    /// <summary>
    /// The state this status means, spelt as the SDK spells it: <see cref="Completed"/> for <c>succeeded</c>,
    /// <see cref="Failed"/> for <c>cancelled</c>, and so on; an unknown status is itself. Its <see cref="ToString"/>
    /// is one of <c>pending</c>, <c>processing</c>, <c>completed</c>, <c>failed</c> for every known status, which
    /// makes it the value to <c>switch</c> on or to store.
    /// </summary>
    public VideoTaskStatus Normalized => _meaning switch
    {
        StatusMeaning.Pending => Pending,
        StatusMeaning.Processing => Processing,
        StatusMeaning.Completed => Completed,
        StatusMeaning.Failed => Failed,
        _ => this,
    };

    /// <summary>Whether the wire value itself says the task was cancelled (<c>cancelled</c> or <c>canceled</c>).</summary>
    internal bool SaysCancelled =>
        _meaning == StatusMeaning.Failed
        && (string.Equals(_value, "cancelled", StringComparison.OrdinalIgnoreCase) || string.Equals(_value, "canceled", StringComparison.OrdinalIgnoreCase));

    /// <summary>Compares statuses by meaning: synonyms are equal (see the remarks); unknown values by wire value, ignoring case.</summary>
    public static bool operator ==(VideoTaskStatus left, VideoTaskStatus right) => left.Equals(right);

    /// <summary>Compares statuses by meaning: synonyms are equal (see the remarks); unknown values by wire value, ignoring case.</summary>
    public static bool operator !=(VideoTaskStatus left, VideoTaskStatus right) => !left.Equals(right);

    /// <summary>Wraps a wire value.</summary>
    public static implicit operator VideoTaskStatus(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(VideoTaskStatus other) =>
        _meaning == other._meaning
        && (_meaning != StatusMeaning.Unknown || string.Equals(_value ?? string.Empty, other._value ?? string.Empty, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is VideoTaskStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() =>
        _meaning == StatusMeaning.Unknown ? StringComparer.OrdinalIgnoreCase.GetHashCode(_value ?? string.Empty) : (int)_meaning;

    /// <summary>The wire value, exactly as the service sent it (<c>succeeded</c> stays <c>succeeded</c>; see <see cref="Normalized"/>).</summary>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>Reads a wire value, kept as it came; a missing or empty one is the default (unknown, empty) status.</summary>
    internal static VideoTaskStatus FromWire(string? value) =>
        value is null || value.Length == 0 ? default : new VideoTaskStatus(value);

    private static StatusMeaning MeaningOf(string value)
    {
        // The service's own four first: they are nearly every answer.
        if (Is(value, PendingValue) || Is(value, "queued"))
        {
            return StatusMeaning.Pending;
        }

        if (Is(value, ProcessingValue) || Is(value, "running") || Is(value, "in_progress"))
        {
            return StatusMeaning.Processing;
        }

        if (Is(value, CompletedValue) || Is(value, "succeeded") || Is(value, "success"))
        {
            return StatusMeaning.Completed;
        }

        if (Is(value, FailedValue) || Is(value, "error") || Is(value, "expired") || Is(value, "cancelled") || Is(value, "canceled"))
        {
            return StatusMeaning.Failed;
        }

        return StatusMeaning.Unknown;
    }

    private static bool Is(string value, string known) => string.Equals(value, known, StringComparison.OrdinalIgnoreCase);

    // Unknown is 0, so that default(VideoTaskStatus) is the empty, unknown status.
    private enum StatusMeaning
    {
        Unknown,
        Pending,
        Processing,
        Completed,
        Failed,
    }
}
