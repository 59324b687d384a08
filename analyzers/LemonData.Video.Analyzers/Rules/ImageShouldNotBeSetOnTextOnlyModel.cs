using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers;

/// <summary>LDV0002: <c>ImageUrl</c> or <c>Image</c> is set on a model that takes text only (an unset model is <c>sora-2</c>).</summary>
internal sealed class ImageShouldNotBeSetOnTextOnlyModel : PropertyNeedsModelCapability
{
    public override DiagnosticDescriptor Descriptor => Descriptors.LDV0002_ImageOnTextOnlyModel;

    public override ImmutableArray<RequestProperty> Properties { get; } = ImmutableArray.Create(RequestProperty.ImageUrl, RequestProperty.Image);

    private protected override VideoCapabilities RequiredCapability => VideoCapabilities.ImageToVideo;

    private protected override VideoRuleViolation? Check(string? model, VideoModelInfo info, string property) =>
        VideoRequestRules.CheckImageOnTextOnlyModel(model, info, property);
}
