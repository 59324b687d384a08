using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LemonData.Video.Analyzers.Requests;

/// <summary>
/// Requests read from the syntax, for the shapes nearly all request code has: <c>new VideoGenerationRequest { ... }</c>
/// handed to the client, returned, stored in a field or in a <c>var</c> local that the following statements of its block
/// only write (<c>request.Fps = 24;</c>), read and send. Names are resolved with the binder's lookups
/// (<see cref="NameLookup"/>), so a method with requests in it is never bound for them.
/// </summary>
/// <remarks>
/// Everything else (target-typed <c>new()</c>, a cast, a branch, a value the syntax cannot fold, ...) is left to the
/// operation tree (<see cref="RequestView"/>), exactly as before: this reader answers only where its answer is the
/// operation tree's, and says <see cref="Read"/> = false otherwise. One instance per compilation; each creation is read
/// once and shared by all its assignments.
/// </remarks>
internal sealed class SyntaxRequests
{
    private readonly VideoSdk sdk;
    private readonly RequestTypeNames typeNames;
    private readonly NameResolver names;

    // Per thread, as NameResolver's caches, for the same reason: a shared dictionary's locks cost more than reading again. And
    // only the last few creations: every assignment of a creation comes right after it, a write through its local a few
    // statements later; a dictionary of every creation of the compilation cost more in growing and hashing than it saved.
    private readonly ThreadLocal<RecentCreations> creations = new(() => new());

    public SyntaxRequests(VideoSdk sdk, RequestTypeNames typeNames)
    {
        this.sdk = sdk;
        this.typeNames = typeNames;
        names = new NameResolver(typeNames.UniqueTypes);
    }

    /// <summary>
    /// Reads <paramref name="assignment"/> from its syntax. True when the syntax decides: <paramref name="write"/> is then the
    /// write of a request property (null when the assignment writes something else), and <paramref name="view"/> the whole
    /// request when the syntax shows it too (null: ask the operation tree when a rule needs it). False: use the operation tree.
    /// </summary>
    public bool Read(SemanticModel model, AssignmentExpressionSyntax assignment, CancellationToken cancellationToken, out PropertyWrite? write, out RequestView? view)
    {
        write = null;
        view = null;
        Creation? creation;
        if (assignment.Left is IdentifierNameSyntax && assignment.Parent is InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax created } initializer
            && initializer.IsKind(SyntaxKind.ObjectInitializerExpression))
        {
            creation = Get(model, created, cancellationToken);
        }
        else if (assignment.Left is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax local }
            && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
            && assignment.Parent is ExpressionStatementSyntax { Parent: BlockSyntax block } statement
            && FindDeclaration(block, statement, local.Identifier.ValueText) is { } declared)
        {
            creation = Get(model, declared, cancellationToken);
            if (creation is { IsRequest: true, View: null })
            {
                // A write after the creation that the reader did not follow: the operation tree decides what it is part of.
                return false;
            }
        }
        else
        {
            return false;
        }

        switch (creation)
        {
            case null:
                return false;
            case { IsRequest: false }:
                // Another type's property: no rule reads it.
                return true;
            default:
                write = creation.Find(assignment);
                view = creation.View;
                return write is not null;
        }
    }

    private Creation? Get(SemanticModel model, ObjectCreationExpressionSyntax created, CancellationToken cancellationToken)
    {
        var cache = creations.Value!;
        if (cache.Find(created) is { } known)
        {
            return known.IsUnreadable ? null : known;
        }

        // new Order { Model = ... }: a type by a name the request never has is set aside from its syntax alone.
        var read = typeNames.MayName(created.Type) ? Creation.Read(model, names, created, sdk, cancellationToken) : Creation.NotARequest;
        cache.Add(created, read);
        return read.IsUnreadable ? null : read;
    }

    // var request = new VideoGenerationRequest { ... }; earlier in the same block: the creation a write through the local
    // writes to. Only var: a local declared with a base type may hold a derived request, whose type the creation does not say.
    private static ObjectCreationExpressionSyntax? FindDeclaration(BlockSyntax block, StatementSyntax statement, string name)
    {
        for (var i = block.Statements.IndexOf(statement) - 1; i >= 0; i--)
        {
            if (block.Statements[i] is LocalDeclarationStatementSyntax { Declaration: var declaration })
            {
                foreach (var variable in declaration.Variables)
                {
                    if (variable.Identifier.ValueText == name)
                    {
                        return declaration.Type.IsVar ? variable.Initializer?.Value as ObjectCreationExpressionSyntax : null;
                    }
                }
            }
        }

        return null;
    }

    private sealed class RecentCreations
    {
        private const int Size = 32;
        private readonly ObjectCreationExpressionSyntax?[] nodes = new ObjectCreationExpressionSyntax?[Size];
        private readonly Creation?[] creations = new Creation?[Size];
        private int next;

        public Creation? Find(ObjectCreationExpressionSyntax node)
        {
            for (var i = 0; i < Size; i++)
            {
                if (nodes[i] == node)
                {
                    return creations[i];
                }
            }

            return null;
        }

        public void Add(ObjectCreationExpressionSyntax node, Creation creation)
        {
            nodes[next] = node;
            creations[next] = creation;
            next = (next + 1) % Size;
        }
    }

    /// <summary>One <c>new ...{ ... }</c> as the syntax shows it.</summary>
    private sealed class Creation
    {
        private static readonly Creation Unreadable = new(isRequest: false, isUnreadable: true);
        public static readonly Creation NotARequest = new(isRequest: false, isUnreadable: false);

        private readonly List<PropertyWrite> writes = new();

        private Creation(bool isRequest, bool isUnreadable)
        {
            IsRequest = isRequest;
            IsUnreadable = isUnreadable;
        }

        /// <summary>Whether it creates the SDK's request (false: another type, whose writes no rule reads).</summary>
        public bool IsRequest { get; }

        /// <summary>The syntax cannot say which type it creates: the operation tree decides everything about it.</summary>
        public bool IsUnreadable { get; }

        /// <summary>The whole request, when the syntax shows where it goes and every value in it; else null.</summary>
        public RequestView? View { get; private set; }

        public PropertyWrite? Find(AssignmentExpressionSyntax assignment)
        {
            foreach (var write in writes)
            {
                if (write.AssignmentSyntax == assignment)
                {
                    return write;
                }
            }

            return null;
        }

        public static Creation Read(SemanticModel model, NameResolver names, ObjectCreationExpressionSyntax created, VideoSdk sdk, CancellationToken cancellationToken)
        {
            var type = names.TypeOf(model, created.Type);
            if (type is null)
            {
                return Unreadable;
            }

            if (!sdk.IsRequestType(type))
            {
                // A subclass of the request has the request's properties, unless it hides one: the operation tree knows which.
                for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
                {
                    if (sdk.IsRequestType(baseType))
                    {
                        return Unreadable;
                    }
                }

                return NotARequest;
            }

            var creation = new Creation(isRequest: true, isUnreadable: false);
            var requestWrites = new RequestWrites();
            var whole = true;
            if (created.Initializer is { } initializer)
            {
                foreach (var member in initializer.Expressions)
                {
                    if (creation.TryReadWrite(model, names, member, sdk, cancellationToken) is { } write)
                    {
                        requestWrites.Record(write);
                    }
                    else
                    {
                        // A member the syntax cannot read: its own rules and the whole request are the operation tree's.
                        whole = false;
                    }
                }
            }

            if (whole && FindVisibility(model, names, created, sdk, creation, requestWrites, cancellationToken) is { } visibility)
            {
                creation.View = new RequestView(visibility, requestWrites);
            }

            return creation;
        }

        private PropertyWrite? TryReadWrite(SemanticModel model, NameResolver names, ExpressionSyntax member, VideoSdk sdk, CancellationToken cancellationToken)
        {
            if (member is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment
                || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                || !sdk.TryGetPropertyNamed(name.Identifier.ValueText, out var property))
            {
                return null;
            }

            var write = Write(model, names, assignment, property, cancellationToken);
            if (write is not null)
            {
                writes.Add(write);
            }

            return write;
        }

        private static PropertyWrite? Write(SemanticModel model, NameResolver names, AssignmentExpressionSyntax assignment, RequestProperty property, CancellationToken cancellationToken)
        {
            var kind = SyntaxValues.Read(model, names, assignment.Right, out var constant);
            if (kind == SyntaxValueKind.Unknown)
            {
                return null;
            }

            // Whether a value that is not constant can be null: only the contract rule of supported parameters asks, and only
            // for a model with contract lists; then, and only then, the method is bound to know the value's type.
            return PropertyWrite.FromSyntax(property, assignment, kind == SyntaxValueKind.Constant, constant, () =>
                model.GetOperation(assignment, cancellationToken) is ISimpleAssignmentOperation bound && PropertyWrite.IsNeverNull(bound.Value));
        }

        // Where the request goes, as RequestView reads it from the operation tree, for the shapes the syntax shows alone.
        private static RequestVisibility? FindVisibility(SemanticModel model, NameResolver names, ObjectCreationExpressionSyntax created, VideoSdk sdk, Creation creation, RequestWrites requestWrites, CancellationToken cancellationToken)
        {
            switch (created.Parent)
            {
                case ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.None, Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } argument:
                    // Handed straight to the client, the request lives and dies in this call; to any other call, only the
                    // initializer is known.
                    return IsSend(model, names, invocation, argument, sdk) switch
                    {
                        true => RequestVisibility.WholeLife,
                        false => RequestVisibility.Initializer,
                        null => null,
                    };

                case ReturnStatementSyntax:
                    return RequestVisibility.Initializer;

                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax } } }:
                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax }:
                    return RequestVisibility.Initializer;

                case EqualsValueClauseSyntax
                {
                    Parent: VariableDeclaratorSyntax
                    {
                        Parent: VariableDeclarationSyntax { Type.IsVar: true, Variables.Count: 1, Parent: LocalDeclarationStatementSyntax { Parent: BlockSyntax block } statement }
                    } declarator,
                }
                when statement.Modifiers.Count == 0 && statement.UsingKeyword.RawKind == (int)SyntaxKind.None:
                    return creation.Follow(model, names, block, statement, declarator.Identifier.ValueText, sdk, requestWrites, cancellationToken)
                        ? RequestVisibility.WholeLife
                        : null;

                default:
                    return null;
            }
        }

        /// <summary>
        /// Follows the local <paramref name="name"/> through the statements of <paramref name="block"/> after its declaration:
        /// true when each of them leaves it alone, writes one of its properties as a statement of its own, reads its
        /// properties or sends it with the client, so that the request's whole life is seen. False for anything else (a
        /// label, an alias, a lambda, another call, a write in an expression...), which the operation tree then follows.
        /// </summary>
        private bool Follow(SemanticModel model, NameResolver names, BlockSyntax block, StatementSyntax declaration, string name, VideoSdk sdk, RequestWrites requestWrites, CancellationToken cancellationToken)
        {
            for (var i = block.Statements.IndexOf(declaration) + 1; i < block.Statements.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var statement = block.Statements[i];
                if (statement is LabeledStatementSyntax or LocalFunctionStatementSyntax)
                {
                    return false;
                }

                if (!Mentions(statement, name))
                {
                    continue;
                }

                if (statement is ExpressionStatementSyntax
                    {
                        Expression: AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target, Name: IdentifierNameSyntax property } } assignment,
                    }
                    && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    && target.Identifier.ValueText == name
                    && !Mentions(assignment.Right, name))
                {
                    if (!sdk.TryGetPropertyNamed(property.Identifier.ValueText, out var written)
                        || Write(model, names, assignment, written, cancellationToken) is not { } write)
                    {
                        return false;
                    }

                    writes.Add(write);
                    requestWrites.Record(write);
                    continue;
                }

                if (!OnlyReadsOrSends(model, names, statement, name, sdk))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Mentions(SyntaxNode node, string name)
        {
            // Most statements after a creation never spell the local's name: the text says so without walking any token.
            if (node.SyntaxTree.TryGetText(out var text) && !Spells(text, node.Span, name))
            {
                return false;
            }

            foreach (var token in node.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Spells(Microsoft.CodeAnalysis.Text.SourceText text, Microsoft.CodeAnalysis.Text.TextSpan span, string name)
        {
            var last = span.End - name.Length;
            for (var start = span.Start; start <= last; start++)
            {
                var matches = true;
                for (var i = 0; i < name.Length; i++)
                {
                    if (text[start + i] != name[i])
                    {
                        matches = false;
                        break;
                    }
                }

                if (matches)
                {
                    return true;
                }
            }

            return false;
        }

        // Every mention of the local reads a property (request.Model, not written, not in a lambda) or sends the request.
        private static bool OnlyReadsOrSends(SemanticModel model, NameResolver names, StatementSyntax statement, string name, VideoSdk sdk)
        {
            foreach (var token in statement.DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != name)
                {
                    continue;
                }

                if (token.Parent is not IdentifierNameSyntax reference || IsInFunction(reference, statement))
                {
                    return false;
                }

                switch (reference.Parent)
                {
                    case MemberAccessExpressionSyntax access when access.Expression == reference && access.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                        if (IsWritten(access))
                        {
                            return false;
                        }

                        break;
                    case ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.None, Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } argument:
                        if (IsSend(model, names, invocation, argument, sdk) != true)
                        {
                            return false;
                        }

                        break;
                    default:
                        return false;
                }
            }

            return true;
        }

        private static bool IsWritten(ExpressionSyntax access) =>
            access.Parent switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left == access,
                PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax or RefExpressionSyntax => true,
                ArgumentSyntax argument => argument.RefKindKeyword.RawKind != (int)SyntaxKind.None || argument.Parent is TupleExpressionSyntax,
                _ => false,
            };

        private static bool IsInFunction(SyntaxNode node, SyntaxNode root)
        {
            for (var current = node.Parent; current is not null && current != root; current = current.Parent)
            {
                if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether <paramref name="invocation"/> sends the request passed as <paramref name="argument"/> with the client
        /// (<c>client.CreateVideoAsync(request)</c>): true, false (another method), or null when the syntax cannot tell.
        /// </summary>
        private static bool? IsSend(SemanticModel model, NameResolver names, InvocationExpressionSyntax invocation, ArgumentSyntax argument, VideoSdk sdk)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Name: IdentifierNameSyntax method } access
                || !access.IsKind(SyntaxKind.SimpleMemberAccessExpression)
                || !VideoSdk.IsSendMethodName(method.Identifier.ValueText))
            {
                // No method of that name sends: the call is another method, whatever it is.
                return invocation.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax { Name: IdentifierNameSyntax } ? false : null;
            }

            if (argument.NameColon is not null || invocation.ArgumentList.Arguments.IndexOf(argument) != 0)
            {
                return null;
            }

            var receiver = access.Expression is IdentifierNameSyntax identifier ? NameLookup.TypeOfVariable(names.Resolve(model, identifier)) : null;
            return sdk.IsSendReceiver(receiver, method.Identifier.ValueText);
        }
    }
}
