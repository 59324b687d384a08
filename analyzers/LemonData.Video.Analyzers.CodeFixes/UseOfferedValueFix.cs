using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
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
public sealed class UseOfferedValueFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, the same for every diagnostic so that Fix All applies each one's own value.</summary>
    public const string EquivalenceKey = "LDV0009-14.UseOfferedValue";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        Descriptors.LDV0009_UnsupportedDuration.Id,
        Descriptors.LDV0013_UnsupportedResolution.Id,
        Descriptors.LDV0014_UnsupportedAspectRatio.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.OfferedValue, out var offered) || offered is null)
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            ExpressionSyntax replacement;
            if (diagnostic.Id == Descriptors.LDV0009_UnsupportedDuration.Id)
            {
                // A duration is an int: only an integer literal the user wrote is rewritten, never a shared constant.
                if (!FixSyntax.TryGetNumericLiteral(node, out _)
                    || !int.TryParse(offered, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                {
                    continue;
                }

                replacement = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(seconds));
            }
            else
            {
                if (!FixSyntax.IsStringLiteral(node))
                {
                    continue;
                }

                replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(offered));
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    diagnostic.Id == Descriptors.LDV0009_UnsupportedDuration.Id ? "Use " + offered + " seconds, a duration the model makes" : "Use '" + offered + "', which the model offers",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(node, replacement.WithTriviaFrom(node)))),
                    EquivalenceKey),
                diagnostic);
        }
    }
}
