using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LemonData.Video.Analyzers.Requests;

/// <summary>
/// Follows a local that holds a request through the statements after its creation, in straight-line code.
/// What it can model: property assignments as statements of the same list, property reads anywhere, and
/// sending the request with the client, and a statement where the request leaves the method (returned, an argument of
/// any call, stored in a field, a property or an array element, captured by a lambda that does not write it) when
/// nothing after it touches the local or writes any request's property: following ends there (<see cref="Escaped"/>).
/// Anything else stops it: passing the local by ref or out, aliasing it, leaving in a branch, a loop or an expression,
/// capturing it in a local function or a lambda that writes it, assigning a property of the API's limits or
/// capabilities in a branch, a loop or an expression, a label that a goto could jump back to. Any other property
/// assigned there (<c>Seed</c>, <c>Resolution</c>, ...) only becomes unknown (<see cref="RequestWrites.MarkUnknown"/>).
/// </summary>
internal sealed class LocalFollower
{
    private const int MaxRecursionDepth = 100;

    private readonly ILocalSymbol local;
    private readonly VideoSdk sdk;
    private readonly RequestWrites writes;
    private readonly CancellationToken cancellationToken;

    public LocalFollower(ILocalSymbol local, VideoSdk sdk, RequestWrites writes, CancellationToken cancellationToken)
    {
        this.local = local;
        this.sdk = sdk;
        this.writes = writes;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>Whether a property read or written through <paramref name="reference"/> is being written.</summary>
    public static bool IsWritten(IOperation reference) =>
        reference.Parent switch
        {
            IAssignmentOperation assignment => assignment.Target == reference,
            IIncrementOrDecrementOperation => true,
            ITupleOperation => true,
            IArgumentOperation argument => argument.Parameter is { RefKind: not RefKind.None and not RefKind.In },
            _ => false,
        };

    /// <summary>
    /// Follows <paramref name="statements"/> from <paramref name="start"/> to the end of the list (the end of the
    /// local's scope) or to the statement that assigns the local another object. False when something happens
    /// to the request that the analyzer cannot model.
    /// </summary>
    public bool Follow(ImmutableArray<IOperation> statements, int start)
    {
        Escaped = false;
        for (var i = start; i < statements.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var statement = statements[i];
            if (statement is ILabeledOperation)
            {
                return false;
            }

            if (statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment } && !assignment.IsRef)
            {
                if (assignment.Target is IPropertyReferenceOperation { Instance: ILocalReferenceOperation instance }
                    && IsTheLocal(instance))
                {
                    if (!UsesAreModelable(assignment.Value))
                    {
                        return false;
                    }

                    if (PropertyWrite.TryCreate(assignment, sdk) is { } write)
                    {
                        writes.Record(write);
                    }

                    continue;
                }

                if (assignment.Target is ILocalReferenceOperation target && IsTheLocal(target))
                {
                    // The local now holds another object; this request's life ends here.
                    return UsesAreModelable(assignment.Value);
                }
            }

            if (!UsesAreModelable(statement))
            {
                // The request leaves the method here (returned, handed to a call, stored, captured): its state at this
                // statement is complete, as an initializer's is, provided nothing after it can touch the request.
                if (IsEscape(statement) && NothingWritesAfter(statements, i + 1))
                {
                    Escaped = true;
                    return true;
                }

                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether the last <see cref="Follow"/> ended at a statement where the request leaves the method: the writes seen so
    /// far are the request there, but a property left unset may still be set by whoever receives it.
    /// </summary>
    public bool Escaped { get; private set; }

    /// <summary>
    /// Whether <paramref name="statement"/> is a straight-line statement (an expression, a declaration or a return) in
    /// which every use of the local either reads a property or hands the whole request on by value: returned, an
    /// argument of any call, assigned to a field, a property or an array element, an array element, or captured
    /// by a lambda that only reads it and passes it on by value. No property is written there.
    /// </summary>
    private bool IsEscape(IOperation statement)
    {
        if (statement is not (IExpressionStatementOperation or IVariableDeclarationGroupOperation or IReturnOperation))
        {
            return false;
        }

        var escapes = false;
        foreach (var operation in statement.Descendants())
        {
            if (operation is ILocalFunctionOperation)
            {
                return false;
            }

            if (operation is not ILocalReferenceOperation reference || !IsTheLocal(reference))
            {
                continue;
            }

            if (reference.Parent is IPropertyReferenceOperation property && property.Instance == reference)
            {
                if (IsWritten(property))
                {
                    return false;
                }

                continue;
            }

            if (!IsHandedOn(reference))
            {
                return false;
            }

            escapes = true;
        }

        return escapes;
    }

    private static bool IsHandedOn(ILocalReferenceOperation reference)
    {
        IOperation value = reference;
        while (value.Parent is IConversionOperation { IsImplicit: true } conversion
            && (conversion.Conversion.IsIdentity || conversion.Conversion.IsReference))
        {
            value = conversion;
        }

        return value.Parent switch
        {
            IReturnOperation => true,
            IArgumentOperation argument => argument.Parameter is { RefKind: RefKind.None },
            IArrayInitializerOperation => true,
            ISimpleAssignmentOperation { IsRef: false, Target: IFieldReferenceOperation or IPropertyReferenceOperation or IArrayElementReferenceOperation } assignment
                => assignment.Value == value,
            _ => false,
        };
    }

    /// <summary>
    /// Whether nothing after the escape can touch the request: the statements from <paramref name="start"/> on neither use
    /// the local nor write any request's property (it may be this one, through the field or the collection it was stored
    /// in); nor do the statements after each enclosing block, up to the method's body. An enclosing statement that is not a
    /// block (a loop, whose next pass comes after; a try, whose finally does; an if) is checked whole, and a request built
    /// inside a lambda or a local function, which may run at any time, is not judged at its escape.
    /// </summary>
    private bool NothingWritesAfter(ImmutableArray<IOperation> statements, int start)
    {
        if (!AreQuiet(statements, start) || statements[0].Parent is not { } current)
        {
            return false;
        }

        for (var parent = current.Parent; parent is not null and not IMethodBodyBaseOperation; current = parent, parent = parent.Parent)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }

            var siblings = parent switch
            {
                IBlockOperation block => block.Operations,
                ISwitchCaseOperation section => section.Body,
                _ => default,
            };

            if (siblings.IsDefault)
            {
                if (!IsQuiet(parent, allowOwn: true))
                {
                    return false;
                }
            }
            else if (!AreQuiet(siblings, siblings.IndexOf(current) + 1))
            {
                return false;
            }
        }

        return true;
    }

    private bool AreQuiet(ImmutableArray<IOperation> statements, int start)
    {
        for (var i = start; i < statements.Length; i++)
        {
            if (!IsQuiet(statements[i], allowOwn: false))
            {
                return false;
            }
        }

        return true;
    }

    // No write of a request's property (a member of an object initializer writes the new object, not this request) and,
    // unless allowOwn, no use of the local; with allowOwn (a statement that encloses the local's whole scope), the local's
    // own uses, already followed, are left out.
    private bool IsQuiet(IOperation root, bool allowOwn)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case ILocalReferenceOperation reference when IsTheLocal(reference):
                    if (!allowOwn)
                    {
                        return false;
                    }

                    break;
                case IPropertyReferenceOperation { Instance: not (null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }) } property
                    when IsWritten(property) && sdk.TryGetProperty(property.Property, out _):
                    if (!allowOwn || property.Instance is not ILocalReferenceOperation own || !IsTheLocal(own))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    /// <summary>Whether every use of the local inside <paramref name="root"/> is one the analyzer models.</summary>
    public bool UsesAreModelable(IOperation root) => !FindUse(root, root, capturedOnly: false, depth: 0);

    /// <summary>Whether the local is used inside a lambda or local function anywhere in <paramref name="root"/>.</summary>
    public bool IsCapturedIn(IOperation root) => FindUse(root, root, capturedOnly: true, depth: 0);

    /// <summary>
    /// Whether <paramref name="operation"/> or a descendant uses the local in a way the analyzer does not model
    /// (with <paramref name="capturedOnly"/>, inside a lambda or local function). Following a local visits every
    /// statement after its creation, so this walks the children directly instead of through an allocating iterator.
    /// </summary>
    private bool FindUse(IOperation operation, IOperation root, bool capturedOnly, int depth)
    {
        if (IsSoughtUse(operation, root, capturedOnly))
        {
            return true;
        }

        if (depth == MaxRecursionDepth)
        {
            // A tree this deep (a long chain of + or ?:) is rare: Roslyn's iterator keeps its own stack instead of the thread's.
            foreach (var descendant in operation.Descendants())
            {
                if (IsSoughtUse(descendant, root, capturedOnly))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var child in operation.ChildOperations)
        {
            if (FindUse(child, root, capturedOnly, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsSoughtUse(IOperation operation, IOperation root, bool capturedOnly) =>
        operation is ILocalReferenceOperation reference
        && IsTheLocal(reference)
        && (capturedOnly ? IsInsideFunction(reference, root) : !IsModelableUse(reference, root));

    private bool IsModelableUse(ILocalReferenceOperation reference, IOperation root)
    {
        if (IsInsideFunction(reference, root))
        {
            return false;
        }

        switch (reference.Parent)
        {
            case IPropertyReferenceOperation property when property.Instance == reference:
                // Reading request.Model anywhere is harmless. Writing a property of the API's limits or capabilities off the
                // straight line is not modelable; writing any other (if (seed is not null) request.Seed = seed;) only makes
                // that property unknown, so that a contract rule does not judge a value that may not be the one sent.
                if (!IsWritten(property) || !sdk.TryGetProperty(property.Property, out var written))
                {
                    return true;
                }

                if (RequestProperties.StopsFollowingWhenWrittenOffTheLine(written))
                {
                    return false;
                }

                writes.MarkUnknown(written);
                return true;

            case IArgumentOperation { Parent: IInvocationOperation invocation } argument:
                return argument.Parameter is { RefKind: RefKind.None } && sdk.IsSend(invocation);

            default:
                return false;
        }
    }

    private static bool IsInsideFunction(IOperation operation, IOperation root)
    {
        for (var current = operation.Parent; current is not null && current != root.Parent; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsTheLocal(ILocalReferenceOperation reference) =>
        SymbolEqualityComparer.Default.Equals(reference.Local, local);
}
