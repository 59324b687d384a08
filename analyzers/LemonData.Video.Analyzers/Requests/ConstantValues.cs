using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LemonData.Video.Analyzers.Requests;

/// <summary>
/// The value of an expression when the compiler knows it: literals, const locals and fields,
/// <c>VideoModels.*</c>, constant expressions.
/// </summary>
internal static class ConstantValues
{
    /// <summary>
    /// The constant of <paramref name="value"/>, looking through conversions that keep the value: a conversion
    /// to <see cref="Nullable{T}"/> carries no constant itself (<c>Fps = 200</c> is an <c>int</c> to <c>int?</c>
    /// conversion of the literal), so its operand is asked instead.
    /// </summary>
    public static bool TryGet(IOperation? value, out object? constant)
    {
        for (var operation = value; operation is not null;)
        {
            if (operation.ConstantValue.HasValue)
            {
                constant = operation.ConstantValue.Value;
                return true;
            }

            if (operation is IConversionOperation conversion && KeepsValue(conversion))
            {
                operation = conversion.Operand;
                continue;
            }

            break;
        }

        constant = null;
        return false;
    }

    /// <summary>
    /// The constant <paramref name="constant"/> as <paramref name="property"/> holds it (<see cref="string"/>, <see cref="int"/>
    /// or <see cref="double"/>; for the properties no rule reads the value of, such as <c>Seed</c>, the constant as written):
    /// false when it is not constant, or is a constant the property could not hold.
    /// </summary>
    public static bool TryConvert(RequestProperty property, bool isConstant, object? constant, out object? converted)
    {
        converted = null;
        if (!isConstant)
        {
            return false;
        }

        switch (property)
        {
            case RequestProperty.Duration:
            case RequestProperty.Fps:
            case RequestProperty.ExtendAt:
                var isInteger = TryGetInt32(constant, out var integer);
                converted = integer;
                return isInteger;
            case RequestProperty.CfgScale:
            case RequestProperty.MotionStrength:
                var isNumber = TryGetDouble(constant, out var number);
                converted = number;
                return isNumber;
            case RequestProperty.Seed:
            case RequestProperty.OutputAudio:
            case RequestProperty.Watermark:
            case RequestProperty.ReferenceImages:
                // No rule reads these values: whether one is null is all that counts.
                converted = constant;
                return true;
            default:
                var isText = TryGetString(constant, out var text);
                converted = text;
                return isText;
        }
    }

    /// <summary>The constant as a <see cref="string"/> property sees it; <see langword="null"/> for the null constant.</summary>
    public static bool TryGetString(IOperation? value, out string? text)
    {
        text = null;
        return TryGet(value, out var constant) && TryGetString(constant, out text);
    }

    private static bool TryGetString(object? constant, out string? text)
    {
        if (constant is null || constant is string)
        {
            text = (string?)constant;
            return true;
        }

        text = null;
        return false;
    }

    /// <summary>The constant as an <c>int?</c> property sees it.</summary>
    public static bool TryGetInt32(IOperation? value, out int? number)
    {
        number = null;
        return TryGet(value, out var constant) && TryGetInt32(constant, out number);
    }

    private static bool TryGetInt32(object? constant, out int? number)
    {
        number = null;
        if (constant is null)
        {
            return true;
        }

        if (TryWidenToInt32(constant, out var i))
        {
            number = i;
            return true;
        }

        return false;
    }

    /// <summary>The constant as a <c>double?</c> property sees it (an integer or <c>float</c> widened as C# does).</summary>
    public static bool TryGetDouble(IOperation? value, out double? number)
    {
        number = null;
        return TryGet(value, out var constant) && TryGetDouble(constant, out number);
    }

    private static bool TryGetDouble(object? constant, out double? number)
    {
        switch (constant)
        {
            case null:
                number = null;
                return true;
            case double d:
                number = d;
                return true;
            case float f:
                number = f;
                return true;
            case long l:
                number = l;
                return true;
            case uint ui:
                number = ui;
                return true;
            case ulong ul:
                number = ul;
                return true;
            default:
                if (TryWidenToInt32(constant, out var i))
                {
                    number = i;
                    return true;
                }

                break;
        }

        number = null;
        return false;
    }

    // The constants C# widens implicitly to int: the one list both readers share.
    private static bool TryWidenToInt32(object constant, out int number)
    {
        switch (constant)
        {
            case int i: number = i; return true;
            case short s: number = s; return true;
            case ushort us: number = us; return true;
            case byte b: number = b; return true;
            case sbyte sb: number = sb; return true;
            case char c: number = c; return true;
            default: number = 0; return false;
        }
    }

    // Implicit conversions (numeric widening, nullable wrapping, reference) keep the value; so does an explicit
    // cast that only wraps a value in its own nullable type, (int?)200. Any other explicit conversion may change it,
    // and a user-defined one can do anything.
    private static bool KeepsValue(IConversionOperation conversion)
    {
        var kind = conversion.Conversion;
        if (kind.IsUserDefined || !kind.Exists)
        {
            return false;
        }

        if (kind.IsImplicit || kind.IsIdentity)
        {
            return true;
        }

        return kind.IsNullable
            && conversion.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            && SymbolEqualityComparer.Default.Equals(nullable.TypeArguments[0], conversion.Operand.Type);
    }
}
