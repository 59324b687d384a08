using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LemonData.Video.Analyzers;

/// <summary>LDV0002: <c>ImageUrl</c> or <c>Image</c> is set on a model that takes text only (an unset model is <c>sora-2</c>).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ImageShouldNotBeSetOnTextOnlyModel : PropertyNeedsModelCapability
{
    private protected override DiagnosticDescriptor Descriptor => Descriptors.LDV0002_ImageOnTextOnlyModel;

    private protected override RequestProperty FirstProperty => RequestProperty.ImageUrl;

    private protected override RequestProperty SecondProperty => RequestProperty.Image;

    private protected override VideoCapabilities RequiredCapability => VideoCapabilities.ImageToVideo;

    private protected override VideoRuleViolation? Check(string? model, string property) =>
        VideoRequestRules.CheckImageOnTextOnlyModel(model, property);
}
