using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace LemonData.Video.Analyzers.CodeFixes;

/// <summary>
/// LDV0002, LDV0003: removes the image property the model does not take; LDV0015: removes the property the model does not
/// read. As an initializer member or as an assignment statement, and only when the value has no effect of its own (a call,
/// an assignment, an await) that removing it would lose.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemovePropertyFix)), Shared]
public sealed class RemovePropertyFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix for LDV0002 and LDV0003.</summary>
    public const string EquivalenceKey = "LDV0002-3.RemoveProperty";

    /// <summary>The equivalence key of the fix for LDV0015: Fix All removes what the model does not read, not the images LDV0002 reports.</summary>
    public const string UnsupportedParameterEquivalenceKey = "LDV0015.RemoveProperty";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        Descriptors.LDV0002_ImageOnTextOnlyModel.Id,
        Descriptors.LDV0003_KeyframesNotSupported.Id,
        Descriptors.LDV0015_UnsupportedParameter.Id);

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
            var assignment = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                .FirstAncestorOrSelf<AssignmentExpressionSyntax>();
            if (assignment is null || PropertyName(assignment) is not string property || HasEffects(assignment.Right))
            {
                continue;
            }

            Func<CancellationToken, Task<Document>>? remove = assignment.Parent switch
            {
                InitializerExpressionSyntax initializer => _ => Task.FromResult(
                    context.Document.WithSyntaxRoot(root.ReplaceNode(initializer, WithoutMember(initializer, assignment)))),
                ExpressionStatementSyntax statement => cancellationToken => RemoveStatementAsync(context.Document, statement, cancellationToken),
                _ => null,
            };
            if (remove is null)
            {
                continue;
            }

            var key = diagnostic.Id == Descriptors.LDV0015_UnsupportedParameter.Id ? UnsupportedParameterEquivalenceKey : EquivalenceKey;
            context.RegisterCodeFix(CodeAction.Create("Remove " + property, remove, key), diagnostic);
        }
    }

    private static bool HasEffects(ExpressionSyntax value)
    {
        foreach (var node in value.DescendantNodesAndSelf())
        {
            if (node is InvocationExpressionSyntax or AssignmentExpressionSyntax or AwaitExpressionSyntax
                || node.IsKind(SyntaxKind.PreIncrementExpression) || node.IsKind(SyntaxKind.PreDecrementExpression)
                || node.IsKind(SyntaxKind.PostIncrementExpression) || node.IsKind(SyntaxKind.PostDecrementExpression))
            {
                return true;
            }
        }

        return false;
    }

    private static string? PropertyName(AssignmentExpressionSyntax assignment) =>
        assignment.Left switch
        {
            IdentifierNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };

    private static async Task<Document> RemoveStatementAsync(Document document, StatementSyntax statement, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives);
        return editor.GetChangedDocument();
    }

    // Removes the member with the comma after it; the last member without one takes the comma before it instead,
    // and hands its trailing trivia (the space or line break before the closing brace) to the member before it.
    private static InitializerExpressionSyntax WithoutMember(InitializerExpressionSyntax initializer, ExpressionSyntax member)
    {
        var items = new List<SyntaxNodeOrToken>(initializer.Expressions.GetWithSeparators());
        var position = items.IndexOf(member);
        if (position + 1 < items.Count)
        {
            items.RemoveRange(position, 2);
        }
        else if (position >= 2)
        {
            items[position - 2] = items[position - 2].WithTrailingTrivia(member.GetTrailingTrivia());
            items.RemoveRange(position - 1, 2);
        }
        else
        {
            items.RemoveAt(position);
        }

        return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(new SyntaxNodeOrTokenList(items)));
    }
}
