using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LemonData.Video.Analyzers.Requests;

/// <summary>
/// What a simple name in a method refers to, found mostly from the syntax: a parameter or a local is found by walking out
/// through the scopes around the name; a member of the type, a type or a namespace is looked up once per type declaration
/// and name (<see cref="NameLookup"/>) and shared by every method of the type. One instance per compilation.
/// </summary>
/// <remarks>
/// Measured on the benchmark's corpus: one <see cref="SemanticModel.LookupSymbols"/> costs about 30 us (it lists what every
/// imported namespace holds), and a request asks for a handful of names; the scopes around a name are a few syntax nodes.
/// A name the walk cannot place for certain (declared by a pattern or an <c>out var</c>, in a query, in a local function or a
/// lambda whose symbol needs binding) is looked up where it stands, uncached: slower, never wrong.
/// </remarks>
internal sealed class NameResolver
{
    // Per thread: the analyzer's callbacks run on several threads at once, and a shared dictionary's locks were a fifth of its
    // time in a trace. A thread that meets a scope another thread already resolved resolves it again, to the same answer.
    private readonly ThreadLocal<Dictionary<(SyntaxNode Scope, string Name), Resolved>> memberNames = new(() => new());
    private readonly ThreadLocal<Dictionary<(SyntaxNode Member, string Name), bool>> localNames = new(() => new());
    private readonly IReadOnlyDictionary<string, INamedTypeSymbol> uniqueTypes;

    /// <param name="uniqueTypes">
    /// The SDK's types whose simple name nothing else in the compilation declares (<see cref="RequestTypeNames"/>): such a name
    /// that no scope, member or type parameter around it declares can only mean that type, with no lookup at all.
    /// </param>
    public NameResolver(IReadOnlyDictionary<string, INamedTypeSymbol> uniqueTypes) => this.uniqueTypes = uniqueTypes;

    /// <summary>The symbol <paramref name="name"/> refers to in an expression, or null when it is none or several.</summary>
    public ISymbol? Resolve(SemanticModel model, IdentifierNameSyntax name)
    {
        var text = name.Identifier.ValueText;
        SyntaxNode? member = null;
        for (SyntaxNode? node = name.Parent, child = name; node is not null; child = node, node = node.Parent)
        {
            switch (node)
            {
                case AnonymousFunctionExpressionSyntax function when Declares(function, text):
                case LocalFunctionStatementSyntax localFunction when Declares(localFunction.ParameterList, text) || Declares(localFunction.TypeParameterList, text):
                    // A parameter of a lambda or a local function: its symbol needs the function bound.
                    return NameLookup.Single(model, name.SpanStart, text);

                case BlockSyntax block when FindLocal(block.Statements, text) is { } declarator:
                    return model.GetDeclaredSymbol(declarator);

                case SwitchSectionSyntax section when FindLocal(section.Statements, text) is { } declarator:
                    return model.GetDeclaredSymbol(declarator);

                case ForStatementSyntax { Declaration: { } declaration } when Find(declaration, text) is { } declarator:
                    return model.GetDeclaredSymbol(declarator);

                case UsingStatementSyntax { Declaration: { } declaration } when Find(declaration, text) is { } declarator:
                    return model.GetDeclaredSymbol(declarator);

                case FixedStatementSyntax fixedStatement when Find(fixedStatement.Declaration, text) is { } declarator:
                    return model.GetDeclaredSymbol(declarator);

                case ForEachStatementSyntax forEach when forEach.Identifier.ValueText == text && child != forEach.Expression:
                    return model.GetDeclaredSymbol(forEach);

                case CatchClauseSyntax { Declaration: { } catchDeclaration } when catchDeclaration.Identifier.ValueText == text:
                    return model.GetDeclaredSymbol(catchDeclaration);

                case AccessorDeclarationSyntax when text == "value":
                    // The implicit parameter of a setter, an init or an event accessor (or a member named value elsewhere).
                    return NameLookup.Single(model, name.SpanStart, text);

                case BaseMethodDeclarationSyntax method:
                    if (method is MethodDeclarationSyntax { TypeParameterList: { } typeParameters } && Declares(typeParameters, text))
                    {
                        return NameLookup.Single(model, name.SpanStart, text);
                    }

                    if (FindParameter(method.ParameterList, text) is { } parameter)
                    {
                        return model.GetDeclaredSymbol(parameter);
                    }

                    member = method;
                    break;

                case MemberDeclarationSyntax declaration when member is null && declaration is not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax:
                    // A property, an accessor's property, a field, an event: no parameter of its own that a name could refer to
                    // but an indexer's, which the lookup below finds.
                    member = declaration is IndexerDeclarationSyntax ? null : declaration;
                    if (member is null)
                    {
                        return NameLookup.Single(model, name.SpanStart, text);
                    }

                    break;

                case TypeDeclarationSyntax type:
                    // Outside every local scope of the member: what the name means is the same in every member of this type,
                    // unless some local scope of this member declares it in a way the walk did not see.
                    if (member is null || DeclaresLocally(member, text))
                    {
                        return NameLookup.Single(model, name.SpanStart, text);
                    }

                    var cache = memberNames.Value!;
                    if (!cache.TryGetValue((type, text), out var resolved))
                    {
                        resolved = new Resolved(uniqueTypes.TryGetValue(text, out var unique) && !DeclaresAround(model, type, text)
                            ? unique
                            : NameLookup.Single(model, name.SpanStart, text));
                        cache[(type, text)] = resolved;
                    }

                    return resolved.Symbol;
            }
        }

        return NameLookup.Single(model, name.SpanStart, text);
    }

    /// <summary>The type <paramref name="type"/> names, looked up once per type declaration and name.</summary>
    public ITypeSymbol? TypeOf(SemanticModel model, TypeSyntax type)
    {
        if (type is not IdentifierNameSyntax name)
        {
            return NameLookup.TypeOf(model, type);
        }

        for (var node = type.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case MethodDeclarationSyntax { TypeParameterList: { } typeParameters } when Declares(typeParameters, name.Identifier.ValueText):
                case LocalFunctionStatementSyntax { TypeParameterList: { } localTypeParameters } when Declares(localTypeParameters, name.Identifier.ValueText):
                    return NameLookup.TypeOf(model, type);
                case TypeDeclarationSyntax declaration:
                    var text = name.Identifier.ValueText;
                    var cache = memberNames.Value!;
                    if (!cache.TryGetValue((declaration, "type " + text), out var resolved))
                    {
                        resolved = new Resolved(uniqueTypes.TryGetValue(text, out var unique) && !DeclaresAround(model, declaration, text)
                            ? unique
                            : NameLookup.TypeOf(model, type));
                        cache[(declaration, "type " + text)] = resolved;
                    }

                    return resolved.Symbol as ITypeSymbol;
            }
        }

        return NameLookup.TypeOf(model, type);
    }

    // Whether the type declaration, a type around it, or one they derive from declares a member, a type parameter or a primary
    // constructor parameter named name: the names a lookup finds before the namespaces'.
    private static bool DeclaresAround(SemanticModel model, TypeDeclarationSyntax innermost, string name)
    {
        for (SyntaxNode? node = innermost; node is not null; node = node.Parent)
        {
            if (node is not TypeDeclarationSyntax declaration)
            {
                continue;
            }

            if ((declaration.ParameterList is { } primary && Declares(primary, name)) || Declares(declaration.TypeParameterList, name))
            {
                return true;
            }

            for (var type = model.GetDeclaredSymbol(declaration) as INamedTypeSymbol; type is not null; type = type.BaseType)
            {
                if (!type.GetMembers(name).IsEmpty)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Whether a local scope of the member declares name (a local, a pattern, out or deconstruction variable, a loop or catch
    // variable, a local function, a lambda's or local function's parameter, a query variable): found from the places the text
    // spells the name, each looked at as a token, instead of walking every node of the member.
    private bool DeclaresLocally(SyntaxNode member, string name)
    {
        var cache = localNames.Value!;
        if (!cache.TryGetValue((member, name), out var declares))
        {
            declares = FindLocalDeclaration(member, name);
            cache[(member, name)] = declares;
        }

        return declares;
    }

    private static bool FindLocalDeclaration(SyntaxNode member, string name)
    {
        if (!member.SyntaxTree.TryGetText(out var text))
        {
            text = member.SyntaxTree.GetText();
        }

        var span = member.Span;
        for (var position = span.Start; position <= span.End - name.Length; position++)
        {
            if (!SpellsAt(text, position, name))
            {
                continue;
            }

            // @name is the same identifier; an escape such as \u0041 in a name is not spelled as its text: then assume it declares.
            var token = member.FindToken(position);
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name && IsDeclaration(token))
            {
                return true;
            }
        }

        for (var position = span.Start; position < span.End - 1; position++)
        {
            if (text[position] == '\\' && (text[position + 1] == 'u' || text[position + 1] == 'U'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SpellsAt(Microsoft.CodeAnalysis.Text.SourceText text, int position, string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            if (text[position + i] != name[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDeclaration(SyntaxToken identifier) =>
        identifier.Parent switch
        {
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: not FieldDeclarationSyntax and not EventFieldDeclarationSyntax } } => true,
            SingleVariableDesignationSyntax or ForEachStatementSyntax or CatchDeclarationSyntax or LocalFunctionStatementSyntax => true,
            ParameterSyntax { Parent.Parent: AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax } or ParameterSyntax { Parent: SimpleLambdaExpressionSyntax } => true,
            QueryClauseSyntax or QueryContinuationSyntax or JoinIntoClauseSyntax => true,
            _ => false,
        };

    private static bool Declares(AnonymousFunctionExpressionSyntax function, string name) =>
        function switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText == name,
            ParenthesizedLambdaExpressionSyntax parenthesized => FindParameter(parenthesized.ParameterList, name) is not null,
            AnonymousMethodExpressionSyntax { ParameterList: { } parameters } => FindParameter(parameters, name) is not null,
            _ => false,
        };

    private static bool Declares(ParameterListSyntax parameters, string name) => FindParameter(parameters, name) is not null;

    private static bool Declares(TypeParameterListSyntax? typeParameters, string name)
    {
        if (typeParameters is null)
        {
            return false;
        }

        foreach (var parameter in typeParameters.Parameters)
        {
            if (parameter.Identifier.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    private static ParameterSyntax? FindParameter(ParameterListSyntax parameters, string name)
    {
        foreach (var parameter in parameters.Parameters)
        {
            if (parameter.Identifier.ValueText == name)
            {
                return parameter;
            }
        }

        return null;
    }

    // A local declared by a declaration statement of the list: in scope in the whole list (using it before is an error).
    private static VariableDeclaratorSyntax? FindLocal(SyntaxList<StatementSyntax> statements, string name)
    {
        foreach (var statement in statements)
        {
            if (statement is LocalDeclarationStatementSyntax local && Find(local.Declaration, name) is { } declarator)
            {
                return declarator;
            }
        }

        return null;
    }

    private static VariableDeclaratorSyntax? Find(VariableDeclarationSyntax declaration, string name)
    {
        foreach (var variable in declaration.Variables)
        {
            if (variable.Identifier.ValueText == name)
            {
                return variable;
            }
        }

        return null;
    }

    // A lookup's answer, null included, as one value the cache can hold.
    private sealed class Resolved
    {
        public Resolved(ISymbol? symbol) => Symbol = symbol;

        public ISymbol? Symbol { get; }
    }
}
