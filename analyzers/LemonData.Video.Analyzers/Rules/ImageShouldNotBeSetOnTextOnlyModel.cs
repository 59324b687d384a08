using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LemonData.Video.Analyzers;

/// <summary>LDV0002: <c>ImageUrl</c> or <c>Image</c> is set on a model that takes text only (an unset model is <c>sora-2</c>).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ImageShouldNotBeSetOnTextOnlyModel : VideoRequestAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LDV0002_ImageOnTextOnlyModel);

    private protected override void AnalyzeWrite(in WriteContext context)
    {
        var write = context.Write;
        if ((write.Property != RequestProperty.ImageUrl && write.Property != RequestProperty.Image)
            || !write.IsKnownSet
            || context.GetRequestDecidedHere() is not { } request
            || !WriteContext.TryGetCheckedModel(request, out var model))
        {
            return;
        }

        context.Report(
            Descriptors.LDV0002_ImageOnTextOnlyModel,
            write.AssignmentSyntax,
            VideoRequestRules.CheckImageOnTextOnlyModel(model, write.Property.ToString()),
            ModelReplacement.Properties(request, write, VideoCapabilities.ImageToVideo));
    }
}
