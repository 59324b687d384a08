using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LemonData.Video.Analyzers;

/// <summary>LDV0001: <c>Model</c> is a constant that is not an id of the catalog.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelShouldBeInCatalog : VideoRequestAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LDV0001_UnknownModel);

    private protected override void AnalyzeWrite(in WriteContext context)
    {
        var write = context.Write;
        if (write.Property != RequestProperty.Model || write.StringValue is not string model)
        {
            return;
        }

        var violation = VideoRequestRules.CheckModel(model);
        if (violation is null)
        {
            return;
        }

        // For an empty id the rule suggests leaving Model unset, not the nearest id: there is nothing to replace it with.
        var properties = model.Trim().Length == 0
            ? null
            : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.SuggestedModel, ModelIdSuggestions.FindClosest(model));
        context.Report(Descriptors.LDV0001_UnknownModel, write.ValueSyntax, violation, properties);
    }
}
