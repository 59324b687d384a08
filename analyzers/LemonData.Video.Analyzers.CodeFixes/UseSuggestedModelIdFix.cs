using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LemonData.Video.Analyzers.CodeFixes;

/// <summary>LDV0001: replaces an unknown model id literal with the closest id of the catalog.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseSuggestedModelIdFix)), Shared]
public sealed class UseSuggestedModelIdFix : LiteralReplacementFix
{
    /// <summary>The equivalence key of the fix, the same for every diagnostic so that Fix All applies each one's own suggestion.</summary>
    public const string EquivalenceKey = "LDV0001.UseSuggestedModelId";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.LDV0001_UnknownModel.Id);

    private protected override string ValueProperty => DiagnosticProperties.SuggestedModel;

    private protected override string Key => EquivalenceKey;

    private protected override string GenericTitle => "Use the suggested model";

    private protected override ExpressionSyntax? Replacement(Diagnostic diagnostic, SyntaxNode node, string value) =>
        FixSyntax.IsStringLiteral(node) ? SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value)) : null;

    private protected override string Title(Diagnostic diagnostic, string value) => "Use model '" + value + "'";
}
