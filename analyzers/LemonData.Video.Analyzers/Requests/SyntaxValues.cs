using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LemonData.Video.Analyzers.Requests;

/// <summary>What the syntax of a value says about its constant, with name lookups only.</summary>
internal enum SyntaxValueKind
{
    /// <summary>Syntax cannot tell without binding (a cast, <c>checked</c>, an interpolation, a constant expression...).</summary>
    Unknown,

    /// <summary>A constant: a literal, a signed number, a <c>const</c> local or field (<c>VideoModels.Sora2</c>).</summary>
    Constant,

    /// <summary>Certainly not a constant: a parameter, a variable, a call, a new object, an expression over one of them.</summary>
    NotConstant,
}

/// <summary>
/// Reads the value of an assignment from its syntax, as the compiler would fold it, for the shapes where that is certain.
/// Anything else is <see cref="SyntaxValueKind.Unknown"/>, and the analyzer binds the method to know (precision first: a
/// value called constant here is exactly the compiler's constant; one called not constant could never be one).
/// </summary>
internal static class SyntaxValues
{
    public static SyntaxValueKind Read(SemanticModel model, NameResolver names, ExpressionSyntax value, out object? constant)
    {
        constant = null;
        switch (value)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Read(model, names, parenthesized.Expression, out constant);

            case LiteralExpressionSyntax literal:
                return ReadLiteral(literal, out constant);

            case PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } number } signed
                when signed.IsKind(SyntaxKind.UnaryMinusExpression) || signed.IsKind(SyntaxKind.UnaryPlusExpression):
                return ReadSigned(number.Token.Value, signed.IsKind(SyntaxKind.UnaryMinusExpression), out constant);

            case IdentifierNameSyntax identifier:
                return ReadSymbol(names.Resolve(model, identifier), out constant);

            case MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                return ReadMemberAccess(model, names, access, out constant);

            case InvocationExpressionSyntax invocation:
                // nameof(...) is the one call whose value is a constant.
                return invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" } ? SyntaxValueKind.Unknown : SyntaxValueKind.NotConstant;

            case ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax or ArrayCreationExpressionSyntax
                or ImplicitArrayCreationExpressionSyntax or AnonymousObjectCreationExpressionSyntax or ElementAccessExpressionSyntax
                or AwaitExpressionSyntax or ConditionalAccessExpressionSyntax or ThisExpressionSyntax or BaseExpressionSyntax
                or TypeOfExpressionSyntax or AnonymousFunctionExpressionSyntax:
                return SyntaxValueKind.NotConstant;

            case BinaryExpressionSyntax binary:
                return AnyNotConstant(model, names, binary.Left, binary.Right);

            case ConditionalExpressionSyntax conditional:
                return AnyNotConstant(model, names, conditional.Condition, conditional.WhenTrue, conditional.WhenFalse);

            case CastExpressionSyntax cast:
                return AnyNotConstant(model, names, cast.Expression);

            case CheckedExpressionSyntax @checked:
                return AnyNotConstant(model, names, @checked.Expression);

            case PrefixUnaryExpressionSyntax unary:
                return AnyNotConstant(model, names, unary.Operand);

            case InterpolatedStringExpressionSyntax interpolated:
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolationSyntax hole && Read(model, names, hole.Expression, out _) == SyntaxValueKind.NotConstant)
                    {
                        return SyntaxValueKind.NotConstant;
                    }
                }

                return SyntaxValueKind.Unknown;

            default:
                return SyntaxValueKind.Unknown;
        }
    }

    // An expression over a value that is not constant is not constant (C# folds only constant operands); otherwise it may be.
    private static SyntaxValueKind AnyNotConstant(SemanticModel model, NameResolver names, params ExpressionSyntax[] operands)
    {
        foreach (var operand in operands)
        {
            if (Read(model, names, operand, out _) == SyntaxValueKind.NotConstant)
            {
                return SyntaxValueKind.NotConstant;
            }
        }

        return SyntaxValueKind.Unknown;
    }

    private static SyntaxValueKind ReadLiteral(LiteralExpressionSyntax literal, out object? constant)
    {
        constant = null;
        switch (literal.Kind())
        {
            case SyntaxKind.NullLiteralExpression:
                return SyntaxValueKind.Constant;
            case SyntaxKind.StringLiteralExpression:
            case SyntaxKind.NumericLiteralExpression:
            case SyntaxKind.CharacterLiteralExpression:
            case SyntaxKind.TrueLiteralExpression:
            case SyntaxKind.FalseLiteralExpression:
                constant = literal.Token.Value;
                return constant is null ? SyntaxValueKind.Unknown : SyntaxValueKind.Constant;
            default:
                // default and UTF-8 strings: left to the compiler.
                return SyntaxValueKind.Unknown;
        }
    }

    // -2147483648 is an int although 2147483648 alone is a uint; the other signed literals keep their type.
    private static SyntaxValueKind ReadSigned(object? number, bool negative, out object? constant)
    {
        constant = (number, negative) switch
        {
            (int i, true) => -i,
            (int i, false) => i,
            (uint u, true) when u == 2147483648u => int.MinValue,
            (long l, true) => -l,
            (long l, false) => l,
            (double d, true) => -d,
            (double d, false) => d,
            (float f, true) => -f,
            (float f, false) => f,
            _ => null,
        };
        return constant is null ? SyntaxValueKind.Unknown : SyntaxValueKind.Constant;
    }

    private static SyntaxValueKind ReadSymbol(ISymbol? symbol, out object? constant)
    {
        constant = null;
        switch (symbol)
        {
            case ILocalSymbol local:
                if (!local.IsConst)
                {
                    return SyntaxValueKind.NotConstant;
                }

                constant = local.HasConstantValue ? local.ConstantValue : null;
                return local.HasConstantValue ? SyntaxValueKind.Constant : SyntaxValueKind.Unknown;
            case IFieldSymbol field:
                if (!field.IsConst)
                {
                    return SyntaxValueKind.NotConstant;
                }

                constant = field.HasConstantValue ? field.ConstantValue : null;
                return field.HasConstantValue ? SyntaxValueKind.Constant : SyntaxValueKind.Unknown;
            case IParameterSymbol or IPropertySymbol:
                return SyntaxValueKind.NotConstant;
            default:
                return SyntaxValueKind.Unknown;
        }
    }

    // VideoModels.Sora2 (a constant of a type named by a simple name), options.Model (a member of a variable: never a constant).
    private static SyntaxValueKind ReadMemberAccess(SemanticModel model, NameResolver names, MemberAccessExpressionSyntax access, out object? constant)
    {
        constant = null;
        if (access.Name is not IdentifierNameSyntax member)
        {
            return SyntaxValueKind.Unknown;
        }

        switch (access.Expression)
        {
            case IdentifierNameSyntax receiver:
                var symbol = names.Resolve(model, receiver);
                if (symbol is INamedTypeSymbol type)
                {
                    var members = type.GetMembers(member.Identifier.ValueText);
                    return members.Length == 1 ? ReadSymbol(members[0], out constant) : SyntaxValueKind.Unknown;
                }

                // A variable whose type has its name (Color Color) may stand for the type: left to the compiler.
                var variableType = NameLookup.TypeOfVariable(symbol);
                return variableType is null || string.Equals(variableType.Name, receiver.Identifier.ValueText, System.StringComparison.Ordinal)
                    ? SyntaxValueKind.Unknown
                    : SyntaxValueKind.NotConstant;

            case InvocationExpressionSyntax or ElementAccessExpressionSyntax or ThisExpressionSyntax or BaseExpressionSyntax
                or ObjectCreationExpressionSyntax or AwaitExpressionSyntax:
                return SyntaxValueKind.NotConstant;

            default:
                // A qualified type (LemonData.Video.VideoModels.Sora2), a predefined one (int.MaxValue), ...
                return SyntaxValueKind.Unknown;
        }
    }
}
