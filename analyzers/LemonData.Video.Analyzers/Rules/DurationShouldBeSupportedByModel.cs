using System.Collections.Immutable;
using System.Globalization;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers;

/// <summary>
/// LDV0009: <c>Duration</c> is one the model cannot make. A value outside the API's range is wrong for every model and
/// is reported wherever it is assigned (naming the model when the analyzer sees it); a value inside that range is wrong
/// only for a model whose lengths are known (a fixed-length model of the snapshot, or the <c>durations</c> of its entry in
/// <c>lemondata-models.json</c>), so it is reported only where the analyzer sees the request whole.
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
                ReportForModel(ref context, model, duration);
            }

            return;
        }

        if (context.GetRequest() is { } whole && whole.TryGetModel(out var knownModel))
        {
            ReportForModel(ref context, knownModel, duration);
            return;
        }

        context.Report(Descriptor, write.ValueSyntax, VideoRequestRules.CheckDurationRange(duration));
    }

    private void ReportForModel(ref WriteContext context, string? model, int duration)
    {
        var info = Describe(in context, model);
        if (VideoRequestRules.CheckDuration(model, info, duration) is { } violation)
        {
            context.Report(Descriptor, context.Write.ValueSyntax, violation, OfferedDuration(info, duration));
        }
    }

    // A fixed length is a fact of the model, so one declared in lemondata_video.extra_models counts even without capabilities.
    private static VideoModelInfo? Describe(in WriteContext context, string? model) =>
        context.TryGetModelInfo(model, out var info) ? info : null;

    // For a violation only: the length the message proposes, in the order the shared rule reads the model (its durations,
    // else its one length); none for the API's range alone, which names no length.
    private static ImmutableDictionary<string, string?>? OfferedDuration(VideoModelInfo? info, int duration)
    {
        int? offered = info?.Durations is { Count: > 0 } durations
            ? OfferedValues.Nearest(durations, duration)
            : info?.FixedDurationSeconds;
        return offered is int seconds
            ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.OfferedValue, seconds.ToString(CultureInfo.InvariantCulture))
            : null;
    }
}
