using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LemonData.Video.Analyzers.CodeFixes;

/// <summary>
/// LDV0009, LDV0013, LDV0014: replaces the literal with the value of the model's contract nearest to it, the one the message
/// proposes (the analyzer hands it over as <see cref="DiagnosticProperties.OfferedValue"/>): a duration the model makes,
/// a resolution or an aspect ratio it offers.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseOfferedValueFix)), Shared]
public sealed class UseOfferedValueFix : LiteralReplacementFix
{
    /// <summary>The equivalence key of the fix, the same for every diagnostic so that Fix All applies each one's own value.</summary>
    public const string EquivalenceKey = "LDV0009-14.UseOfferedValue";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        Descriptors.LDV0009_UnsupportedDuration.Id,
        Descriptors.LDV0013_UnsupportedResolution.Id,
        Descriptors.LDV0014_UnsupportedAspectRatio.Id);

    private protected override string ValueProperty => DiagnosticProperties.OfferedValue;

    private protected override string Key => EquivalenceKey;

    private protected override string GenericTitle => "Use a value the model offers";

    private protected override ExpressionSyntax? Replacement(Diagnostic diagnostic, SyntaxNode node, string value)
    {
        if (!IsDuration(diagnostic))
        {
            return FixSyntax.IsStringLiteral(node) ? SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value)) : null;
        }

        // A duration is an int: only an integer literal the user wrote is rewritten, never a shared constant.
        return FixSyntax.TryGetNumericLiteral(node, out _) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(seconds))
            : null;
    }

    private protected override string Title(Diagnostic diagnostic, string value) =>
        IsDuration(diagnostic) ? "Use " + value + " seconds, a duration the model makes" : "Use '" + value + "', which the model offers";

    private static bool IsDuration(Diagnostic diagnostic) => diagnostic.Id == Descriptors.LDV0009_UnsupportedDuration.Id;
}
