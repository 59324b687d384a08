#nullable enable

namespace LemonData.Video;

/// <summary>
/// The values of a request that the rules look at, as plain values so that the rules never depend on the
/// request type (the analyzer compiles them without it). <see langword="null"/> means "not set": an unset
/// <see cref="Model"/> means the service default, an unset <see cref="Prompt"/> is missing, anything else
/// unset is simply not checked. An analyzer that knows only some values calls the single
/// <see cref="VideoRequestRules"/> checks instead of <see cref="VideoRequestRules.CheckAll"/>, because to it
/// <see langword="null"/> would mean "unknown", not "unset". A struct: the client fills one for every request it sends.
/// </summary>
internal struct VideoRequestValues
{
    public string? Model { get; set; }

    public string? Prompt { get; set; }

    public string? ImageUrl { get; set; }

    public string? Image { get; set; }

    public string? StartImage { get; set; }

    public string? EndImage { get; set; }

    public int? Duration { get; set; }

    public int? Fps { get; set; }

    public double? CfgScale { get; set; }

    public double? MotionStrength { get; set; }

    /// <summary>
    /// The application's own description of <see cref="Model"/> when the catalog does not have it
    /// (<c>LemonDataVideoClientOptions.AdditionalModels</c>); ignored for a model of the catalog, which wins.
    /// </summary>
    public VideoModelInfo? DeclaredModel { get; set; }
}
