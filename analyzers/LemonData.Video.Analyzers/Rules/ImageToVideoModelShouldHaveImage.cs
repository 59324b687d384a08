using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LemonData.Video.Analyzers;

/// <summary>
/// LDV0004: an image-to-video-only model has neither <c>ImageUrl</c> nor <c>Image</c>, reported on the model.
/// Absence counts only where the analyzer sees the request's whole life: an initializer stored for later may
/// get its image afterwards.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ImageToVideoModelShouldHaveImage : VideoRequestAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LDV0004_ImageRequired);

    private protected override void AnalyzeWrite(in WriteContext context)
    {
        var write = context.Write;
        if (write.Property != RequestProperty.Model
            || !write.IsKnownSet
            || context.GetRequestDecidedHere() is not { } request
            || !WriteContext.TryGetCheckedModel(request, out var model)
            || request.IsSet(RequestProperty.ImageUrl) != false
            || request.IsSet(RequestProperty.Image) != false)
        {
            return;
        }

        context.Report(Descriptors.LDV0004_ImageRequired, write.AssignmentSyntax, VideoRequestRules.CheckImageRequired(model, hasImageUrl: false, hasImage: false));
    }
}
