using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers;

/// <summary>LDV0005: both <c>Image</c> and <c>ImageUrl</c> are set; reported on <c>Image</c>.</summary>
internal sealed class ImageAndImageUrlShouldNotBothBeSet : RequestRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.LDV0005_ConflictingImageSources;

    public override ImmutableArray<RequestProperty> Properties { get; } = ImmutableArray.Create(RequestProperty.Image);

    public override void Analyze(ref WriteContext context)
    {
        var write = context.Write;

        // The model matters although the rule does not name it: the client skips the rule for a model it does not know.
        if (!write.IsKnownSet
            || context.GetRequestDecidedHere() is not { } request
            || !context.TryGetCheckedModel(request, out _, out _)
            || request.IsSet(RequestProperty.ImageUrl) != true)
        {
            return;
        }

        context.Report(Descriptor, write.AssignmentSyntax, VideoRequestRules.CheckSingleImageSource(hasImageUrl: true, hasImage: true));
    }
}
