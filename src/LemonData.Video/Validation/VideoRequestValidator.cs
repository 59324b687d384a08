using System;
using System.Collections.Generic;

namespace LemonData.Video;

/// <summary>
/// Runs the shared rules (<see cref="VideoRequestRules"/>, the analyzer's rules) on a request before
/// it is sent. The only SDK-specific part of validation: it reads the request's values.
/// </summary>
/// <remarks>The client validates every create: a valid request allocates nothing here.</remarks>
internal static class VideoRequestValidator
{
    public static IReadOnlyList<VideoRequestViolation> Validate(VideoGenerationRequest request, IReadOnlyDictionary<string, VideoModelInfo>? declaredModels = null) =>
        Validate(request, declaredModels is null ? ModelFacts.Snapshot : new ModelFacts(VideoModelCatalog.Snapshot, declaredModels));

    public static IReadOnlyList<VideoRequestViolation> Validate(VideoGenerationRequest request, ModelFacts facts)
    {
        VideoModelInfo? declared = null;
        if (facts.DeclaredModels is not null && request.Model is { } model)
        {
            facts.DeclaredModels.TryGetValue(model, out declared);
        }

        var values = new VideoRequestValues
        {
            Model = request.Model,
            Prompt = request.Prompt,
            ImageUrl = request.ImageUrl,
            Image = request.Image,
            StartImage = request.StartImage,
            EndImage = request.EndImage,
            Duration = request.Duration,
            Fps = request.Fps,
            CfgScale = request.CfgScale,
            MotionStrength = request.MotionStrength,
            Resolution = request.Resolution,
            AspectRatio = request.AspectRatio,
            DeclaredModel = declared,
            Catalog = facts.Catalog,
            ServiceModel = facts.ServiceModel,
            ModelUnverified = facts.ModelUnverified,
            ServiceSaidNotFound = facts.ServiceSaidNotFound,
            ServiceModelIds = facts.ServiceModelIds,

            // Collected only when a list will judge them: a request to a model without supported_parameters costs nothing here.
            OtherSetProperties = facts.Resolve(request.Model)?.SupportedParameters is null ? null : VideoRequestOtherProperties.Of(request),
        };

        var violations = VideoRequestRules.CheckAllOrNull(in values);
        if (violations is null)
        {
            return Array.Empty<VideoRequestViolation>();
        }

        var result = new List<VideoRequestViolation>(violations.Count);
        foreach (var violation in violations)
        {
            // A key pasted into the wrong property must not be quoted into an exception message (and a log).
            result.Add(new VideoRequestViolation(violation.DiagnosticId, violation.Property, SecretRedactor.Redact(violation.Message, null)));
        }

        return result;
    }

    public static void ThrowIfInvalid(VideoGenerationRequest request, IReadOnlyDictionary<string, VideoModelInfo>? declaredModels = null) =>
        ThrowIfInvalid(request, declaredModels is null ? ModelFacts.Snapshot : new ModelFacts(VideoModelCatalog.Snapshot, declaredModels));

    public static void ThrowIfInvalid(VideoGenerationRequest request, ModelFacts facts)
    {
        var violations = Validate(request, facts);
        if (violations.Count > 0)
        {
            throw new VideoRequestValidationException(violations);
        }
    }
}
