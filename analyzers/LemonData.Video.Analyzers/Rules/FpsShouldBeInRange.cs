using System.Collections.Immutable;
using System.Globalization;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LemonData.Video.Analyzers;

/// <summary>LDV0006: <c>Fps</c> is a constant outside 1-120.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FpsShouldBeInRange : VideoRequestAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LDV0006_FpsOutOfRange);

    private protected override void AnalyzeWrite(in WriteContext context)
    {
        var write = context.Write;
        if (write.Property != RequestProperty.Fps || write.Constant is not int fps)
        {
            return;
        }

        var bound = fps < VideoLimits.MinFps ? VideoLimits.MinFps : VideoLimits.MaxFps;
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.NearestBound, bound.ToString(CultureInfo.InvariantCulture));
        context.Report(Descriptors.LDV0006_FpsOutOfRange, write.ValueSyntax, VideoRequestRules.CheckFps(fps), properties);
    }
}
