using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LemonData.Video.Analyzers.Requests;

/// <summary>
/// One assignment of a property of the request (<c>Fps = 200</c>), with its value when constant; or one element of a
/// deconstruction (<c>(request.Fps, request.Seed) = (200, 7)</c>), which is never part of a whole request's view.
/// </summary>
internal sealed class PropertyWrite
{
    private PropertyWrite(RequestProperty property, IOperation assignment, IOperation target, IOperation value, bool isConstant, object? constant)
    {
        Property = property;
        Assignment = assignment;
        Target = target;
        Value = value;
        IsConstant = isConstant;
        Constant = constant;
    }

    public RequestProperty Property { get; }

    /// <summary>The simple assignment, or the element's target in a deconstruction (<see cref="IsDeconstructionElement"/>).</summary>
    public IOperation Assignment { get; }

    /// <summary>The property written.</summary>
    public IOperation Target { get; }

    /// <summary>The value written.</summary>
    public IOperation Value { get; }

    /// <summary>Whether this is one element of a deconstruction: its value counts, but it is not part of a request's view.</summary>
    public bool IsDeconstructionElement => Assignment is not ISimpleAssignmentOperation;

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
    public SyntaxNode ValueSyntax { get; private set; } = null!;

    /// <summary>
    /// The whole <c>Property = value</c> (for a deconstruction element, the property): where a diagnostic about the
    /// property being set goes.
    /// </summary>
    public SyntaxNode AssignmentSyntax => Assignment.Syntax;

    /// <summary>Set to a constant other than null: the property is sent.</summary>
    public bool IsKnownSet => IsConstant && Constant is not null;

    /// <summary>
    /// Set to a value that cannot be null, constant or not: a constant other than null, a value of a non-nullable value
    /// type (<c>Fps = userFps</c>), a new object or array, an interpolated string. The property is sent, whatever its value.
    /// </summary>
    public bool IsDefinitelySet => IsKnownSet || (!IsConstant && IsNeverNull(Value));

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
            : Create(property, assignment, assignment.Target, assignment.Value, assignment.Syntax is AssignmentExpressionSyntax written ? written.Right : assignment.Value.Syntax);

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
                writes.Add(Create(property, target, target, values.Elements[i], valueSyntax));
            }
        }
    }

    private static PropertyWrite Create(RequestProperty property, IOperation assignment, IOperation target, IOperation value, SyntaxNode valueSyntax)
    {
        bool isConstant;
        object? constant;
        switch (property)
        {
            case RequestProperty.Duration:
            case RequestProperty.Fps:
            case RequestProperty.ExtendAt:
                isConstant = ConstantValues.TryGetInt32(value, out var integer);
                constant = integer;
                break;
            case RequestProperty.CfgScale:
            case RequestProperty.MotionStrength:
                isConstant = ConstantValues.TryGetDouble(value, out var number);
                constant = number;
                break;
            case RequestProperty.Seed:
            case RequestProperty.OutputAudio:
            case RequestProperty.Watermark:
            case RequestProperty.ReferenceImages:
                // No rule reads these values: whether one is null is all that counts.
                isConstant = ConstantValues.TryGet(value, out constant);
                break;
            default:
                isConstant = ConstantValues.TryGetString(value, out var text);
                constant = text;
                break;
        }

        return new PropertyWrite(property, assignment, target, value, isConstant, isConstant ? constant : null)
        {
            ValueSyntax = valueSyntax,
        };
    }

    // A value of a non-nullable value type wrapped in its nullable is never null, nor is what new, an array creation or an
    // interpolation makes, through any conversion but a user-defined one (which may return anything).
    private static bool IsNeverNull(IOperation value)
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
