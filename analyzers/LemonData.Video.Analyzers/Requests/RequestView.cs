using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LemonData.Video.Analyzers.Requests;

/// <summary>
/// A request as the analyzer sees it where it sees the whole of it: the values of its object initializer and,
/// for a local, of the assignments that follow in straight-line code. Where a request cannot be followed
/// (a local passed to another method, captured by a lambda, assigned in a branch or a loop, ...) there is no
/// view at all, and the rules that combine properties stay silent.
/// </summary>
internal sealed class RequestView
{
    private static readonly ConditionalWeakTable<IObjectCreationOperation, CachedView> Cache = new();

    private readonly RequestWrites writes;

    internal RequestView(RequestVisibility visibility, RequestWrites writes)
    {
        Visibility = visibility;
        this.writes = writes;
    }

    public RequestVisibility Visibility { get; }

    /// <summary>
    /// The last assignment of <paramref name="property"/> the analyzer saw, or null when it saw none, or when a write it
    /// could not place came after it (<see cref="RequestWrites.MarkUnknown"/>).
    /// </summary>
    public PropertyWrite? this[RequestProperty property] => writes[property];

    /// <summary>Whether <paramref name="assignment"/> is one of the writes this view is made of.</summary>
    public bool Contains(SyntaxNode assignment) => writes.Contains(assignment);

    /// <summary>
    /// The model the request is sent with, when the analyzer knows it: a constant id, or <see langword="null"/>
    /// for an unset model (the service's default), which it knows only when it sees the request's whole life.
    /// </summary>
    public bool TryGetModel(out string? model)
    {
        var write = this[RequestProperty.Model];
        model = null;
        if (write is null || write.IsKnownNull)
        {
            return Visibility == RequestVisibility.WholeLife;
        }

        if (write.IsConstant)
        {
            model = write.StringValue;
            return true;
        }

        return false;
    }

    /// <summary>Whether <paramref name="property"/> is sent: true, false, or null when the analyzer cannot tell.</summary>
    public bool? IsSet(RequestProperty property)
    {
        if (writes.IsUnknown(property))
        {
            return null;
        }

        var write = this[property];
        if (write is null || write.IsKnownNull)
        {
            return Visibility == RequestVisibility.WholeLife ? false : null;
        }

        return write.IsKnownSet ? true : null;
    }

    /// <summary>
    /// The view of the request <paramref name="creation"/> makes, or null when it cannot be followed. Built once
    /// per creation and shared by every assignment of the request (each asks for it); the table holds
    /// it only as long as the compiler holds the operation tree.
    /// </summary>
    public static RequestView? ForCreation(IObjectCreationOperation creation, VideoSdk sdk, CancellationToken cancellationToken)
    {
        if (Cache.TryGetValue(creation, out var cached))
        {
            return cached.View;
        }

        var built = new CachedView(Build(creation, sdk, cancellationToken));
        return Cache.GetValue(creation, _ => built).View;
    }

    private static RequestView? Build(IObjectCreationOperation creation, VideoSdk sdk, CancellationToken cancellationToken)
    {
        if (!sdk.IsRequestType(creation.Type))
        {
            // A derived type may set properties in its constructor: its unset properties mean nothing.
            return null;
        }

        var writes = new RequestWrites();
        if (creation.Initializer is not null)
        {
            foreach (var initializer in creation.Initializer.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation assignment && PropertyWrite.TryCreate(assignment, sdk) is { } write)
                {
                    writes.Record(write);
                }
            }
        }

        var visibility = FindVisibility(creation, sdk, writes, cancellationToken);
        return visibility is RequestVisibility known ? new RequestView(known, writes) : null;
    }

    /// <summary>
    /// The view of the request that <paramref name="assignment"/> writes to, when the assignment is part of one:
    /// a member of an object initializer, or a straight-line assignment to a followed local.
    /// </summary>
    public static RequestView? ForAssignment(ISimpleAssignmentOperation assignment, VideoSdk sdk, CancellationToken cancellationToken)
    {
        if (assignment.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation })
        {
            return ForCreation(creation, sdk, cancellationToken);
        }

        if (assignment.Target is IPropertyReferenceOperation { Instance: ILocalReferenceOperation local }
            && assignment.Parent is IExpressionStatementOperation statement
            && TryGetStatementList(statement, out var statements, out var index))
        {
            for (var i = index - 1; i >= 0; i--)
            {
                var start = FindCreationOf(statements[i], local.Local);
                if (start is not null)
                {
                    var view = ForCreation(start, sdk, cancellationToken);
                    return view is not null && view.Contains(assignment.Syntax) ? view : null;
                }
            }
        }

        return null;
    }

    private static RequestVisibility? FindVisibility(
        IObjectCreationOperation creation,
        VideoSdk sdk,
        RequestWrites writes,
        CancellationToken cancellationToken)
    {
        // A target-typed new() reaches its target through an implicit conversion to its own type.
        IOperation created = creation;
        while (created.Parent is IConversionOperation { IsImplicit: true } conversion
            && SymbolEqualityComparer.Default.Equals(conversion.Type, creation.Type))
        {
            created = conversion;
        }

        // An element of a C# 12 collection expression ([new() { ... }]), as of a collection initializer: Roslyn 4.8 has no
        // operation for the collection expression, so its syntax says where the request stands.
        if (created.Syntax.Parent is ExpressionElementSyntax { Parent: CollectionExpressionSyntax })
        {
            return RequestVisibility.Initializer;
        }

        // An operand of ?:, ?? or a cast that is handed on at once (an argument, a return, an array element): the
        // initializer is all that is set on this request here, though which request goes on is not known.
        if (LeavesThroughOperand(created) is { } operand)
        {
            return operand.Parent is IArgumentOperation { Parameter.RefKind: RefKind.None } or IReturnOperation or IArrayInitializerOperation
                || operand.Syntax.Parent is ExpressionElementSyntax { Parent: CollectionExpressionSyntax }
                ? RequestVisibility.Initializer
                : null;
        }

        // Handed on as object or an interface (a logger, params object[]): the initializer is still all that is
        // set here, as for a typed argument; the request is never the client's, so it is never its whole life.
        IOperation widened = created;
        while (widened.Parent is IConversionOperation { IsImplicit: true, Conversion.IsReference: true } reference)
        {
            widened = reference;
        }

        if (widened != created)
        {
            return widened.Parent is IArgumentOperation or IReturnOperation or IArrayInitializerOperation
                ? RequestVisibility.Initializer
                : null;
        }

        switch (created.Parent)
        {
            case IArgumentOperation { Parent: IInvocationOperation invocation } argument:
                // Handed straight to the client, the request lives and dies in this call.
                return argument.Parameter is { RefKind: RefKind.None } && sdk.IsSend(invocation)
                    ? RequestVisibility.WholeLife
                    : RequestVisibility.Initializer;

            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                {
                    var statement = declarator.Parent?.Parent;
                    if (statement is not IVariableDeclarationGroupOperation
                        || !TryGetStatementList(statement, out var statements, out var index))
                    {
                        return null;
                    }

                    var follower = new LocalFollower(declarator.Symbol, sdk, writes, cancellationToken);
                    return follower.UsesAreModelable(statement) && follower.Follow(statements, index + 1)
                        ? Followed(follower)
                        : null;
                }

            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when assignment.Value == created:
                {
                    if (assignment.Parent is not IExpressionStatementOperation statement
                        || !TryGetStatementList(statement, out var statements, out var index))
                    {
                        return null;
                    }

                    // Only a local declared in this same list: its scope ends with the list, so nothing after the
                    // list can touch it, and no lambda created between its declaration and here may have captured it.
                    var follower = new LocalFollower(local.Local, sdk, writes, cancellationToken);
                    var declaration = FindDeclaration(statements, index, local.Local);
                    if (declaration < 0)
                    {
                        return null;
                    }

                    for (var i = declaration; i < index; i++)
                    {
                        if (follower.IsCapturedIn(statements[i]))
                        {
                            return null;
                        }
                    }

                    return follower.Follow(statements, index + 1) ? Followed(follower) : null;
                }

            case ISimpleAssignmentOperation { Target: IParameterReferenceOperation }:
                return null;

            case ISimpleAssignmentOperation { Target: IMemberReferenceOperation member } assignment when assignment.Value == created:
                return IsMemberWrittenLater(assignment, member.Member) ? null : RequestVisibility.Initializer;

            case IReturnOperation:
            case IFieldInitializerOperation:
            case IPropertyInitializerOperation:
            case IArrayInitializerOperation:
                return RequestVisibility.Initializer;

            default:
                // A conversion, a conditional, a tuple...: the request may end up in a local the analyzer does not follow.
                return null;
        }
    }

    // Followed to its end, the local's life is all seen; followed to where it leaves the method, only its state there is.
    private static RequestVisibility Followed(LocalFollower follower) =>
        follower.Escaped ? RequestVisibility.Initializer : RequestVisibility.WholeLife;

    /// <summary>
    /// The outermost of the ?: (either branch), ?? (its right operand) and cast (not user-defined) operations that
    /// <paramref name="created"/> stands in, through implicit conversions; null when it stands in none.
    /// </summary>
    private static IOperation? LeavesThroughOperand(IOperation created)
    {
        IOperation? outermost = null;
        var current = created;
        while (true)
        {
            switch (current.Parent)
            {
                case IConversionOperation { Conversion.IsUserDefined: false } conversion when conversion.Conversion.IsIdentity || conversion.Conversion.IsReference:
                    current = conversion;
                    if (!conversion.IsImplicit)
                    {
                        outermost = current;
                    }

                    continue;
                case IConditionalOperation { IsRef: false, WhenFalse: not null } conditional when conditional.WhenTrue == current || conditional.WhenFalse == current:
                    current = outermost = conditional;
                    continue;
                case ICoalesceOperation coalesce when coalesce.WhenNull == current:
                    current = outermost = coalesce;
                    continue;
                default:
                    return outermost is null ? null : current;
            }
        }
    }

    private static bool TryGetStatementList(IOperation statement, out ImmutableArray<IOperation> statements, out int index)
    {
        statements = statement.Parent switch
        {
            IBlockOperation block => block.Operations,
            ISwitchCaseOperation section => section.Body,
            _ => default,
        };

        index = statements.IsDefault ? -1 : statements.IndexOf(statement);
        return index >= 0;
    }

    private static int FindDeclaration(ImmutableArray<IOperation> statements, int before, ILocalSymbol local)
    {
        for (var i = before - 1; i >= 0; i--)
        {
            if (statements[i] is IVariableDeclarationGroupOperation group)
            {
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        if (SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                        {
                            return i;
                        }
                    }
                }
            }
        }

        return -1;
    }

    private static IObjectCreationOperation? FindCreationOf(IOperation statement, ILocalSymbol local)
    {
        switch (statement)
        {
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        if (SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                        {
                            return AsCreation(declarator.Initializer?.Value);
                        }
                    }
                }

                return null;

            case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment }
                when SymbolEqualityComparer.Default.Equals(target.Local, local):
                return AsCreation(assignment.Value);

            default:
                return null;
        }
    }

    private static IObjectCreationOperation? AsCreation(IOperation? value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value as IObjectCreationOperation;
    }

    // this.request = new() { ... }; this.request.Model = ...: the initializer alone would not be the request.
    private static bool IsMemberWrittenLater(ISimpleAssignmentOperation assignment, ISymbol member)
    {
        if (assignment.Parent is not IExpressionStatementOperation statement
            || !TryGetStatementList(statement, out var statements, out var index))
        {
            return false;
        }

        for (var i = index + 1; i < statements.Length; i++)
        {
            foreach (var operation in statements[i].DescendantsAndSelf())
            {
                if (operation is IMemberReferenceOperation reference
                    && SymbolEqualityComparer.Default.Equals(reference.Member, member)
                    && (reference.Parent is IMemberReferenceOperation { Instance: var instance } written && instance == reference && LocalFollower.IsWritten(written)
                        || LocalFollower.IsWritten(reference)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private sealed class CachedView
    {
        public CachedView(RequestView? view) => View = view;

        public RequestView? View { get; }
    }
}
