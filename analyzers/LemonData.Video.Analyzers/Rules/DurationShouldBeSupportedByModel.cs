using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers;

/// <summary>
/// LDV0009: <c>Duration</c> is one the model cannot make. A value outside the API's 1-60 seconds is wrong for every
/// model and is reported wherever it is assigned (naming the model when the analyzer sees it); a value inside that
/// range is wrong only for a fixed-length model, so it is reported only where the analyzer sees the request whole.
/// </summary>
internal sealed class DurationShouldBeSupportedByModel : RequestRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.LDV0009_UnsupportedDuration;

    public override ImmutableArray<RequestProperty> Properties { get; } = ImmutableArray.Create(RequestProperty.Duration);

    public override void Analyze(ref WriteContext context)
    {
        var write = context.Write;
        if (write.Constant is not int duration)
        {
            return;
        }

        if (duration >= VideoLimits.MinDuration && duration <= VideoLimits.MaxDuration)
        {
            if (context.GetRequestDecidedHere() is { } request && request.TryGetModel(out var model))
            {
                context.Report(Descriptor, write.ValueSyntax, VideoRequestRules.CheckDuration(model, Describe(in context, model), duration));
            }

            return;
        }

        var violation = context.GetRequest() is { } whole && whole.TryGetModel(out var knownModel)
            ? VideoRequestRules.CheckDuration(knownModel, Describe(in context, knownModel), duration)
            : VideoRequestRules.CheckDurationRange(duration);
        context.Report(Descriptor, write.ValueSyntax, violation);
    }

    // A fixed length is a fact of the model, so one declared in lemondata_video.extra_models counts even without capabilities.
    private static VideoModelInfo? Describe(in WriteContext context, string? model) =>
        context.TryGetModelInfo(model, out var info) ? info : null;
}
