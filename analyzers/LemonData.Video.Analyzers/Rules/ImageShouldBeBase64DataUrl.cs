using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LemonData.Video.Analyzers;

/// <summary>LDV0010: <c>Image</c> is a constant that is not a base64 image data URL.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ImageShouldBeBase64DataUrl : VideoRequestAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LDV0010_InvalidImageDataUrl);

    private protected override void AnalyzeWrite(in WriteContext context)
    {
        var write = context.Write;
        if (write.Property == RequestProperty.Image && write.StringValue is string image)
        {
            context.Report(Descriptors.LDV0010_InvalidImageDataUrl, write.ValueSyntax, VideoRequestRules.CheckImageDataUrl(image));
        }
    }
}
