using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LemonData.Video.Analyzers.Requests;

/// <summary>What an assignment writes, read from the syntax alone, before anything is asked of the semantic model.</summary>
internal static class AssignedMember
{
    /// <summary>
    /// The name of the member <paramref name="left"/> assigns (<c>Fps</c> in <c>Fps = 121</c>, <c>request.Fps = 121</c>,
    /// <c>(request).Fps = 121</c>, <c>request?.Fps = 121</c>), or null when it is not a member by name (an element, a tuple, ...).
    /// A property reference is always written with its own name, so a name no rule property has rules the assignment out.
    /// </summary>
    public static string? NameOf(ExpressionSyntax left)
    {
        while (left is ParenthesizedExpressionSyntax parenthesized)
        {
            left = parenthesized.Expression;
        }

        return left switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };
    }
}
