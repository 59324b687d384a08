using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers;

/// <summary>LDV0008: <c>MotionStrength</c> is a constant outside <see cref="VideoLimits.MinMotionStrength"/>-<see cref="VideoLimits.MaxMotionStrength"/>.</summary>
internal sealed class MotionStrengthShouldBeInRange : RequestRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.LDV0008_MotionStrengthOutOfRange;

    public override ImmutableArray<RequestProperty> Properties { get; } = ImmutableArray.Create(RequestProperty.MotionStrength);

    public override void Analyze(ref WriteContext context)
    {
        var write = context.Write;
        if (write.Constant is double motionStrength)
        {
            context.Report(
                Descriptor,
                write.ValueSyntax,
                VideoRequestRules.CheckMotionStrength(motionStrength),
                RangeBounds.NearestBoundProperties(motionStrength, VideoLimits.MinMotionStrength, VideoLimits.MaxMotionStrength));
        }
    }
}
