using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LemonData.Video.Analyzers.CodeFixes;

/// <summary>
/// LDV0002, LDV0003: switches the request to a model that supports the property, when the model is a string
/// literal in the same object initializer (the analyzer then names the model in the diagnostic's properties).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwitchModelFix)), Shared]
public sealed class SwitchModelFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "LDV0002-3.SwitchModel";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        Descriptors.LDV0002_ImageOnTextOnlyModel.Id,
        Descriptors.LDV0003_KeyframesNotSupported.Id);

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
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.ReplacementModel, out var replacement) || replacement is null)
            {
                continue;
            }

            var assignment = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                .FirstAncestorOrSelf<AssignmentExpressionSyntax>();
            if (assignment?.Parent is not InitializerExpressionSyntax initializer || FindModelLiteral(initializer) is not { } model)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use model '" + replacement + "'",
                    _ =>
                    {
                        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(replacement))
                            .WithTriviaFrom(model);
                        return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(model, literal)));
                    },
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static LiteralExpressionSyntax? FindModelLiteral(InitializerExpressionSyntax initializer)
    {
        LiteralExpressionSyntax? found = null;
        foreach (var expression in initializer.Expressions)
        {
            if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Model" }, Right: var value })
            {
                found = FixSyntax.IsStringLiteral(value) ? (LiteralExpressionSyntax)value : null;
            }
        }

        return found;
    }
}
