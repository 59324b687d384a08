using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers;

/// <summary>
/// A pair of request properties that only a model with one capability takes (LDV0002: a start image needs
/// image-to-video; LDV0003: keyframes need keyframe support). The rules differ only in these data; the
/// reading of the request and the fix's replacement model are shared here.
/// </summary>
public abstract class PropertyNeedsModelCapability : VideoRequestAnalyzer
{
    private protected PropertyNeedsModelCapability()
    {
    }

    /// <inheritdoc />
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

    private protected abstract DiagnosticDescriptor Descriptor { get; }

    private protected abstract RequestProperty FirstProperty { get; }

    private protected abstract RequestProperty SecondProperty { get; }

    /// <summary>The capability a replacement model must have, for the switch-model fix.</summary>
    private protected abstract VideoCapabilities RequiredCapability { get; }

    /// <summary>The shared rule for one property on the model (null: unset, the default model).</summary>
    private protected abstract VideoRuleViolation? Check(string? model, string property);

    private protected sealed override void AnalyzeWrite(in WriteContext context)
    {
        var write = context.Write;
        if ((write.Property != FirstProperty && write.Property != SecondProperty)
            || !write.IsKnownSet
            || context.GetRequestDecidedHere() is not { } request
            || !WriteContext.TryGetCheckedModel(request, out var model))
        {
            return;
        }

        context.Report(
            Descriptor,
            write.AssignmentSyntax,
            Check(model, write.Property.ToString()),
            ModelReplacement.Properties(request, write, RequiredCapability));
    }
}
