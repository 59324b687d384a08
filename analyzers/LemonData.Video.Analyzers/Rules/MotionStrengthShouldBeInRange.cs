using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LemonData.Video.Analyzers;

/// <summary>LDV0008: <c>MotionStrength</c> is a constant outside 0-1.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MotionStrengthShouldBeInRange : VideoRequestAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LDV0008_MotionStrengthOutOfRange);

    private protected override void AnalyzeWrite(in WriteContext context)
    {
        var write = context.Write;
        if (write.Property == RequestProperty.MotionStrength && write.Constant is double motionStrength)
        {
            context.Report(
                Descriptors.LDV0008_MotionStrengthOutOfRange,
                write.ValueSyntax,
                VideoRequestRules.CheckMotionStrength(motionStrength),
                RangeBounds.NearestBoundProperties(motionStrength, VideoLimits.MinMotionStrength, VideoLimits.MaxMotionStrength));
        }
    }
}
