using System;

namespace LemonData.Video;

/// <summary>One model of the catalog: its id, who makes it and what it can do.</summary>
public sealed class VideoModelInfo
{
    /// <summary>The <see cref="Provider"/> of a model the application declared (<c>LemonDataVideoClientOptions.AdditionalModels</c>).</summary>
    public const string DeclaredProvider = "declared by the application";

    /// <summary>
    /// Describes a model newer than this SDK version, for <c>LemonDataVideoClientOptions.AdditionalModels</c>: the
    /// client's validation then accepts it and checks it by these capabilities, as the analyzer does for the same model
    /// declared in <c>lemondata_video.extra_models</c>.
    /// </summary>
    /// <param name="id">The model id, as sent on the wire (case-sensitive).</param>
    /// <param name="capabilities">Everything the model can do (<see cref="VideoCapabilities.None"/>: nothing is checked).</param>
    /// <param name="fixedDurationSeconds">The one clip length the model makes, 1-60, if it makes only one.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or holds white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fixedDurationSeconds"/> is outside 1-60.</exception>
    public VideoModelInfo(string id, VideoCapabilities capabilities, int? fixedDurationSeconds = null)
        : this(RequireId(id), DeclaredProvider, id, capabilities, RequireDuration(fixedDurationSeconds), typicalMaxDurationSeconds: null, note: null)
    {
    }

    internal VideoModelInfo(
        string id,
        string provider,
        string family,
        VideoCapabilities capabilities,
        int? fixedDurationSeconds,
        int? typicalMaxDurationSeconds,
        string? note)
    {
        Id = id;
        Provider = provider;
        Family = family;
        Capabilities = capabilities;
        FixedDurationSeconds = fixedDurationSeconds;
        TypicalMaxDurationSeconds = typicalMaxDurationSeconds;
        Note = note;
    }

    /// <summary>The id to send as <c>Model</c>, for example <c>sora-2</c>.</summary>
    public string Id { get; }

    /// <summary>The company behind the model, for example <c>OpenAI</c>.</summary>
    public string Provider { get; }

    /// <summary>The model family, for example <c>Sora</c>.</summary>
    public string Family { get; }

    /// <summary>What the model can do.</summary>
    public VideoCapabilities Capabilities { get; }

    /// <summary>
    /// The only clip length, in seconds, the model makes (for example 5 for <c>runwayml-gen4-turbo-5</c>),
    /// or <see langword="null"/> when the length can be chosen.
    /// </summary>
    public int? FixedDurationSeconds { get; }

    /// <summary>
    /// The family's documented maximum length in seconds. Approximate: the SDK never rejects a request
    /// for exceeding it, only for exceeding the API's hard limit of 60 seconds.
    /// </summary>
    public int? TypicalMaxDurationSeconds { get; }

    /// <summary>A short remark from the catalog, or <see langword="null"/>.</summary>
    public string? Note { get; }

    /// <summary>Whether the model has every capability in <paramref name="capabilities"/>.</summary>
    public bool Supports(VideoCapabilities capabilities) => (Capabilities & capabilities) == capabilities;

    private static string RequireId(string id)
    {
        if (id is null)
        {
            throw new ArgumentNullException(nameof(id));
        }

        foreach (var c in id)
        {
            if (char.IsWhiteSpace(c))
            {
                throw new ArgumentException("A model id holds no white space: '" + id + "'.", nameof(id));
            }
        }

        return id.Length > 0 ? id : throw new ArgumentException("The model id must not be empty.", nameof(id));
    }

    private static int? RequireDuration(int? seconds) =>
        seconds is null or (>= VideoLimits.MinDurationSeconds and <= VideoLimits.MaxDurationSeconds)
            ? seconds
            : throw new ArgumentOutOfRangeException("fixedDurationSeconds", seconds, "A clip length is 1-60 seconds.");

    /// <inheritdoc />
    public override string ToString() => Id + " (" + Provider + ": " + Capabilities + ")";
}
