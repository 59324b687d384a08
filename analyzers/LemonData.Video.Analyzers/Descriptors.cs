using System.Globalization;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers;

/// <summary>
/// Every diagnostic of the LemonData.Video analyzer. The message of each rule of requests (LDV0001-LDV0011, LDV0013-LDV0015)
/// is the shared rule's own sentence (<c>VideoRequestRules</c>), so a warning reads exactly like the client's run-time
/// validation error. The API's limits in titles and descriptions are the generated <see cref="VideoLimits"/>, the
/// document's own minimum and maximum, never a second copy of the numbers.
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

    /// <summary>LDV0006: <c>Fps</c> is outside <see cref="VideoLimits.MinFps"/>-<see cref="VideoLimits.MaxFps"/>.</summary>
    public static readonly DiagnosticDescriptor LDV0006_FpsOutOfRange = Rule(
        "LDV0006",
        "Fps should be between " + Format(VideoLimits.MinFps) + " and " + Format(VideoLimits.MaxFps),
        "The service accepts " + Format(VideoLimits.MinFps) + " to " + Format(VideoLimits.MaxFps) + " frames per second.");

    /// <summary>LDV0007: <c>CfgScale</c> is outside <see cref="VideoLimits.MinCfgScale"/>-<see cref="VideoLimits.MaxCfgScale"/>.</summary>
    public static readonly DiagnosticDescriptor LDV0007_CfgScaleOutOfRange = Rule(
        "LDV0007",
        "CfgScale should be between " + Format(VideoLimits.MinCfgScale) + " and " + Format(VideoLimits.MaxCfgScale),
        "The service accepts a classifier-free guidance scale from " + Format(VideoLimits.MinCfgScale) + " to " + Format(VideoLimits.MaxCfgScale) + ".");

    /// <summary>LDV0008: <c>MotionStrength</c> is outside <see cref="VideoLimits.MinMotionStrength"/>-<see cref="VideoLimits.MaxMotionStrength"/>.</summary>
    public static readonly DiagnosticDescriptor LDV0008_MotionStrengthOutOfRange = Rule(
        "LDV0008",
        "MotionStrength should be between " + Format(VideoLimits.MinMotionStrength) + " and " + Format(VideoLimits.MaxMotionStrength),
        "The service accepts a motion strength from " + Format(VideoLimits.MinMotionStrength) + " to " + Format(VideoLimits.MaxMotionStrength) + ".");

    /// <summary>LDV0009: <c>Duration</c> is one the model cannot make.</summary>
    public static readonly DiagnosticDescriptor LDV0009_UnsupportedDuration = Rule(
        "LDV0009",
        "Duration should be one the model can make",
        "The API accepts " + Format(VideoLimits.MinDuration) + " to " + Format(VideoLimits.MaxDuration) + " seconds; a model that makes clips"
        + " of one length accepts only that length, and a model whose durations lemondata-models.json lists accepts only those.");

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

    /// <summary>LDV0013: <c>Resolution</c> is not one of the model's <c>resolutions</c>.</summary>
    public static readonly DiagnosticDescriptor LDV0013_UnsupportedResolution = Rule(
        "LDV0013",
        "Resolution should be one the model offers",
        "A model's contract in lemondata-models.json lists the resolutions it makes; the service does not make another. Silent for a model whose list is not known.");

    /// <summary>LDV0014: <c>AspectRatio</c> is not one of the model's <c>aspect_ratios</c>.</summary>
    public static readonly DiagnosticDescriptor LDV0014_UnsupportedAspectRatio = Rule(
        "LDV0014",
        "AspectRatio should be one the model offers",
        "A model's contract in lemondata-models.json lists the aspect ratios it makes; the service does not make another. Silent for a model whose list is not known.");

    /// <summary>LDV0015: a property is set that the model's <c>supported_parameters</c> does not list.</summary>
    public static readonly DiagnosticDescriptor LDV0015_UnsupportedParameter = Rule(
        "LDV0015",
        "A property should be one the model reads",
        "A model's contract in lemondata-models.json lists the parameters it reads (supported_parameters); the service ignores any other silently, and still charges for the video."
        + " Model, Prompt and User are always read; Image counts as image_url. Silent for a model whose list is not known.");

    /// <summary>
    /// LDV0016: the catalog file <c>lemondata-models.json</c> cannot be read, wholly or in part. About the file, not the
    /// code: reported at its line in the file, once per problem.
    /// </summary>
    public static readonly DiagnosticDescriptor LDV0016_InvalidModelsFile = Rule(
        "LDV0016",
        "lemondata-models.json should be a readable catalog file",
        "lemondata-models.json (written by 'lemondata-video models sync') gives the analyzer the service's models and their contracts. A file that is not JSON or whose"
        + " format is unknown is ignored, and the snapshot of the SDK applies; an entry that cannot be read is skipped, and the other entries apply.");

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

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
