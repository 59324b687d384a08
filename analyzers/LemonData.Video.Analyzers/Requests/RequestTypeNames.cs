using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LemonData.Video.Analyzers.Requests;

/// <summary>
/// The simple names under which a compilation can write the SDK's request type in <c>new X { ... }</c>: its own name, the
/// names of the classes the compilation derives from it (at any depth), and the aliases of any of them, found from the
/// declarations' syntax once per compilation. An object initializer of a type by any other name (<c>new Order { Model = ... }</c>)
/// is then set aside without asking the semantic model anything: on ordinary code, the first question about a file costs more
/// than everything else the analyzer does there.
/// </summary>
/// <remarks>
/// A class derived from the request in another assembly than the SDK's would have a name this cannot see; when a referenced
/// assembly other than the SDK's own packages references the SDK, the names are not used (<see cref="IsComplete"/> false)
/// and every creation is looked up, as before.
/// </remarks>
internal sealed class RequestTypeNames
{
    private const string RequestTypeName = "VideoGenerationRequest";

    private readonly HashSet<string> names;

    private RequestTypeNames(HashSet<string> names, bool isComplete, IReadOnlyDictionary<string, INamedTypeSymbol> uniqueTypes)
    {
        this.names = names;
        IsComplete = isComplete;
        UniqueTypes = uniqueTypes;
    }

    /// <summary>
    /// The SDK's types a request is written with (the request, <c>VideoModels</c>, the client) whose simple name no source type,
    /// no alias and no other referenced assembly declares: where that name compiles, it means the SDK's type.
    /// </summary>
    /// <remarks>
    /// In code that does not compile because the SDK's namespace is not imported, the name is read as the SDK's type all the
    /// same: a rule may then report beside the compiler's CS0246 on the request the user is writing.
    /// </remarks>
    public IReadOnlyDictionary<string, INamedTypeSymbol> UniqueTypes { get; }

    /// <summary>Whether every name the request type can be written with in this compilation is known.</summary>
    public bool IsComplete { get; }

    /// <summary>False when <paramref name="type"/> certainly does not name the request type or a class derived from it.</summary>
    public bool MayName(TypeSyntax type)
    {
        if (!IsComplete)
        {
            return true;
        }

        var rightmost = type switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            _ => null,
        };
        return rightmost is null || names.Contains(rightmost);
    }

    public static RequestTypeNames Find(Compilation compilation, INamedTypeSymbol requestType, CancellationToken cancellationToken)
    {
        var sdkAssembly = requestType.ContainingAssembly;
        var names = new HashSet<string>(StringComparer.Ordinal) { RequestTypeName };
        var declarations = new List<(string Name, string? BaseName)>();
        var aliases = new List<(string Alias, string Target)>();
        var hasUsingStatic = false;
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Collect(tree.GetRoot(cancellationToken), declarations, aliases, ref hasUsingStatic);
        }

        // To a fixed point: a class derived from a class derived from the request, an alias of either.
        for (var added = true; added;)
        {
            added = false;
            foreach (var (name, baseName) in declarations)
            {
                if (baseName is not null && names.Contains(baseName) && names.Add(name))
                {
                    added = true;
                }
            }

            foreach (var (alias, target) in aliases)
            {
                if (names.Contains(target) && names.Add(alias))
                {
                    added = true;
                }
            }
        }

        return new RequestTypeNames(names, IsCompleteFor(compilation, sdkAssembly), hasUsingStatic ? new Dictionary<string, INamedTypeSymbol>() : FindUniqueTypes(compilation, requestType, declarations, aliases));
    }

    private static Dictionary<string, INamedTypeSymbol> FindUniqueTypes(
        Compilation compilation,
        INamedTypeSymbol requestType,
        List<(string Name, string? BaseName)> declarations,
        List<(string Alias, string Target)> aliases)
    {
        var unique = new Dictionary<string, INamedTypeSymbol>(StringComparer.Ordinal);
        foreach (var metadataName in new[] { "LemonData.Video.VideoGenerationRequest", "LemonData.Video.VideoModels", "LemonData.Video.LemonDataVideoClient" })
        {
            if (compilation.GetTypeByMetadataName(metadataName) is { } type
                && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, requestType.ContainingAssembly)
                && IsUnique(compilation, type, declarations, aliases))
            {
                unique.Add(type.Name, type);
            }
        }

        return unique;
    }

    private static bool IsUnique(Compilation compilation, INamedTypeSymbol type, List<(string Name, string? BaseName)> declarations, List<(string Alias, string Target)> aliases)
    {
        foreach (var (name, _) in declarations)
        {
            if (name == type.Name)
            {
                return false;
            }
        }

        foreach (var (alias, _) in aliases)
        {
            if (alias == type.Name)
            {
                return false;
            }
        }

        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (!SymbolEqualityComparer.Default.Equals(assembly, type.ContainingAssembly) && assembly.TypeNames.Contains(type.Name))
            {
                return false;
            }
        }

        // Source delegates, enums and the like with the name: not in the declarations above, so asked of the compilation.
        return !compilation.ContainsSymbolsWithName(type.Name, SymbolFilter.Type);
    }

    private static void Collect(SyntaxNode node, List<(string, string?)> declarations, List<(string, string)> aliases, ref bool hasUsingStatic)
    {
        foreach (var child in node.ChildNodes())
        {
            switch (child)
            {
                case UsingDirectiveSyntax { Alias: { } alias, Name: { } target }:
                    aliases.Add((alias.Name.Identifier.ValueText, RightmostName(target) ?? string.Empty));
                    break;
                case UsingDirectiveSyntax { StaticKeyword.RawKind: not 0 }:
                    // using static brings members of its own into every scope of the file: no name is then unique for sure.
                    hasUsingStatic = true;
                    break;
                case BaseNamespaceDeclarationSyntax:
                    Collect(child, declarations, aliases, ref hasUsingStatic);
                    break;
                case TypeDeclarationSyntax type:
                    var baseType = type.BaseList is { Types.Count: > 0 } bases ? RightmostName(bases.Types[0].Type) : null;
                    declarations.Add((type.Identifier.ValueText, baseType));
                    Collect(child, declarations, aliases, ref hasUsingStatic);
                    break;
            }
        }
    }

    private static string? RightmostName(TypeSyntax type) =>
        type switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            _ => null,
        };

    // The SDK's own packages (LemonData.Video.*) derive nothing from the request; any other assembly that references the SDK might.
    private static bool IsCompleteFor(Compilation compilation, IAssemblySymbol sdkAssembly)
    {
        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly
                || SymbolEqualityComparer.Default.Equals(assembly, sdkAssembly)
                || assembly.Name.StartsWith(sdkAssembly.Name + ".", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var module in assembly.Modules)
            {
                foreach (var referenced in module.ReferencedAssemblies)
                {
                    if (referenced.Name == sdkAssembly.Name)
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }
}
