namespace LemonData.Video;

/// <summary>One model of the catalog: its id, who makes it and what it can do.</summary>
public sealed class VideoModelInfo
{
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

    /// <inheritdoc />
    public override string ToString() => Id + " (" + Provider + ": " + Capabilities + ")";
}
