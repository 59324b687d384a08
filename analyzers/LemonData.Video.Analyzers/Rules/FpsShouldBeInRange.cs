using System.Collections.Immutable;
using System.Globalization;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers;

/// <summary>LDV0006: <c>Fps</c> is a constant outside <see cref="VideoLimits.MinFps"/>-<see cref="VideoLimits.MaxFps"/>.</summary>
internal sealed class FpsShouldBeInRange : RequestRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.LDV0006_FpsOutOfRange;

    public override ImmutableArray<RequestProperty> Properties { get; } = ImmutableArray.Create(RequestProperty.Fps);

    public override void Analyze(ref WriteContext context)
    {
        var write = context.Write;
        if (write.Constant is not int fps || VideoRequestRules.CheckFps(fps) is not { } violation)
        {
            return;
        }

        // Built only for a violation: a valid value, the common case, allocates nothing.
        var bound = fps < VideoLimits.MinFps ? VideoLimits.MinFps : VideoLimits.MaxFps;
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.NearestBound, bound.ToString(CultureInfo.InvariantCulture));
        context.Report(Descriptor, write.ValueSyntax, violation, properties);
    }
}
