using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LemonData.Video.Analyzers;

/// <summary>
/// LDV0011: <c>Prompt</c> is a constant that is empty or white space. A prompt that is never set is left to the
/// client's validation: the analyzer reports what the user wrote, not what they left out.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PromptShouldNotBeEmpty : VideoRequestAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LDV0011_EmptyPrompt);

    private protected override void AnalyzeWrite(in WriteContext context)
    {
        var write = context.Write;
        if (write.Property == RequestProperty.Prompt && write.StringValue is string prompt)
        {
            context.Report(Descriptors.LDV0011_EmptyPrompt, write.ValueSyntax, VideoRequestRules.CheckPrompt(prompt));
        }
    }
}
