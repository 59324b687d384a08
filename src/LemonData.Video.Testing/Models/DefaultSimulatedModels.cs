using System.Collections.Generic;

namespace LemonData.Video.Testing;

/// <summary>
/// The models a simulator knows unless <see cref="LemonDataSimulatorOptions.Models"/> says otherwise: every model of
/// <see cref="VideoModelCatalog.Snapshot"/>, with the per-model lists the service's documentation gives for a few of them.
/// </summary>
internal static class DefaultSimulatedModels
{
    // The page gives seedance-2.0-fast and viduq3-turbo the same durations and aspect ratios.
    private static readonly int[] DocumentedDurations = { 4, 5, 6, 8, 10, 12, 15 };

    private static readonly string[] DocumentedAspectRatios = { "1:1", "3:4", "4:3", "9:16", "16:9", "21:9" };

    /// <summary>A new list (each options object gets its own, so editing one never changes another's).</summary>
    public static List<VideoModelInfo> Create()
    {
        var models = new List<VideoModelInfo>(VideoModelCatalog.Snapshot.Models.Count);
        foreach (var model in VideoModelCatalog.Snapshot.Models)
        {
            models.Add(Documented(model) ?? WithOperationsOfCapabilities(model));
        }

        return models;
    }

    // The lists a later page of the service's documentation shows for its model detail (GET /v1/models/{model}):
    // seedance-2.0-fast with every list; viduq3-turbo with its resolutions and "the same durations and aspect ratios".
    // The page names neither viduq3-turbo's operations nor its parameters: these are the plain ones of a text and
    // image model, so that its detail has a complete contract to test against.
    private static VideoModelInfo? Documented(VideoModelInfo model) => model.Id switch
    {
        VideoModels.Seedance2_0Fast => model.WithContract(
            operations: new[] { VideoOperations.TextToVideo, VideoOperations.ImageToVideo, VideoOperations.StartEndToVideo, VideoOperations.ReferenceToVideo },
            durations: DocumentedDurations,
            resolutions: new[] { "480p", "720p" },
            aspectRatios: DocumentedAspectRatios,
            supportedParameters: new[] { "prompt", "image_url", "start_image", "end_image", "duration", "resolution", "aspect_ratio", "seed", "reference_images", "output_audio" }),
        VideoModels.ViduQ3Turbo => model.WithContract(
            operations: new[] { VideoOperations.TextToVideo, VideoOperations.ImageToVideo },
            durations: DocumentedDurations,
            resolutions: new[] { "540p", "720p", "1080p" },
            aspectRatios: DocumentedAspectRatios,
            supportedParameters: new[] { "prompt", "image_url", "duration", "resolution", "aspect_ratio", "seed" }),
        _ => null,
    };

    // A model without documented lists keeps them unknown (null); its operations, which every list entry of the
    // service carries, are the ones its capabilities mean.
    private static VideoModelInfo WithOperationsOfCapabilities(VideoModelInfo model)
    {
        var operations = new List<string>();
        Add(operations, model, VideoCapabilities.TextToVideo, VideoOperations.TextToVideo);
        Add(operations, model, VideoCapabilities.ImageToVideo, VideoOperations.ImageToVideo);
        Add(operations, model, VideoCapabilities.Keyframes, VideoOperations.StartEndToVideo);
        Add(operations, model, VideoCapabilities.Extend, VideoOperations.VideoExtension);
        Add(operations, model, VideoCapabilities.Edit, VideoOperations.VideoToVideo);
        Add(operations, model, VideoCapabilities.Effects, VideoOperations.VideoEffects);
        return operations.Count == 0 ? model : model.WithContract(operations: operations);
    }

    private static void Add(List<string> operations, VideoModelInfo model, VideoCapabilities capability, string operation)
    {
        if (model.Supports(capability))
        {
            operations.Add(operation);
        }
    }
}
