using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LemonData.Video.Analyzers.CodeFixes;

/// <summary>LDV0006, LDV0007, LDV0008: replaces an out-of-range numeric literal with the nearest bound of its range.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClampToNearestBoundFix)), Shared]
public sealed class ClampToNearestBoundFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, the same for every diagnostic so that Fix All clamps each value to its own bound.</summary>
    public const string EquivalenceKey = "LDV0006-8.ClampToNearestBound";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        Descriptors.LDV0006_FpsOutOfRange.Id,
        Descriptors.LDV0007_CfgScaleOutOfRange.Id,
        Descriptors.LDV0008_MotionStrengthOutOfRange.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (FixAllKeyForAnotherRule.Answered(context, FixableDiagnosticIds, "Use the nearest value in range", EquivalenceKey))
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
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.NearestBound, out var bound) || bound is null)
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (!FixSyntax.TryGetNumericLiteral(node, out var literal))
            {
                // A constant shared with other code is reported, not rewritten.
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use " + bound + ", the nearest value in range",
                    _ =>
                    {
                        var replacement = FixSyntax.NumericLiteralLike(literal, bound).WithTriviaFrom(node);
                        return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(node, replacement)));
                    },
                    EquivalenceKey),
                diagnostic);
        }
    }
}
