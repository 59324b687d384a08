using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LemonData.Video.Analyzers;

/// <summary>
/// LDV0009: <c>Duration</c> is one the model cannot make. A value outside the API's 1-60 seconds is wrong for every
/// model and is reported wherever it is assigned (naming the model when the analyzer sees it); a value inside that
/// range is wrong only for a fixed-length model, so it is reported only where the analyzer sees the request whole.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DurationShouldBeSupportedByModel : VideoRequestAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LDV0009_UnsupportedDuration);

    private protected override void AnalyzeWrite(in WriteContext context)
    {
        var write = context.Write;
        if (write.Property != RequestProperty.Duration || write.Constant is not int duration)
        {
            return;
        }

        if (duration >= VideoLimits.MinDurationSeconds && duration <= VideoLimits.MaxDurationSeconds)
        {
            if (context.GetRequestDecidedHere() is { } request && request.TryGetModel(out var model))
            {
                context.Report(Descriptors.LDV0009_UnsupportedDuration, write.ValueSyntax, VideoRequestRules.CheckDuration(model, duration));
            }

            return;
        }

        var violation = context.GetRequest() is { } whole && whole.TryGetModel(out var knownModel)
            ? VideoRequestRules.CheckDuration(knownModel, duration)
            : VideoRequestRules.CheckDurationRange(duration);
        context.Report(Descriptors.LDV0009_UnsupportedDuration, write.ValueSyntax, violation);
    }
}
