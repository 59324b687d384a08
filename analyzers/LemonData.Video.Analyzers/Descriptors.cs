using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers;

/// <summary>
/// Every diagnostic of the LemonData.Video analyzer. The message of each rule (LDV0001-LDV0011) is the shared rule's own
/// sentence (<c>VideoRequestRules</c>), so a warning reads exactly like the client's run-time validation error.
/// </summary>
public static class Descriptors
{
    private const string Category = "Usage";
    private const string HelpLinkBase = "https://github.com/lemondata/lemondata-video-dotnet/blob/main/analyzers/docs/";

    /// <summary>LDV0001: <c>Model</c> is not a model of the catalog.</summary>
    public static readonly DiagnosticDescriptor LDV0001_UnknownModel = Rule(
        "LDV0001",
        "Model should be a model of the LemonData.Video catalog",
        "The service rejects a model id it does not know. Use one of the VideoModels constants; the message names the closest known id.");

    /// <summary>LDV0002: <c>ImageUrl</c> or <c>Image</c> is set on a text-to-video-only model.</summary>
    public static readonly DiagnosticDescriptor LDV0002_ImageOnTextOnlyModel = Rule(
        "LDV0002",
        "A start image should only be set on a model that takes one",
        "ImageUrl and Image are start images for image-to-video. A model that makes videos from text only (an unset Model means sora-2) rejects them.");

    /// <summary>LDV0003: <c>StartImage</c> or <c>EndImage</c> is set on a model without keyframes.</summary>
    public static readonly DiagnosticDescriptor LDV0003_KeyframesNotSupported = Rule(
        "LDV0003",
        "Keyframes should only be set on a model that supports them",
        "StartImage and EndImage are keyframes. Only models with keyframe support accept them.");

    /// <summary>LDV0004: an image-to-video-only model has no start image.</summary>
    public static readonly DiagnosticDescriptor LDV0004_ImageRequired = Rule(
        "LDV0004",
        "An image-to-video model should be given a start image",
        "A model that makes videos from an image only needs ImageUrl or Image.");

    /// <summary>LDV0005: both <c>Image</c> and <c>ImageUrl</c> are set.</summary>
    public static readonly DiagnosticDescriptor LDV0005_ConflictingImageSources = Rule(
        "LDV0005",
        "Image and ImageUrl should not both be set",
        "A request takes one start image: either ImageUrl (an image on the web) or Image (a base64 data URL).");

    /// <summary>LDV0006: <c>Fps</c> is outside 1-120.</summary>
    public static readonly DiagnosticDescriptor LDV0006_FpsOutOfRange = Rule(
        "LDV0006",
        "Fps should be between 1 and 120",
        "The service accepts 1 to 120 frames per second.");

    /// <summary>LDV0007: <c>CfgScale</c> is outside 0-20.</summary>
    public static readonly DiagnosticDescriptor LDV0007_CfgScaleOutOfRange = Rule(
        "LDV0007",
        "CfgScale should be between 0 and 20",
        "The service accepts a classifier-free guidance scale from 0 to 20.");

    /// <summary>LDV0008: <c>MotionStrength</c> is outside 0-1.</summary>
    public static readonly DiagnosticDescriptor LDV0008_MotionStrengthOutOfRange = Rule(
        "LDV0008",
        "MotionStrength should be between 0 and 1",
        "The service accepts a motion strength from 0 to 1.");

    /// <summary>LDV0009: <c>Duration</c> is one the model cannot make.</summary>
    public static readonly DiagnosticDescriptor LDV0009_UnsupportedDuration = Rule(
        "LDV0009",
        "Duration should be one the model can make",
        "The API accepts 1 to 60 seconds, and a model that makes clips of one length accepts only that length.");

    /// <summary>LDV0010: <c>Image</c> is not a base64 data URL.</summary>
    public static readonly DiagnosticDescriptor LDV0010_InvalidImageDataUrl = Rule(
        "LDV0010",
        "Image should be a base64 image data URL",
        "Image takes an inline image as 'data:image/<type>;base64,<data>'. An image on the web goes in ImageUrl.");

    /// <summary>LDV0011: <c>Prompt</c> is empty or white space.</summary>
    public static readonly DiagnosticDescriptor LDV0011_EmptyPrompt = Rule(
        "LDV0011",
        "Prompt should describe the video",
        "The service needs a text description of the video to generate.");

    /// <summary>
    /// LDV0012: an entry of the <c>lemondata_video.extra_models</c> option is malformed or shadows a model. Not a rule of
    /// requests: it is about the configuration, which has no place in the source, so it is reported once per compilation
    /// without a location (in the build's output; the IDE shows it with full solution analysis).
    /// </summary>
    public static readonly DiagnosticDescriptor LDV0012_InvalidExtraModel = Rule(
        "LDV0012",
        "lemondata_video.extra_models entries should be well-formed",
        "lemondata_video.extra_models declares models newer than the SDK: 'model-id: capabilities' entries separated by '|'. An entry the analyzer cannot use as written is reported, and the rest still apply.",
        WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor Rule(string id, string title, string description, params string[] customTags) =>
        new(
            id,
            title,
            messageFormat: "{0}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinkBase + id + ".md",
            customTags: customTags);
}
