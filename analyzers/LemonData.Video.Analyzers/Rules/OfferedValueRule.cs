using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers;

/// <summary>
/// A string property whose value must be one the model's contract offers (LDV0013 <c>Resolution</c>, LDV0014
/// <c>AspectRatio</c>). A combination of the value with the model, so it fires only where the analyzer sees the whole
/// request, on the write that decides the value; and only for a model whose list is known (a catalog file's entry).
/// </summary>
internal abstract class OfferedValueRule : RequestRule
{
    /// <summary>The shared rule for <paramref name="value"/> on the model (null: unset, the default), which <paramref name="info"/> describes.</summary>
    private protected abstract VideoRuleViolation? Check(string? model, VideoModelInfo info, string value);

    /// <summary>The offered value nearest to <paramref name="value"/>, as the message proposes it.</summary>
    private protected abstract string? Nearest(VideoModelInfo info, string value);

    public sealed override void Analyze(ref WriteContext context)
    {
        var write = context.Write;
        if (write.StringValue is not string value
            || !context.ModelMayHaveContract()
            || context.GetRequestDecidedHere() is not { } request
            || !context.TryGetModelWithInfo(request, out var model, out var info)
            || Check(model, info, value) is not { } violation)
        {
            return;
        }

        var nearest = Nearest(info, value);
        var properties = nearest is null ? null : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.OfferedValue, nearest);
        context.Report(Descriptor, write.ValueSyntax, violation, properties);
    }
}
