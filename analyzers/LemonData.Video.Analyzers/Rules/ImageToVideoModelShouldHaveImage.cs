using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers;

/// <summary>
/// LDV0004: an image-to-video-only model has neither <c>ImageUrl</c> nor <c>Image</c>, reported on the model.
/// Absence counts only where the analyzer sees the request's whole life: an initializer stored for later may
/// get its image afterwards.
/// </summary>
internal sealed class ImageToVideoModelShouldHaveImage : RequestRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.LDV0004_ImageRequired;

    public override ImmutableArray<RequestProperty> Properties { get; } = ImmutableArray.Create(RequestProperty.Model);

    public override void Analyze(ref WriteContext context)
    {
        var write = context.Write;
        if (!write.IsKnownSet
            || context.GetRequestDecidedHere() is not { } request
            || !context.TryGetCheckedModel(request, out var model, out var info)
            || request.IsSet(RequestProperty.ImageUrl) != false
            || request.IsSet(RequestProperty.Image) != false)
        {
            return;
        }

        context.Report(Descriptor, write.AssignmentSyntax, VideoRequestRules.CheckImageRequired(model, info, hasImageUrl: false, hasImage: false));
    }
}
