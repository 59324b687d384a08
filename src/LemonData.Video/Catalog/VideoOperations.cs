#nullable enable

using System;
using System.Collections.Generic;

namespace LemonData.Video;

/// <summary>
/// The service's operation names (<c>supported_operations</c> of <c>GET /v1/models/{model}</c>) and the capability each
/// one means. The mapping:
/// <list type="table">
/// <listheader><term>operation</term><description>capability</description></listheader>
/// <item><term><c>text-to-video</c></term><description><see cref="VideoCapabilities.TextToVideo"/></description></item>
/// <item><term><c>image-to-video</c></term><description><see cref="VideoCapabilities.ImageToVideo"/></description></item>
/// <item><term><c>start-end-to-video</c>, <c>first-last-frame-to-video</c>, <c>keyframes-to-video</c></term><description><see cref="VideoCapabilities.Keyframes"/></description></item>
/// <item><term><c>video-extension</c>, <c>video-extend</c>, <c>extend-video</c></term><description><see cref="VideoCapabilities.Extend"/></description></item>
/// <item><term><c>video-to-video</c>, <c>video-edit</c>, <c>edit-video</c></term><description><see cref="VideoCapabilities.Edit"/></description></item>
/// <item><term><c>video-effects</c>, <c>effects</c>, <c>template-to-video</c></term><description><see cref="VideoCapabilities.Effects"/></description></item>
/// </list>
/// Any other operation (for example <c>reference-to-video</c>, or one the service adds later) is kept in
/// <see cref="VideoModelInfo.Operations"/> and adds no capability: a rule never guesses what it means.
/// </summary>
public static class VideoOperations
{
    /// <summary>Makes a video from a text prompt.</summary>
    public const string TextToVideo = "text-to-video";

    /// <summary>Animates a start image.</summary>
    public const string ImageToVideo = "image-to-video";

    /// <summary>Takes a first and a last frame (keyframes).</summary>
    public const string StartEndToVideo = "start-end-to-video";

    /// <summary>Extends an existing clip.</summary>
    public const string VideoExtension = "video-extension";

    /// <summary>Edits an existing video.</summary>
    public const string VideoToVideo = "video-to-video";

    /// <summary>Applies visual effects.</summary>
    public const string VideoEffects = "video-effects";

    /// <summary>Makes a video guided by reference images (no capability of its own in <see cref="VideoCapabilities"/>).</summary>
    public const string ReferenceToVideo = "reference-to-video";

    /// <summary>The capability <paramref name="operation"/> means, or <see cref="VideoCapabilities.None"/> for an operation without one.</summary>
    /// <param name="operation">An operation name as the service spells it (compared ignoring case, and '_' read as '-').</param>
    public static VideoCapabilities ToCapability(string? operation)
    {
        if (operation is null)
        {
            return VideoCapabilities.None;
        }

        switch (operation.Trim().Replace('_', '-').ToLowerInvariant())
        {
            case TextToVideo:
                return VideoCapabilities.TextToVideo;
            case ImageToVideo:
                return VideoCapabilities.ImageToVideo;
            case StartEndToVideo:
            case "first-last-frame-to-video":
            case "keyframes-to-video":
                return VideoCapabilities.Keyframes;
            case VideoExtension:
            case "video-extend":
            case "extend-video":
                return VideoCapabilities.Extend;
            case VideoToVideo:
            case "video-edit":
            case "edit-video":
                return VideoCapabilities.Edit;
            case VideoEffects:
            case "effects":
            case "template-to-video":
                return VideoCapabilities.Effects;
            default:
                return VideoCapabilities.None;
        }
    }

    /// <summary>Every capability the <paramref name="operations"/> mean together.</summary>
    public static VideoCapabilities ToCapabilities(IEnumerable<string>? operations)
    {
        var capabilities = VideoCapabilities.None;
        if (operations is not null)
        {
            foreach (var operation in operations)
            {
                capabilities |= ToCapability(operation);
            }
        }

        return capabilities;
    }

    /// <summary>The capability named by a token of the catalog file and the document (<c>keyframes</c>, <c>extend</c>, ...), if it is one.</summary>
    internal static bool TryParseCapabilityToken(string token, out VideoCapabilities capability)
    {
        capability = token switch
        {
            "text-to-video" => VideoCapabilities.TextToVideo,
            "image-to-video" => VideoCapabilities.ImageToVideo,
            "keyframes" => VideoCapabilities.Keyframes,
            "extend" => VideoCapabilities.Extend,
            "edit" => VideoCapabilities.Edit,
            "effects" => VideoCapabilities.Effects,
            _ => VideoCapabilities.None,
        };
        return capability != VideoCapabilities.None;
    }

    /// <summary>The catalog file's tokens of <paramref name="capabilities"/>, in the order of <see cref="VideoCapabilities"/>.</summary>
    internal static List<string> ToCapabilityTokens(VideoCapabilities capabilities)
    {
        var tokens = new List<string>();
        AddToken(tokens, capabilities, VideoCapabilities.TextToVideo, "text-to-video");
        AddToken(tokens, capabilities, VideoCapabilities.ImageToVideo, "image-to-video");
        AddToken(tokens, capabilities, VideoCapabilities.Keyframes, "keyframes");
        AddToken(tokens, capabilities, VideoCapabilities.Extend, "extend");
        AddToken(tokens, capabilities, VideoCapabilities.Edit, "edit");
        AddToken(tokens, capabilities, VideoCapabilities.Effects, "effects");
        return tokens;
    }

    private static void AddToken(List<string> tokens, VideoCapabilities capabilities, VideoCapabilities flag, string token)
    {
        if ((capabilities & flag) == flag)
        {
            tokens.Add(token);
        }
    }
}
