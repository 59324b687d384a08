using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LemonData.Video.Analyzers;

/// <summary>LDV0003: <c>StartImage</c> or <c>EndImage</c> is set on a model without keyframe support.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KeyframesShouldBeOnKeyframeModel : VideoRequestAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LDV0003_KeyframesNotSupported);

    private protected override void AnalyzeWrite(in WriteContext context)
    {
        var write = context.Write;
        if ((write.Property != RequestProperty.StartImage && write.Property != RequestProperty.EndImage)
            || !write.IsKnownSet
            || context.GetRequestDecidedHere() is not { } request
            || !WriteContext.TryGetCheckedModel(request, out var model))
        {
            return;
        }

        context.Report(
            Descriptors.LDV0003_KeyframesNotSupported,
            write.AssignmentSyntax,
            VideoRequestRules.CheckKeyframes(model, write.Property.ToString()),
            ModelReplacement.Properties(request, write, VideoCapabilities.Keyframes));
    }
}
