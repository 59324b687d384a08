using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LemonData.Video.Analyzers;

/// <summary>LDV0005: both <c>Image</c> and <c>ImageUrl</c> are set; reported on <c>Image</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ImageAndImageUrlShouldNotBothBeSet : VideoRequestAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LDV0005_ConflictingImageSources);

    private protected override void AnalyzeWrite(in WriteContext context)
    {
        var write = context.Write;

        // The model matters although the rule does not name it: the client skips the rule for a model it does not know.
        if (write.Property != RequestProperty.Image
            || !write.IsKnownSet
            || context.GetRequestDecidedHere() is not { } request
            || !WriteContext.TryGetCheckedModel(request, out _)
            || request.IsSet(RequestProperty.ImageUrl) != true)
        {
            return;
        }

        context.Report(Descriptors.LDV0005_ConflictingImageSources, write.AssignmentSyntax, VideoRequestRules.CheckSingleImageSource(hasImageUrl: true, hasImage: true));
    }
}
