using System.Collections.Generic;

namespace LemonData.Video;

/// <summary>
/// The properties set on a request beyond those <see cref="VideoRequestValues"/> carries by value, by C# name: what
/// LDV0015 checks against a model's <c>supported_parameters</c>. A test sets each property of the generated request in
/// turn, so a property added to the document and forgotten here fails the build's tests.
/// </summary>
internal static class VideoRequestOtherProperties
{
    public static List<string>? Of(VideoGenerationRequest request)
    {
        List<string>? names = null;
        Add(ref names, request.NegativePrompt is not null, nameof(VideoGenerationRequest.NegativePrompt));
        Add(ref names, request.Seed is not null, nameof(VideoGenerationRequest.Seed));
        Add(ref names, request.User is not null, nameof(VideoGenerationRequest.User));
        Add(ref names, request.Operation is not null, nameof(VideoGenerationRequest.Operation));
        Add(ref names, request.ReferenceImages is not null, nameof(VideoGenerationRequest.ReferenceImages));
        Add(ref names, request.ReferenceImageType is not null, nameof(VideoGenerationRequest.ReferenceImageType));
        Add(ref names, request.VideoUrl is not null, nameof(VideoGenerationRequest.VideoUrl));
        Add(ref names, request.AudioUrl is not null, nameof(VideoGenerationRequest.AudioUrl));
        Add(ref names, request.OutputAudio is not null, nameof(VideoGenerationRequest.OutputAudio));
        Add(ref names, request.TaskId is not null, nameof(VideoGenerationRequest.TaskId));
        Add(ref names, request.ExtendAt is not null, nameof(VideoGenerationRequest.ExtendAt));
        Add(ref names, request.Watermark is not null, nameof(VideoGenerationRequest.Watermark));
        return names;
    }

    private static void Add(ref List<string>? names, bool isSet, string name)
    {
        if (isSet)
        {
            (names ??= new List<string>()).Add(name);
        }
    }
}
