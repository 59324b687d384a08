using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LemonData.Video.Analyzers;

/// <summary>LDV0003: <c>StartImage</c> or <c>EndImage</c> is set on a model without keyframe support.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KeyframesShouldBeOnKeyframeModel : PropertyNeedsModelCapability
{
    private protected override DiagnosticDescriptor Descriptor => Descriptors.LDV0003_KeyframesNotSupported;

    private protected override RequestProperty FirstProperty => RequestProperty.StartImage;

    private protected override RequestProperty SecondProperty => RequestProperty.EndImage;

    private protected override VideoCapabilities RequiredCapability => VideoCapabilities.Keyframes;

    private protected override VideoRuleViolation? Check(string? model, string property) =>
        VideoRequestRules.CheckKeyframes(model, property);
}
