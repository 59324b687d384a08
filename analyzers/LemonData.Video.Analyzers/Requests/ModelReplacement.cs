using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LemonData.Video.Analyzers.Requests;

/// <summary>The model a "switch the model" fix offers, chosen by the shared catalog code.</summary>
internal static class ModelReplacement
{
    /// <summary>
    /// <see cref="DiagnosticProperties.ReplacementModel"/>: the catalog model closest to the request's own that has
    /// <paramref name="required"/> (its own family first), offered only when the request's model is a string literal
    /// in the same object initializer as <paramref name="write"/>; a fix rewrites nothing else.
    /// </summary>
    public static ImmutableDictionary<string, string?>? Properties(RequestView view, PropertyWrite write, VideoCapabilities required, VideoModelCatalog catalog)
    {
        var modelWrite = view[RequestProperty.Model];
        if (modelWrite?.StringValue is not string model
            || !modelWrite.ValueSyntax.IsKind(SyntaxKind.StringLiteralExpression)
            || modelWrite.IsDeconstructionElement
            || modelWrite.AssignmentSyntax.Parent is not InitializerExpressionSyntax initializer
            || write.AssignmentSyntax.Parent != initializer
            || !catalog.TryGetModel(model, out var info))
        {
            return null;
        }

        // The candidates are the snapshot's, as the message lists them; one that lemondata-models.json describes must
        // still have the capability there, or the fix would only trade this diagnostic for the same one.
        var replacement = ModelIdSuggestions.FindClosest(model, required, info.Family)
            ?? ModelIdSuggestions.FindClosest(model, required, family: null);
        return replacement is null || replacement == model || !catalog.TryGetModel(replacement, out var replacementInfo) || !replacementInfo.Supports(required)
            ? null
            : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.ReplacementModel, replacement);
    }
}
