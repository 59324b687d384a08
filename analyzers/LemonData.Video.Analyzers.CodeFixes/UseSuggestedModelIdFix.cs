using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace LemonData.Video.Analyzers.CodeFixes;

/// <summary>LDV0001: replaces an unknown model id literal with the closest id of the catalog.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseSuggestedModelIdFix)), Shared]
public sealed class UseSuggestedModelIdFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, the same for every diagnostic so that Fix All applies each one's own suggestion.</summary>
    public const string EquivalenceKey = "LDV0001.UseSuggestedModelId";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.LDV0001_UnknownModel.Id);

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
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.SuggestedModel, out var suggested) || suggested is null)
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (!FixSyntax.IsStringLiteral(node))
            {
                // A constant shared with other code is reported, not rewritten.
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use model '" + suggested + "'",
                    _ =>
                    {
                        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggested))
                            .WithTriviaFrom(node);
                        return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(node, literal)));
                    },
                    EquivalenceKey),
                diagnostic);
        }
    }
}
