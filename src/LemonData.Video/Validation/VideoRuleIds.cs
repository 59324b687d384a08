#nullable enable

namespace LemonData.Video;

/// <summary>
/// The ids shared by the run-time validation (<c>VideoRequestValidationException</c>) and the analyzer,
/// so a violation reads the same whether the compiler or the client found it.
/// </summary>
internal static class VideoRuleIds
{
    public const string UnknownModel = "LDV0001";
    public const string ImageOnTextOnlyModel = "LDV0002";
    public const string KeyframesNotSupported = "LDV0003";
    public const string ImageRequired = "LDV0004";
    public const string ConflictingImageSources = "LDV0005";
    public const string FpsOutOfRange = "LDV0006";
    public const string CfgScaleOutOfRange = "LDV0007";
    public const string MotionStrengthOutOfRange = "LDV0008";
    public const string UnsupportedDuration = "LDV0009";
    public const string InvalidImageDataUrl = "LDV0010";
    public const string EmptyPrompt = "LDV0011";
    public const string UnsupportedResolution = "LDV0013";
    public const string UnsupportedAspectRatio = "LDV0014";
    public const string UnsupportedParameter = "LDV0015";
    public const string InvalidModelsFile = "LDV0016";
}
