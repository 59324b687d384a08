using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LemonData.Video.Analyzers.Requests;

/// <summary>One assignment of a property of the request (<c>Fps = 200</c>), with its value when constant.</summary>
internal sealed class PropertyWrite
{
    private PropertyWrite(RequestProperty property, ISimpleAssignmentOperation assignment, bool isConstant, object? constant)
    {
        Property = property;
        Assignment = assignment;
        IsConstant = isConstant;
        Constant = constant;
    }

    public RequestProperty Property { get; }

    public ISimpleAssignmentOperation Assignment { get; }

    /// <summary>Whether the compiler knows the value; when it does not, the value counts as unknown.</summary>
    public bool IsConstant { get; }

    /// <summary>
    /// The value as the property holds it (<see cref="string"/>, <see cref="int"/> or <see cref="double"/>; for the
    /// properties no rule reads the value of, such as <c>Seed</c>, the constant as the compiler gives it), or null.
    /// </summary>
    public object? Constant { get; }

    /// <summary>The value expression as the user wrote it: where a diagnostic about the value goes.</summary>
    public SyntaxNode ValueSyntax => Assignment.Value.Syntax;

    /// <summary>The whole <c>Property = value</c>: where a diagnostic about the property being set goes.</summary>
    public SyntaxNode AssignmentSyntax => Assignment.Syntax;

    /// <summary>Set to a constant other than null: the property is sent.</summary>
    public bool IsKnownSet => IsConstant && Constant is not null;

    /// <summary>
    /// Set to a value that cannot be null, constant or not: a constant other than null, a value of a non-nullable value
    /// type (<c>Fps = userFps</c>), a new object or array, an interpolated string. The property is sent, whatever its value.
    /// </summary>
    public bool IsDefinitelySet => IsKnownSet || (!IsConstant && IsNeverNull(Assignment.Value));

    /// <summary>Set to the null constant: the property is not sent.</summary>
    public bool IsKnownNull => IsConstant && Constant is null;

    public string? StringValue => Constant as string;

    public static PropertyWrite? TryCreate(ISimpleAssignmentOperation assignment, VideoSdk sdk) =>
        assignment.Target is IPropertyReferenceOperation target && sdk.TryGetProperty(target.Property, out var property)
            ? TryCreate(assignment, property)
            : null;

    /// <summary>The write of <paramref name="property"/>, which the caller found to be the target of <paramref name="assignment"/>.</summary>
    public static PropertyWrite? TryCreate(ISimpleAssignmentOperation assignment, RequestProperty property)
    {
        if (assignment.IsRef)
        {
            return null;
        }

        var value = assignment.Value;
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

        return new PropertyWrite(property, assignment, isConstant, isConstant ? constant : null);
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
