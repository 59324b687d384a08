using System.Collections.Generic;

namespace LemonData.Video;

// The properties of VideoGenerationRequest are generated from openapi/lemondata-video.yaml (obj/Generated);
// this hand-written half adds what the document cannot say.
public partial class VideoGenerationRequest
{
    /// <summary>
    /// Checks the request against the catalog and the API's limits, as the client does before sending
    /// (and as the analyzer does at compile time): every problem at once, in rule order, empty when valid.
    /// </summary>
    /// <returns>The problems found (<c>LDV0001</c>-<c>LDV0011</c>), or an empty list.</returns>
    public IReadOnlyList<VideoRequestViolation> Validate() => VideoRequestValidator.Validate(this);

    /// <summary>
    /// Checks the request against <paramref name="catalog"/> (for example one loaded from <c>lemondata-models.json</c>)
    /// and the API's limits: the model's own durations, resolutions, aspect ratios and parameters where the catalog
    /// lists them (LDV0009, LDV0013-LDV0015). Asks the service nothing: a model the catalog lacks is LDV0001 here.
    /// </summary>
    /// <param name="catalog">The models to check against.</param>
    /// <returns>The problems found, in rule order, or an empty list.</returns>
    public IReadOnlyList<VideoRequestViolation> Validate(VideoModelCatalog catalog) =>
        VideoRequestValidator.Validate(this, new ModelFacts(catalog ?? throw new System.ArgumentNullException(nameof(catalog)), declaredModels: null));
}
