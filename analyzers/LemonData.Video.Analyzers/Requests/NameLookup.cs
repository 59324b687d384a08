using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LemonData.Video.Analyzers.Requests;

/// <summary>
/// What a name in a method refers to, asked of the binder's scopes (<see cref="SemanticModel.LookupSymbols"/>,
/// <see cref="SemanticModel.LookupNamespacesAndTypes"/>, speculative binding of a type) instead of binding the method.
/// </summary>
/// <remarks>
/// Measured on the benchmark's corpus: the first question about an expression in a method (its operation, its symbol, its
/// constant) binds the whole method with its nullable analysis, about 1.8 ms for a method of ten requests; a lookup in the
/// same method costs about a tenth of that, and nothing after the first lookup in a file costs much at all.
/// </remarks>
internal static class NameLookup
{
    /// <summary>The one symbol the simple name <paramref name="name"/> refers to at <paramref name="position"/>, or null.</summary>
    public static ISymbol? Single(SemanticModel model, int position, string name)
    {
        var symbols = model.LookupSymbols(position, name: name);
        return symbols.Length == 1 ? symbols[0] : null;
    }

    /// <summary>The type <paramref name="type"/> names where it is written, or null when it names none or several.</summary>
    public static ITypeSymbol? TypeOf(SemanticModel model, TypeSyntax type)
    {
        if (type is IdentifierNameSyntax identifier)
        {
            ITypeSymbol? found = null;
            foreach (var symbol in model.LookupNamespacesAndTypes(type.SpanStart, name: identifier.Identifier.ValueText))
            {
                if (symbol is INamedTypeSymbol { Arity: 0 } named)
                {
                    if (found is not null)
                    {
                        return null;
                    }

                    found = named;
                }
            }

            return found;
        }

        return type is GenericNameSyntax
            ? null
            : model.GetSpeculativeTypeInfo(type.SpanStart, type, SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
    }

    /// <summary>The type of the variable <paramref name="symbol"/> is (a local, a parameter, a field or a property), or null.</summary>
    public static ITypeSymbol? TypeOfVariable(ISymbol? symbol) =>
        symbol switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };
}
