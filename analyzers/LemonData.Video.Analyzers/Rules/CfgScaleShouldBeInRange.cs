using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LemonData.Video.Analyzers;

/// <summary>LDV0007: <c>CfgScale</c> is a constant outside 0-20.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CfgScaleShouldBeInRange : VideoRequestAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LDV0007_CfgScaleOutOfRange);

    private protected override void AnalyzeWrite(in WriteContext context)
    {
        var write = context.Write;
        if (write.Property == RequestProperty.CfgScale && write.Constant is double cfgScale)
        {
            context.Report(
                Descriptors.LDV0007_CfgScaleOutOfRange,
                write.ValueSyntax,
                VideoRequestRules.CheckCfgScale(cfgScale),
                RangeBounds.NearestBoundProperties(cfgScale, VideoLimits.MinCfgScale, VideoLimits.MaxCfgScale));
        }
    }
}
