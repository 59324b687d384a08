using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers;

/// <summary>LDV0007: <c>CfgScale</c> is a constant outside <see cref="VideoLimits.MinCfgScale"/>-<see cref="VideoLimits.MaxCfgScale"/>.</summary>
internal sealed class CfgScaleShouldBeInRange : RequestRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.LDV0007_CfgScaleOutOfRange;

    public override ImmutableArray<RequestProperty> Properties { get; } = ImmutableArray.Create(RequestProperty.CfgScale);

    public override void Analyze(ref WriteContext context)
    {
        var write = context.Write;
        if (write.Constant is double cfgScale)
        {
            context.Report(
                Descriptor,
                write.ValueSyntax,
                VideoRequestRules.CheckCfgScale(cfgScale),
                RangeBounds.NearestBoundProperties(cfgScale, VideoLimits.MinCfgScale, VideoLimits.MaxCfgScale));
        }
    }
}
