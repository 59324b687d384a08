namespace LemonData.Video.Analyzers.Requests;

/// <summary>The properties of <c>VideoGenerationRequest</c> that the shared rules look at.</summary>
internal enum RequestProperty
{
    Model,
    Prompt,
    ImageUrl,
    Image,
    StartImage,
    EndImage,
    Duration,
    Fps,
    CfgScale,
    MotionStrength,
}
