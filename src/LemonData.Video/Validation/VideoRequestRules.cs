#nullable enable

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LemonData.Video;

/// <summary>
/// The rules of a video request, one method per rule, on plain values. The client runs them before
/// sending (<see cref="CheckAll"/>); the analyzer compiles this same file and calls the single checks with
/// the constants it finds, so compile time and run time can never disagree.
/// </summary>
/// <remarks>
/// Each check returns <see langword="null"/> when the value is fine. No check throws: inside the analyzer
/// an exception would surface as AD0001 on the user's build, and a wrong diagnostic is worse than none.
/// </remarks>
internal static class VideoRequestRules
{
    private const string ModelProperty = "Model";
    private const string PromptProperty = "Prompt";
    private const string ImageUrlProperty = "ImageUrl";
    private const string ImageProperty = "Image";
    private const string FpsProperty = "Fps";
    private const string CfgScaleProperty = "CfgScale";
    private const string MotionStrengthProperty = "MotionStrength";
    private const string DurationProperty = "Duration";
    private const string StartImageProperty = "StartImage";
    private const string EndImageProperty = "EndImage";
    private const string ResolutionProperty = "Resolution";
    private const string AspectRatioProperty = "AspectRatio";
    private const string UserProperty = "User";

    // A data URL of a real image is megabytes long; a message quotes only its start.
    private const int MaxQuotedLength = 48;

    private static readonly string ImageToVideoModels = ListModels(VideoCapabilities.ImageToVideo);
    private static readonly string KeyframeModels = ListModels(VideoCapabilities.Keyframes);

    /// <summary>LDV0001: <paramref name="model"/> is not an id of the snapshot catalog (ordinal, as on the wire).</summary>
    public static VideoRuleViolation? CheckModel(string? model) => CheckModel(model, VideoModelCatalog.Snapshot, serviceModelIds: null, serviceSaidNotFound: false);

    /// <summary>
    /// LDV0001: <paramref name="model"/> is not an id of <paramref name="catalog"/>. The suggestion is the closest id of
    /// <paramref name="serviceModelIds"/> when the service's list is known, else of the catalog; when
    /// <paramref name="serviceSaidNotFound"/>, the message says the service itself does not know the model.
    /// </summary>
    public static VideoRuleViolation? CheckModel(string? model, VideoModelCatalog catalog, IReadOnlyList<string>? serviceModelIds, bool serviceSaidNotFound)
    {
        // An unset model is not an unknown one: the service uses its default.
        if (model is null || (!serviceSaidNotFound && catalog.ContainsModel(model)))
        {
            return null;
        }

        string suggestion;
        if (model.Trim().Length == 0)
        {
            // The nearest id to nothing is merely the shortest one; the default is the helpful answer.
            suggestion = " Leave Model unset to use the default '" + VideoModels.Default + "', or set it to a model id.";
        }
        else
        {
            var closest = FindClosestModelId(model, catalog, serviceModelIds);
            suggestion = closest is null
                ? string.Empty
                : " Did you mean '" + closest + "'?"
                  + (string.Equals(closest, model, StringComparison.OrdinalIgnoreCase) ? " Model ids are case-sensitive." : string.Empty);
        }

        if (serviceSaidNotFound)
        {
            return new VideoRuleViolation(
                VideoRuleIds.UnknownModel,
                ModelProperty,
                "Model " + Quote(model) + " is not a model of the service: GET /v1/models/" + model + " answered 404 model_not_found." + suggestion
                + " List the service's models with 'lemondata-video models --live' (or ListVideoModelsAsync), and set Model to one of them.");
        }

        return new VideoRuleViolation(
            VideoRuleIds.UnknownModel,
            ModelProperty,
            "Model " + Quote(model) + " is not a model of the LemonData.Video catalog." + suggestion
            + " Known ids are the constants of VideoModels and the entries of lemondata-models.json. If " + Quote(model) + " is a model newer than this SDK,"
            + " run 'lemondata-video models sync' to write lemondata-models.json (read by the analyzer and by VideoModelCatalog.Load),"
            + " declare it in LemonDataVideoClientOptions.AdditionalModels (and in lemondata_video.extra_models"
            + " for the analyzer), or send it unchecked with LemonDataVideoClientOptions.ValidateRequests = false.");
    }

    /// <summary>The id LDV0001 proposes for <paramref name="model"/>: of the service's list when known, else of the catalog.</summary>
    public static string? FindClosestModelId(string model, VideoModelCatalog catalog, IReadOnlyList<string>? serviceModelIds)
    {
        if (serviceModelIds is { Count: > 0 })
        {
            return ModelIdSuggestions.FindClosest(model, serviceModelIds);
        }

        if (ReferenceEquals(catalog, VideoModelCatalog.Snapshot))
        {
            return ModelIdSuggestions.FindClosest(model);
        }

        var ids = new List<string>(catalog.Models.Count);
        foreach (var info in catalog.Models)
        {
            ids.Add(info.Id);
        }

        return ModelIdSuggestions.FindClosest(model, ids);
    }

    /// <summary>
    /// LDV0002: <paramref name="property"/> (<c>ImageUrl</c> or <c>Image</c>) is set on a model that takes text
    /// only. Only a catalog model whose capabilities are exactly text-to-video fires: extend models take the
    /// clip's last frame as <c>ImageUrl</c>, effects models take an image too.
    /// </summary>
    public static VideoRuleViolation? CheckImageOnTextOnlyModel(string? model, string property) =>
        CheckImageOnTextOnlyModel(model, FindEffectiveModel(model), property);

    /// <summary>
    /// LDV0002 for <paramref name="model"/> described by <paramref name="info"/> (null: not known, no violation): the
    /// analyzer passes the models its users declare beside the catalog (<c>lemondata_video.extra_models</c>).
    /// </summary>
    public static VideoRuleViolation? CheckImageOnTextOnlyModel(string? model, VideoModelInfo? info, string property)
    {
        if (info is null || info.Capabilities != VideoCapabilities.TextToVideo)
        {
            return null;
        }

        return new VideoRuleViolation(
            VideoRuleIds.ImageOnTextOnlyModel,
            property,
            property + " is set, but " + DescribeModel(model) + " takes text only (text-to-video) and does not accept a start image."
            + " Remove " + property + ", or set Model to a model that animates a start image (image-to-video): " + ImageToVideoModels + ".");
    }

    /// <summary>LDV0003: <paramref name="property"/> (<c>StartImage</c> or <c>EndImage</c>) is set on a model without keyframes.</summary>
    public static VideoRuleViolation? CheckKeyframes(string? model, string property) =>
        CheckKeyframes(model, FindEffectiveModel(model), property);

    /// <summary>LDV0003 for <paramref name="model"/> described by <paramref name="info"/> (null: not known, no violation).</summary>
    public static VideoRuleViolation? CheckKeyframes(string? model, VideoModelInfo? info, string property)
    {
        // A model with no known capability is one nothing is known about: no rule guesses what it takes.
        if (info is null || info.Capabilities == VideoCapabilities.None || info.Supports(VideoCapabilities.Keyframes))
        {
            return null;
        }

        // A first frame alone is what image-to-video is for; point there when the model has it.
        var alternative = info.Supports(VideoCapabilities.ImageToVideo) && property == StartImageProperty
            ? " To start the video from an image with '" + info.Id + "', set ImageUrl (or Image) instead."
            : string.Empty;
        return new VideoRuleViolation(
            VideoRuleIds.KeyframesNotSupported,
            property,
            property + " is set, but " + DescribeModel(model) + " does not support keyframes (StartImage and EndImage)."
            + " Only these models do: " + KeyframeModels + ". Remove " + property + ", or set Model to one of them." + alternative);
    }

    /// <summary>LDV0004: an image-to-video-only model has neither <c>ImageUrl</c> nor <c>Image</c>.</summary>
    public static VideoRuleViolation? CheckImageRequired(string? model, bool hasImageUrl, bool hasImage) =>
        CheckImageRequired(model, FindEffectiveModel(model), hasImageUrl, hasImage);

    /// <summary>LDV0004 for <paramref name="model"/> described by <paramref name="info"/> (null: not known, no violation).</summary>
    public static VideoRuleViolation? CheckImageRequired(string? model, VideoModelInfo? info, bool hasImageUrl, bool hasImage)
    {
        if (hasImageUrl || hasImage
            || info is null
            || info.Capabilities != VideoCapabilities.ImageToVideo)
        {
            return null;
        }

        var textModel = ModelIdSuggestions.FindClosest(info.Id, VideoCapabilities.TextToVideo, info.Family);
        var alternative = textModel is null
            ? string.Empty
            : ", or use a text-to-video model such as '" + textModel + "'";
        return new VideoRuleViolation(
            VideoRuleIds.ImageRequired,
            ImageUrlProperty,
            Capitalize(DescribeModel(model)) + " makes videos from an image only (image-to-video), but neither ImageUrl nor Image is set."
            + " Set ImageUrl to the URL of the start image or Image to a base64 data URL (data:image/png;base64,...)"
            + alternative + ".");
    }

    /// <summary>LDV0005: both <c>ImageUrl</c> and <c>Image</c> are set.</summary>
    public static VideoRuleViolation? CheckSingleImageSource(bool hasImageUrl, bool hasImage)
    {
        if (!hasImageUrl || !hasImage)
        {
            return null;
        }

        return new VideoRuleViolation(
            VideoRuleIds.ConflictingImageSources,
            ImageProperty,
            "Image and ImageUrl are both set, but a request takes one start image."
            + " Keep ImageUrl for an image on the web or Image for a base64 data URL, and remove the other.");
    }

    /// <summary>LDV0006: <paramref name="fps"/> is outside <see cref="VideoLimits.MinFps"/>-<see cref="VideoLimits.MaxFps"/>.</summary>
    public static VideoRuleViolation? CheckFps(int fps)
    {
        if (fps >= VideoLimits.MinFps && fps <= VideoLimits.MaxFps)
        {
            return null;
        }

        return new VideoRuleViolation(
            VideoRuleIds.FpsOutOfRange,
            FpsProperty,
            "Fps is " + Format(fps) + ", but it must be between " + Format(VideoLimits.MinFps) + " and "
            + Format(VideoLimits.MaxFps) + " frames per second. Set a value in that range, or leave Fps unset for the model's default.");
    }

    /// <summary>LDV0007: <paramref name="cfgScale"/> is outside <see cref="VideoLimits.MinCfgScale"/>-<see cref="VideoLimits.MaxCfgScale"/>, or not a number.</summary>
    public static VideoRuleViolation? CheckCfgScale(double cfgScale) =>
        CheckRange(cfgScale, VideoLimits.MinCfgScale, VideoLimits.MaxCfgScale, VideoRuleIds.CfgScaleOutOfRange, CfgScaleProperty);

    /// <summary>LDV0008: <paramref name="motionStrength"/> is outside 0-1, or not a number.</summary>
    public static VideoRuleViolation? CheckMotionStrength(double motionStrength) =>
        CheckRange(motionStrength, VideoLimits.MinMotionStrength, VideoLimits.MaxMotionStrength, VideoRuleIds.MotionStrengthOutOfRange, MotionStrengthProperty);

    /// <summary>
    /// LDV0009: <paramref name="duration"/> is outside the API's <see cref="VideoLimits.MinDuration"/>-<see cref="VideoLimits.MaxDuration"/> seconds, or, for a catalog model that makes
    /// clips of one length only, not that length. A family's typical maximum is approximate and never enforced.
    /// </summary>
    public static VideoRuleViolation? CheckDuration(string? model, int duration) =>
        CheckDuration(model, FindEffectiveModel(model), duration);

    /// <summary>
    /// LDV0009 for <paramref name="model"/> described by <paramref name="info"/> (null: not known, so the API's range alone).
    /// </summary>
    public static VideoRuleViolation? CheckDuration(string? model, VideoModelInfo? info, int duration)
    {
        if (info?.Durations is { Count: > 0 } offered)
        {
            for (var i = 0; i < offered.Count; i++)
            {
                if (offered[i] == duration)
                {
                    return null;
                }
            }

            var nearest = OfferedValues.Nearest(offered, duration);
            return new VideoRuleViolation(
                VideoRuleIds.UnsupportedDuration,
                DurationProperty,
                "Duration is " + Format(duration) + " seconds, but " + DescribeModel(model) + " makes only clips of "
                + OfferedValues.Join(offered) + " seconds (its model contract). Set Duration to one of them, for example "
                + Format(nearest) + " (the nearest), or leave it unset for the model's default.");
        }

        if (info?.FixedDurationSeconds is int fixedLength)
        {
            if (duration == fixedLength)
            {
                return null;
            }

            var sibling = FindFixedLengthSibling(info, duration);
            var alternative = sibling is null
                ? string.Empty
                : ", or use '" + sibling + "' for " + Format(duration) + "-second clips";
            return new VideoRuleViolation(
                VideoRuleIds.UnsupportedDuration,
                DurationProperty,
                "Duration is " + Format(duration) + " seconds, but " + DescribeModel(model) + " makes "
                + Format(fixedLength) + "-second clips only. Set Duration to " + Format(fixedLength)
                + " or leave it unset" + alternative + ".");
        }

        if (duration >= VideoLimits.MinDuration && duration <= VideoLimits.MaxDuration)
        {
            return null;
        }

        var modelPart = model is null
            ? " (Model is not set, so the service uses '" + VideoModels.Default + "')"
            : " for model " + Quote(model);
        return new VideoRuleViolation(
            VideoRuleIds.UnsupportedDuration,
            DurationProperty,
            "Duration is " + Format(duration) + " seconds" + modelPart + ", but the API accepts "
            + Format(VideoLimits.MinDuration) + " to " + Format(VideoLimits.MaxDuration)
            + " seconds. Set a value in that range, or leave Duration unset for the model's default.");
    }

    /// <summary>
    /// LDV0009, the API's range alone (<see cref="VideoLimits.MinDuration"/>-<see cref="VideoLimits.MaxDuration"/> seconds), for a caller that cannot see the model: the analyzer,
    /// when the request's model is set somewhere it cannot follow. Says nothing about any model.
    /// </summary>
    public static VideoRuleViolation? CheckDurationRange(int duration)
    {
        if (duration >= VideoLimits.MinDuration && duration <= VideoLimits.MaxDuration)
        {
            return null;
        }

        return new VideoRuleViolation(
            VideoRuleIds.UnsupportedDuration,
            DurationProperty,
            "Duration is " + Format(duration) + " seconds, but the API accepts "
            + Format(VideoLimits.MinDuration) + " to " + Format(VideoLimits.MaxDuration)
            + " seconds. Set a value in that range, or leave Duration unset for the model's default.");
    }

    /// <summary>
    /// LDV0010: <paramref name="image"/> is not a base64 data URL (<c>data:image/&lt;type&gt;;base64,&lt;payload&gt;</c>).
    /// Scans characters without a regex or copies, because a real image is megabytes of base64.
    /// </summary>
    public static VideoRuleViolation? CheckImageDataUrl(string? image)
    {
        if (image is null)
        {
            return null;
        }

        var problem = FindDataUrlProblem(image);
        if (problem is null)
        {
            return null;
        }

        var webHint = image.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || image.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? " For an image on the web, set ImageUrl instead."
            : string.Empty;
        return new VideoRuleViolation(
            VideoRuleIds.InvalidImageDataUrl,
            ImageProperty,
            "Image is " + Quote(image) + ", which is not a base64 image data URL: " + problem + "."
            + " Image must look like 'data:image/png;base64,iVBORw0KGgo...'." + webHint);
    }

    /// <summary>LDV0011: <paramref name="prompt"/> is missing, empty or white space.</summary>
    public static VideoRuleViolation? CheckPrompt(string? prompt)
    {
        if (!string.IsNullOrWhiteSpace(prompt))
        {
            return null;
        }

        var value = prompt is null
            ? "not set (null)"
            : prompt.Length == 0 ? "empty ('')" : "white space only (" + Quote(prompt) + ")";
        return new VideoRuleViolation(
            VideoRuleIds.EmptyPrompt,
            PromptProperty,
            "Prompt is " + value + ", but the service needs a text description of the video to generate. Set Prompt to that description.");
    }

    /// <summary>LDV0013: <paramref name="resolution"/> is not one of the model's <c>resolutions</c> (silent when the list is unknown).</summary>
    public static VideoRuleViolation? CheckResolution(string? model, VideoModelInfo? info, string resolution)
    {
        if (info?.Resolutions is not { Count: > 0 } offered || OfferedValues.Contains(offered, resolution))
        {
            return null;
        }

        return new VideoRuleViolation(
            VideoRuleIds.UnsupportedResolution,
            ResolutionProperty,
            "Resolution is " + Quote(resolution) + ", but " + DescribeModel(model) + " offers only " + OfferedValues.Join(offered)
            + " (its model contract); the service would not make " + Quote(resolution) + ". Set Resolution to one of them, for example '"
            + OfferedValues.NearestResolution(offered, resolution) + "' (the nearest), or choose a model that offers " + Quote(resolution) + ".");
    }

    /// <summary>LDV0014: <paramref name="aspectRatio"/> is not one of the model's <c>aspect_ratios</c> (silent when the list is unknown).</summary>
    public static VideoRuleViolation? CheckAspectRatio(string? model, VideoModelInfo? info, string aspectRatio)
    {
        if (info?.AspectRatios is not { Count: > 0 } offered || OfferedValues.Contains(offered, aspectRatio))
        {
            return null;
        }

        return new VideoRuleViolation(
            VideoRuleIds.UnsupportedAspectRatio,
            AspectRatioProperty,
            "AspectRatio is " + Quote(aspectRatio) + ", but " + DescribeModel(model) + " offers only " + OfferedValues.Join(offered)
            + " (its model contract). Set AspectRatio to one of them, for example '"
            + OfferedValues.NearestAspectRatio(offered, aspectRatio) + "' (the nearest), or choose a model that offers " + Quote(aspectRatio) + ".");
    }

    /// <summary>
    /// LDV0015: the request property <paramref name="property"/> (a C# name) is set, but its wire name is not in the
    /// model's <c>supported_parameters</c>, so the service would ignore it silently. Never for <c>Model</c>, <c>Prompt</c>
    /// and <c>User</c>; <c>Image</c> counts as <c>image_url</c> (the same start image). Silent when the list is unknown.
    /// </summary>
    public static VideoRuleViolation? CheckSupportedParameter(string? model, VideoModelInfo? info, string property)
    {
        if (info?.SupportedParameters is not { } supported
            || property == ModelProperty || property == PromptProperty || property == UserProperty
            || WireNameOf(property) is not { } wireName)
        {
            return null;
        }

        var checkedName = property == ImageProperty ? "image_url" : wireName;
        for (var i = 0; i < supported.Count; i++)
        {
            if (string.Equals(supported[i], checkedName, StringComparison.OrdinalIgnoreCase)
                || string.Equals(supported[i], wireName, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return new VideoRuleViolation(
            VideoRuleIds.UnsupportedParameter,
            property,
            property + " (" + wireName + ") is set, but " + DescribeModel(model) + " does not read it: its model contract supports only "
            + OfferedValues.Join(supported) + ". The service would ignore " + wireName + " silently and still charge for the video."
            + " Remove " + property + ", or choose a model that supports " + wireName + ".");
    }

    /// <summary>The wire name of the request property <paramref name="property"/> (a C# name), from the document.</summary>
    public static string? WireNameOf(string property)
    {
        var names = VideoRequestParameters.PropertyNames;
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i] == property)
            {
                return VideoRequestParameters.WireNames[i];
            }
        }

        return null;
    }

    /// <summary>
    /// Every violation of a request whose values are all known, ordered by rule id. Rules that combine
    /// <c>Model</c> with other properties are skipped when <c>Model</c> is set but not in the catalog:
    /// LDV0001 already says so, and a model newer than the SDK may well accept the combination.
    /// </summary>
    public static List<VideoRuleViolation> CheckAll(VideoRequestValues values) => CheckAllOrNull(in values) ?? new List<VideoRuleViolation>();

    /// <summary>
    /// <see cref="CheckAll"/>, but <see langword="null"/> when the request breaks no rule: the client checks every
    /// request it sends, and a valid one (nearly all of them) then costs no list.
    /// </summary>
    public static List<VideoRuleViolation>? CheckAllOrNull(in VideoRequestValues values)
    {
        List<VideoRuleViolation>? violations = null;
        var model = values.Model;
        var catalog = values.Catalog ?? VideoModelCatalog.Snapshot;
        var info = values.ServiceModel;
        if (info is null && !values.ServiceSaidNotFound)
        {
            info = FindEffectiveModel(model, catalog);
            if (info is null && model is not null && values.DeclaredModel is { } declared && string.Equals(declared.Id, model, StringComparison.Ordinal))
            {
                // A model newer than this SDK that the application described: no LDV0001, and its own capabilities.
                info = declared;
            }
        }

        if (info is null && !values.ModelUnverified)
        {
            Add(ref violations, CheckModel(model, catalog, values.ServiceModelIds, values.ServiceSaidNotFound));
        }

        // A model declared with no capabilities is one nothing is known about: the capability rules stay silent.
        if (info is { Capabilities: not VideoCapabilities.None })
        {
            if (values.ImageUrl is not null)
            {
                Add(ref violations, CheckImageOnTextOnlyModel(model, info, ImageUrlProperty));
            }

            if (values.Image is not null)
            {
                Add(ref violations, CheckImageOnTextOnlyModel(model, info, ImageProperty));
            }

            if (values.StartImage is not null)
            {
                Add(ref violations, CheckKeyframes(model, info, StartImageProperty));
            }

            if (values.EndImage is not null)
            {
                Add(ref violations, CheckKeyframes(model, info, EndImageProperty));
            }

            Add(ref violations, CheckImageRequired(model, info, values.ImageUrl is not null, values.Image is not null));
            Add(ref violations, CheckSingleImageSource(values.ImageUrl is not null, values.Image is not null));
        }

        if (values.Fps is int fps)
        {
            Add(ref violations, CheckFps(fps));
        }

        if (values.CfgScale is double cfgScale)
        {
            Add(ref violations, CheckCfgScale(cfgScale));
        }

        if (values.MotionStrength is double motionStrength)
        {
            Add(ref violations, CheckMotionStrength(motionStrength));
        }

        if (values.Duration is int duration)
        {
            // CheckDuration applies the fixed-length rule to catalog models only, so an unknown model gets the range alone.
            Add(ref violations, CheckDuration(model, info, duration));
        }

        if (values.Resolution is { } resolution)
        {
            Add(ref violations, CheckResolution(model, info, resolution));
        }

        if (values.AspectRatio is { } aspectRatio)
        {
            Add(ref violations, CheckAspectRatio(model, info, aspectRatio));
        }

        if (info?.SupportedParameters is not null)
        {
            AddUnsupportedParameters(ref violations, in values, model, info);
        }

        Add(ref violations, CheckImageDataUrl(values.Image));
        Add(ref violations, CheckPrompt(values.Prompt));
        return violations;
    }

    private static VideoRuleViolation? CheckRange(double value, double min, double max, string id, string property)
    {
        // Written so that NaN fails: every comparison with NaN is false.
        if (value >= min && value <= max)
        {
            return null;
        }

        var detail = double.IsNaN(value) || double.IsInfinity(value) ? "a finite number" : "a value";
        return new VideoRuleViolation(
            id,
            property,
            property + " is " + Format(value) + ", but it must be " + detail + " between " + Format(min) + " and " + Format(max)
            + ". Set a value in that range, or leave " + property + " unset for the model's default.");
    }

    /// <summary>Why <paramref name="image"/> is not a base64 image data URL, or <see langword="null"/> when it is one.</summary>
    private static string? FindDataUrlProblem(string image)
    {
        const string Prefix = "data:image/";
        const string Base64Marker = ";base64";

        // Scheme and media type are case-insensitive (RFC 2397, RFC 2045); accepting DATA:IMAGE/PNG avoids a false positive.
        if (!image.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return "it does not start with 'data:image/'";
        }

        var comma = image.IndexOf(',');
        if (comma < 0)
        {
            return "it has no ',' between the header and the base64 data";
        }

        // The subtype runs to the first parameter (';') or to the comma.
        var subtypeEnd = image.IndexOf(';', Prefix.Length, comma - Prefix.Length);
        if (subtypeEnd < 0)
        {
            subtypeEnd = comma;
        }

        if (subtypeEnd == Prefix.Length)
        {
            return "the image type after 'data:image/' is missing";
        }

        for (var i = Prefix.Length; i < subtypeEnd; i++)
        {
            if (!IsTokenChar(image[i]))
            {
                return "the image type after 'data:image/' contains '" + image[i] + "'";
            }
        }

        // Parameters such as ';name=a.png' may come first (RFC 2397); ';base64' must be the last one.
        if (comma - subtypeEnd < Base64Marker.Length
            || string.Compare(image, comma - Base64Marker.Length, Base64Marker, 0, Base64Marker.Length, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return "the header does not end with ';base64' before the ','";
        }

        var dataCharacters = 0;
        var paddingSeen = false;
        for (var i = comma + 1; i < image.Length; i++)
        {
            var c = image[i];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            {
                continue;
            }

            if (c == '=')
            {
                paddingSeen = true;
            }
            else if (!IsBase64Char(c))
            {
                return "the data contains '" + c + "' at index " + Format(i) + ", which is not a base64 character (A-Z, a-z, 0-9, +, /, =)";
            }
            else if (paddingSeen)
            {
                return "the data continues after the '=' padding at index " + Format(i);
            }

            dataCharacters++;
        }

        return dataCharacters == 0 ? "the base64 data after ',' is empty" : null;
    }

    private static bool IsBase64Char(char c) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';

    // RFC 2045 token characters: what a media subtype such as 'svg+xml' or 'vnd.ms-photo' may contain.
    private static bool IsTokenChar(char c) =>
        c > ' ' && c < 127 && "()<>@,;:\\\"/[]?=".IndexOf(c) < 0;

    /// <summary>The catalog's model the request is sent with (an unset model is the default), or null when the catalog does not have it.</summary>
    public static VideoModelInfo? FindEffectiveModel(string? model) =>
        VideoModelCatalog.TryGet(model ?? VideoModels.Default, out var info) ? info : null;

    /// <summary>The model of <paramref name="catalog"/> the request is sent with (an unset model is the default), or null.</summary>
    public static VideoModelInfo? FindEffectiveModel(string? model, VideoModelCatalog catalog) =>
        catalog.TryGetModel(model ?? VideoModels.Default, out var info) ? info : null;

    // LDV0015 for every set property, in the document's order so the violations read in a stable order.
    private static void AddUnsupportedParameters(ref List<VideoRuleViolation>? violations, in VideoRequestValues values, string? model, VideoModelInfo info)
    {
        foreach (var property in VideoRequestParameters.PropertyNames)
        {
            if (IsSet(in values, property))
            {
                Add(ref violations, CheckSupportedParameter(model, info, property));
            }
        }
    }

    private static bool IsSet(in VideoRequestValues values, string property) => property switch
    {
        ImageUrlProperty => values.ImageUrl is not null,
        ImageProperty => values.Image is not null,
        StartImageProperty => values.StartImage is not null,
        EndImageProperty => values.EndImage is not null,
        DurationProperty => values.Duration is not null,
        FpsProperty => values.Fps is not null,
        CfgScaleProperty => values.CfgScale is not null,
        MotionStrengthProperty => values.MotionStrength is not null,
        ResolutionProperty => values.Resolution is not null,
        AspectRatioProperty => values.AspectRatio is not null,
        _ => values.OtherSetProperties is { } others && Contains(others, property),
    };

    private static bool Contains(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return true;
            }
        }

        return false;
    }

    private static string DescribeModel(string? model) =>
        model is null
            ? "Model is not set, so the service uses '" + VideoModels.Default + "', which"
            : "model " + Quote(model);

    private static string? FindFixedLengthSibling(VideoModelInfo info, int duration)
    {
        foreach (var candidate in VideoModelCatalog.All)
        {
            if (candidate.Family == info.Family && candidate.FixedDurationSeconds == duration)
            {
                return candidate.Id;
            }
        }

        return null;
    }

    private static string ListModels(VideoCapabilities capability)
    {
        var builder = new StringBuilder();
        foreach (var model in VideoModelCatalog.All)
        {
            if (model.Supports(capability))
            {
                if (builder.Length > 0)
                {
                    builder.Append(", ");
                }

                builder.Append(model.Id);
            }
        }

        return builder.ToString();
    }

    private static string Quote(string value) =>
        value.Length <= MaxQuotedLength
            ? "'" + value + "'"
            : "'" + value.Substring(0, MaxQuotedLength) + "...' (" + Format(value.Length) + " characters)";

    private static string Capitalize(string text) =>
        text.Length == 0 || char.IsUpper(text[0]) ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void Add(ref List<VideoRuleViolation>? violations, VideoRuleViolation? violation)
    {
        if (violation is VideoRuleViolation found)
        {
            (violations ??= new List<VideoRuleViolation>()).Add(found);
        }
    }
}
