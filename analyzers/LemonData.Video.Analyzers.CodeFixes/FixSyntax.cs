using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LemonData.Video.Analyzers.CodeFixes;

/// <summary>What the fixes may rewrite: only a literal the user wrote where the diagnostic is.</summary>
internal static class FixSyntax
{
    /// <summary>A string literal, <c>"sora2"</c>; not a constant, an interpolation or a concatenation.</summary>
    public static bool IsStringLiteral(SyntaxNode? node) => node.IsKind(SyntaxKind.StringLiteralExpression);

    /// <summary>A numeric literal, optionally signed: <c>200</c>, <c>-5</c>, <c>20.5</c>.</summary>
    public static bool TryGetNumericLiteral(SyntaxNode? node, out LiteralExpressionSyntax literal)
    {
        if (node is PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax operand } unary
            && (unary.IsKind(SyntaxKind.UnaryMinusExpression) || unary.IsKind(SyntaxKind.UnaryPlusExpression))
            && operand.IsKind(SyntaxKind.NumericLiteralExpression))
        {
            literal = operand;
            return true;
        }

        if (node is LiteralExpressionSyntax plain && plain.IsKind(SyntaxKind.NumericLiteralExpression))
        {
            literal = plain;
            return true;
        }

        literal = null!;
        return false;
    }

    /// <summary>
    /// A numeric literal with the value <paramref name="bound"/> (invariant text) in the style of
    /// <paramref name="original"/>: an integer stays an integer, a real keeps its suffix or gets a decimal point.
    /// </summary>
    public static LiteralExpressionSyntax NumericLiteralLike(LiteralExpressionSyntax original, string bound)
    {
        var value = double.Parse(bound, NumberStyles.Float, CultureInfo.InvariantCulture);
        var token = original.Token;
        SyntaxToken replacement;
        switch (token.Value)
        {
            case float:
                replacement = SyntaxFactory.Literal(bound + Suffix(token.Text, "f"), (float)value);
                break;
            case double:
                var suffix = Suffix(token.Text, string.Empty);
                var text = suffix.Length == 0 && bound.IndexOfAny(new[] { '.', 'E', 'e' }) < 0 ? bound + ".0" : bound + suffix;
                replacement = SyntaxFactory.Literal(text, value);
                break;
            default:
                replacement = value == (int)value
                    ? SyntaxFactory.Literal((int)value)
                    : SyntaxFactory.Literal(bound + ".0", value);
                break;
        }

        return SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, replacement);
    }

    private static string Suffix(string text, string fallback)
    {
        var last = text.Length > 0 ? text[text.Length - 1] : '\0';
        return last is 'f' or 'F' or 'd' or 'D' ? last.ToString() : fallback;
    }
}
