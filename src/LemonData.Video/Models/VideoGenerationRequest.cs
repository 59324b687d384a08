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
}
