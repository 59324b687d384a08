namespace LemonData.Video.Analyzers.Requests;

/// <summary>
/// The properties of <c>VideoGenerationRequest</c>, by their C# names (the shared rules name them so). The first ten are
/// the ones the rules of the API's own limits and of capabilities read; the others matter only to a model's contract
/// (LDV0013-LDV0015), which a catalog file may give. A test checks that the list is the document's.
/// </summary>
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
    Resolution,
    AspectRatio,
    NegativePrompt,
    Seed,
    User,
    Operation,
    ReferenceImages,
    ReferenceImageType,
    VideoUrl,
    AudioUrl,
    OutputAudio,
    TaskId,
    ExtendAt,
    Watermark,
}

/// <summary>Facts about <see cref="RequestProperty"/> that arrays indexed by it and the request's reader need.</summary>
internal static class RequestProperties
{
    /// <summary>How many properties there are.</summary>
    public const int Count = (int)RequestProperty.Watermark + 1;

    /// <summary>
    /// Whether a write of <paramref name="property"/> that the analyzer cannot place (in a branch, a loop, an expression)
    /// stops it from following the request at all. True for the properties the rules of the API's limits and of
    /// capabilities read, as before there were contracts; a write of any other property off the straight line only
    /// makes that one property unknown, so that a <c>Seed</c> set in a branch does not hide an image on a text-only model.
    /// </summary>
    public static bool StopsFollowingWhenWrittenOffTheLine(RequestProperty property) => property <= RequestProperty.MotionStrength;
}
