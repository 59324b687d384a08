using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers;

/// <summary>LDV0003: <c>StartImage</c> or <c>EndImage</c> is set on a model without keyframe support.</summary>
internal sealed class KeyframesShouldBeOnKeyframeModel : PropertyNeedsModelCapability
{
    public override DiagnosticDescriptor Descriptor => Descriptors.LDV0003_KeyframesNotSupported;

    public override ImmutableArray<RequestProperty> Properties { get; } = ImmutableArray.Create(RequestProperty.StartImage, RequestProperty.EndImage);

    private protected override VideoCapabilities RequiredCapability => VideoCapabilities.Keyframes;

    private protected override VideoRuleViolation? Check(string? model, VideoModelInfo info, string property) =>
        VideoRequestRules.CheckKeyframes(model, info, property);
}
