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
/// LDV0002, LDV0003: removes the image property the model does not take, as an initializer member or as an
/// assignment statement.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemovePropertyFix)), Shared]
public sealed class RemovePropertyFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "LDV0002-3.RemoveProperty";

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
            var assignment = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                .FirstAncestorOrSelf<AssignmentExpressionSyntax>();
            if (assignment is null || PropertyName(assignment) is not string property)
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

            context.RegisterCodeFix(CodeAction.Create("Remove " + property, remove, EquivalenceKey), diagnostic);
        }
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
