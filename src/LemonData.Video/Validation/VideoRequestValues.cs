#nullable enable

using System.Collections.Generic;

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

    public string? Resolution { get; set; }

    public string? AspectRatio { get; set; }

    /// <summary>
    /// The C# names of every property set on the request beyond the ones above (<c>Seed</c>, <c>NegativePrompt</c>, ...),
    /// for LDV0015; null when not collected (the model's <c>supported_parameters</c> is unknown, so nothing would be checked).
    /// </summary>
    public IReadOnlyList<string>? OtherSetProperties { get; set; }

    /// <summary>The models the request is checked against; null: <see cref="VideoModelCatalog.Snapshot"/>.</summary>
    public VideoModelCatalog? Catalog { get; set; }

    /// <summary>
    /// What the service itself said of <see cref="Model"/> (<c>GET /v1/models/{model}</c>): wins over the catalog and
    /// <see cref="DeclaredModel"/>, because the service is the judge of its own models.
    /// </summary>
    public VideoModelInfo? ServiceModel { get; set; }

    /// <summary>
    /// True when <see cref="Model"/> could not be verified (the lookup failed or timed out): no LDV0001, and the request is
    /// checked by the API's limits only, because a request the service may accept is never refused.
    /// </summary>
    public bool ModelUnverified { get; set; }

    /// <summary>True when the service answered 404 <c>model_not_found</c> for <see cref="Model"/>: LDV0001 says so.</summary>
    public bool ServiceSaidNotFound { get; set; }

    /// <summary>The service's own model ids, when known: LDV0001 suggests the closest of them rather than of the catalog.</summary>
    public IReadOnlyList<string>? ServiceModelIds { get; set; }

    /// <summary>
    /// The application's own description of <see cref="Model"/> when the catalog does not have it
    /// (<c>LemonDataVideoClientOptions.AdditionalModels</c>); ignored for a model of the catalog, which wins.
    /// </summary>
    public VideoModelInfo? DeclaredModel { get; set; }
}
