using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers;

/// <summary>
/// LDV0011: <c>Prompt</c> is a constant that is empty or white space. A prompt that is never set is left to the
/// client's validation: the analyzer reports what the user wrote, not what they left out.
/// </summary>
internal sealed class PromptShouldNotBeEmpty : RequestRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.LDV0011_EmptyPrompt;

    public override ImmutableArray<RequestProperty> Properties { get; } = ImmutableArray.Create(RequestProperty.Prompt);

    public override void Analyze(ref WriteContext context)
    {
        var write = context.Write;
        if (write.StringValue is string prompt)
        {
            context.Report(Descriptor, write.ValueSyntax, VideoRequestRules.CheckPrompt(prompt));
        }
    }
}
