using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LemonData.Video.Analyzers.Requests;

/// <summary>
/// One assignment of a property of the request (<c>Fps = 200</c>), with its value when constant; or one element of a
/// deconstruction (<c>(request.Fps, request.Seed) = (200, 7)</c>), which is never part of a whole request's view.
/// </summary>
/// <remarks>
/// A write is known by its syntax, not by an operation: it is read either from the syntax alone with the binder's name
/// lookups (<see cref="SyntaxRequests"/>, the common shapes, which never bind a method body) or from the operation tree
/// (every other shape), and a request's view compares writes from either the same way.
/// </remarks>
internal sealed class PropertyWrite
{
    private readonly Func<bool>? isNeverNull;
    private bool? neverNull;

    private PropertyWrite(RequestProperty property, SyntaxNode assignmentSyntax, SyntaxNode valueSyntax, bool isDeconstructionElement, bool isConstant, object? constant, bool? neverNull, Func<bool>? isNeverNull)
    {
        Property = property;
        AssignmentSyntax = assignmentSyntax;
        ValueSyntax = valueSyntax;
        IsDeconstructionElement = isDeconstructionElement;
        IsConstant = isConstant;
        Constant = isConstant ? constant : null;
        this.neverNull = neverNull;
        this.isNeverNull = isNeverNull;
    }

    public RequestProperty Property { get; }

    /// <summary>Whether this is one element of a deconstruction: its value counts, but it is not part of a request's view.</summary>
    public bool IsDeconstructionElement { get; }

    /// <summary>Whether the compiler knows the value; when it does not, the value counts as unknown.</summary>
    public bool IsConstant { get; }

    /// <summary>
    /// The value as the property holds it (<see cref="string"/>, <see cref="int"/> or <see cref="double"/>; for the
    /// properties no rule reads the value of, such as <c>Seed</c>, the constant as the compiler gives it), or null.
    /// </summary>
    public object? Constant { get; }

    /// <summary>The value expression as the user wrote it: where a diagnostic about the value goes.</summary>
    /// <remarks>
    /// An operation's syntax drops what does not change its value (<c>(121)</c>, <c>checked(120 + 1)</c> are the operation
    /// of <c>121</c> and <c>120 + 1</c>), so this is read from the assignment's own syntax: the right-hand side, or the
    /// element of the tuple literal.
    /// </remarks>
    public SyntaxNode ValueSyntax { get; }

    /// <summary>
    /// The whole <c>Property = value</c> (for a deconstruction element, the property): where a diagnostic about the
    /// property being set goes, and what identifies the write in a request's view.
    /// </summary>
    public SyntaxNode AssignmentSyntax { get; }

    /// <summary>Set to a constant other than null: the property is sent.</summary>
    public bool IsKnownSet => IsConstant && Constant is not null;

    /// <summary>
    /// Set to a value that cannot be null, constant or not: a constant other than null, a value of a non-nullable value
    /// type (<c>Fps = userFps</c>), a new object or array, an interpolated string. The property is sent, whatever its value.
    /// </summary>
    public bool IsDefinitelySet => IsKnownSet || (!IsConstant && (neverNull ??= isNeverNull?.Invoke() ?? false));

    /// <summary>Set to the null constant: the property is not sent.</summary>
    public bool IsKnownNull => IsConstant && Constant is null;

    public string? StringValue => Constant as string;

    public static PropertyWrite? TryCreate(ISimpleAssignmentOperation assignment, VideoSdk sdk) =>
        assignment.Target is IPropertyReferenceOperation target && sdk.TryGetProperty(target.Property, out var property)
            ? TryCreate(assignment, property)
            : null;

    /// <summary>The write of <paramref name="property"/>, which the caller found to be the target of <paramref name="assignment"/>.</summary>
    public static PropertyWrite? TryCreate(ISimpleAssignmentOperation assignment, RequestProperty property) =>
        assignment.IsRef
            ? null
            : Create(property, assignment.Syntax, assignment.Value, assignment.Syntax is AssignmentExpressionSyntax written ? written.Right : assignment.Value.Syntax, isDeconstructionElement: false);

    /// <summary>
    /// The writes of request properties by <paramref name="deconstruction"/> whose value stands beside its target in a
    /// tuple literal (<c>(request.Fps, request.Seed) = (500, 7)</c>); none for a value that is not a tuple literal.
    /// </summary>
    public static void AddDeconstructionWrites(IDeconstructionAssignmentOperation deconstruction, VideoSdk sdk, List<PropertyWrite> writes)
    {
        var value = deconstruction.Value;
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        if (deconstruction.Target is not ITupleOperation targets
            || value is not ITupleOperation values
            || targets.Elements.Length != values.Elements.Length)
        {
            return;
        }

        for (var i = 0; i < targets.Elements.Length; i++)
        {
            if (targets.Elements[i] is IPropertyReferenceOperation target && sdk.TryGetProperty(target.Property, out var property))
            {
                var valueSyntax = values.Syntax is TupleExpressionSyntax tuple && tuple.Arguments.Count == values.Elements.Length
                    ? tuple.Arguments[i].Expression
                    : values.Elements[i].Syntax;
                writes.Add(Create(property, target.Syntax, values.Elements[i], valueSyntax, isDeconstructionElement: true));
            }
        }
    }

    private static PropertyWrite Create(RequestProperty property, SyntaxNode assignmentSyntax, IOperation value, SyntaxNode valueSyntax, bool isDeconstructionElement)
    {
        var isConstant = ConstantValues.TryGet(value, out var constant);
        isConstant = ConstantValues.TryConvert(property, isConstant, constant, out var converted);
        return new PropertyWrite(property, assignmentSyntax, valueSyntax, isDeconstructionElement, isConstant, converted, isConstant ? null : IsNeverNull(value), isNeverNull: null);
    }

    /// <summary>
    /// A write read from the syntax alone: <paramref name="constant"/> is the value as written, when <paramref name="isConstant"/>;
    /// whether a value that is not constant can be null is asked of <paramref name="isNeverNull"/> only when a rule needs it.
    /// </summary>
    public static PropertyWrite FromSyntax(RequestProperty property, AssignmentExpressionSyntax assignment, bool isConstant, object? constant, Func<bool> isNeverNull)
    {
        isConstant = ConstantValues.TryConvert(property, isConstant, constant, out var converted);
        return new PropertyWrite(property, assignment, assignment.Right, isDeconstructionElement: false, isConstant, converted, neverNull: null, isNeverNull);
    }

    // A value of a non-nullable value type wrapped in its nullable is never null, nor is what new, an array creation or an
    // interpolation makes, through any conversion but a user-defined one (which may return anything).
    public static bool IsNeverNull(IOperation value)
    {
        while (value is IConversionOperation conversion && !conversion.Conversion.IsUserDefined)
        {
            if (conversion.Conversion.IsNullable
                && conversion.Operand.Type is { IsValueType: true } operandType
                && operandType.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T)
            {
                return true;
            }

            value = conversion.Operand;
        }

        return value is IObjectCreationOperation or IArrayCreationOperation or IInterpolatedStringOperation or IAnonymousObjectCreationOperation;
    }
}
