using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LemonData.Video.Analyzers.CodeFixes;

/// <summary>
/// A fix that writes the value the analyzer proposes (a diagnostic property) in place of the literal the user wrote:
/// the suggested model id, the offered duration, resolution or aspect ratio. A constant shared with other code is
/// reported, never rewritten: only a literal is replaced. One equivalence key per fix, so that Fix All applies each
/// diagnostic's own value.
/// </summary>
/// <remarks>Public only because the fixes that derive from it are (MEF exports them); nothing outside can derive from it.</remarks>
public abstract class LiteralReplacementFix : CodeFixProvider
{
    private protected LiteralReplacementFix()
    {
    }

    /// <summary>The diagnostic property that carries the proposed value.</summary>
    private protected abstract string ValueProperty { get; }

    /// <summary>The equivalence key of the fix.</summary>
    private protected abstract string Key { get; }

    /// <summary>The fix's title without a value, for a host that asks about another rule's diagnostic (<see cref="FixAllKeyForAnotherRule"/>).</summary>
    private protected abstract string GenericTitle { get; }

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (FixAllKeyForAnotherRule.Answered(context, FixableDiagnosticIds, GenericTitle, Key))
        {
            return;
        }

        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ValueProperty, out var value) || value is null)
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (Replacement(diagnostic, node, value) is not { } replacement)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title(diagnostic, value),
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(node, replacement.WithTriviaFrom(node)))),
                    Key),
                diagnostic);
        }
    }

    /// <summary>The literal to write for <paramref name="value"/> at <paramref name="node"/>, or null when <paramref name="node"/> is not a literal this fix rewrites.</summary>
    private protected abstract ExpressionSyntax? Replacement(Diagnostic diagnostic, SyntaxNode node, string value);

    /// <summary>What the editor shows for the fix.</summary>
    private protected abstract string Title(Diagnostic diagnostic, string value);
}
