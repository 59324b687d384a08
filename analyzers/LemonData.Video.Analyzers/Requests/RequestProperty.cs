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

/// <summary>Facts about <see cref="RequestProperty"/> that arrays indexed by it need.</summary>
internal static class RequestProperties
{
    /// <summary>How many rule properties there are.</summary>
    public const int Count = (int)RequestProperty.MotionStrength + 1;
}
