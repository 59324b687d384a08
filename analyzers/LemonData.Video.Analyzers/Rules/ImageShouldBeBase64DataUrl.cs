using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers;

/// <summary>LDV0010: <c>Image</c> is a constant that is not a base64 image data URL.</summary>
internal sealed class ImageShouldBeBase64DataUrl : RequestRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.LDV0010_InvalidImageDataUrl;

    public override ImmutableArray<RequestProperty> Properties { get; } = ImmutableArray.Create(RequestProperty.Image);

    public override void Analyze(ref WriteContext context)
    {
        var write = context.Write;
        if (write.StringValue is string image)
        {
            context.Report(Descriptor, write.ValueSyntax, VideoRequestRules.CheckImageDataUrl(image));
        }
    }
}
