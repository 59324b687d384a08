using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LemonData.Video.Analyzers.Requests;

/// <summary>
/// The SDK's symbols in one compilation, resolved once at compilation start. A compilation without
/// <c>LemonData.Video.VideoGenerationRequest</c> from the LemonData.Video assembly gets none, and the
/// analyzer registers nothing for it.
/// </summary>
internal sealed class VideoSdk
{
    private const string SdkAssemblyName = "LemonData.Video";
    private const string RequestTypeName = "LemonData.Video.VideoGenerationRequest";
    private const string ClientTypeName = "LemonData.Video.LemonDataVideoClient";

    // Every RequestProperty by its C# name: the enum's names are the request's property names.
    private static readonly Dictionary<string, RequestProperty> PropertiesByName = IndexByName();

    private static readonly string[] SendMethodNames = { "CreateVideoAsync", "GenerateVideoAsync" };

    private readonly IPropertySymbol?[] properties;
    private readonly ImmutableArray<IMethodSymbol> sendMethods;
    private readonly INamedTypeSymbol? clientType;

    private VideoSdk(INamedTypeSymbol requestType, IPropertySymbol?[] properties, ImmutableArray<IMethodSymbol> sendMethods, INamedTypeSymbol? clientType)
    {
        RequestType = requestType;
        this.properties = properties;
        this.sendMethods = sendMethods;
        this.clientType = clientType;
    }

    public INamedTypeSymbol RequestType { get; }

    /// <summary>The SDK in <paramref name="compilation"/>, or null when the compilation does not reference it.</summary>
    public static VideoSdk? TryCreate(Compilation compilation)
    {
        var requestType = compilation.GetTypeByMetadataName(RequestTypeName);
        if (requestType is null || requestType.ContainingAssembly?.Name != SdkAssemblyName)
        {
            return null;
        }

        var properties = new IPropertySymbol?[RequestProperties.Count];
        for (var i = 0; i < properties.Length; i++)
        {
            foreach (var member in requestType.GetMembers(((RequestProperty)i).ToString()))
            {
                if (member is IPropertySymbol { IsStatic: false, Parameters.Length: 0 } property)
                {
                    properties[i] = property;
                    break;
                }
            }
        }

        var sendMethods = ImmutableArray.CreateBuilder<IMethodSymbol>();
        var clientType = compilation.GetTypeByMetadataName(ClientTypeName);
        if (clientType is not null && SymbolEqualityComparer.Default.Equals(clientType.ContainingAssembly, requestType.ContainingAssembly))
        {
            foreach (var name in SendMethodNames)
            {
                foreach (var member in clientType.GetMembers(name))
                {
                    if (member is IMethodSymbol method && !method.IsStatic)
                    {
                        sendMethods.Add(method);
                    }
                }
            }
        }

        return new VideoSdk(requestType, properties, sendMethods.ToImmutable(), sendMethods.Count > 0 ? clientType : null);
    }

    /// <summary>Which property of the request <paramref name="property"/> is, when it is one of the request's own.</summary>
    public bool TryGetProperty(IPropertySymbol property, out RequestProperty which)
    {
        // Called for every property assignment of a request: one comparison of the containing type rejects all but the
        // request's, and the name picks the one candidate (the request type has one property per name).
        if (SymbolEqualityComparer.Default.Equals(property.ContainingType, RequestType)
            && PropertiesByName.TryGetValue(property.Name, out which)
            && SymbolEqualityComparer.Default.Equals(property.OriginalDefinition, properties[(int)which]))
        {
            return true;
        }

        which = default;
        return false;
    }

    private static Dictionary<string, RequestProperty> IndexByName()
    {
        var index = new Dictionary<string, RequestProperty>(RequestProperties.Count, StringComparer.Ordinal);
        for (var i = 0; i < RequestProperties.Count; i++)
        {
            index.Add(((RequestProperty)i).ToString(), (RequestProperty)i);
        }

        return index;
    }

    /// <summary>
    /// Whether <paramref name="invocation"/> calls the client's <c>CreateVideoAsync</c> or <c>GenerateVideoAsync</c>,
    /// which send the request they are given and keep no reference to it. A call on a user's subclass that overrides
    /// the method is not one: the override may change the request before sending it.
    /// </summary>
    public bool IsSend(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod.OriginalDefinition;
        IMethodSymbol? send = null;
        foreach (var candidate in sendMethods)
        {
            if (SymbolEqualityComparer.Default.Equals(method, candidate))
            {
                send = candidate;
                break;
            }
        }

        if (send is null)
        {
            return false;
        }

        for (var type = invocation.Instance?.Type as INamedTypeSymbol; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, send.ContainingType))
            {
                return true;
            }

            foreach (var member in type.GetMembers(send.Name))
            {
                if (member is IMethodSymbol { IsOverride: true })
                {
                    return false;
                }
            }
        }

        return false;
    }

    public bool IsRequestType(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, RequestType);

    /// <summary>Which property of the request is named <paramref name="name"/>, when one is.</summary>
    public bool TryGetPropertyNamed(string name, out RequestProperty which) =>
        PropertiesByName.TryGetValue(name, out which) && properties[(int)which] is not null;

    /// <summary>Whether <paramref name="name"/> is the name of one of the client's methods that send a request.</summary>
    public static bool IsSendMethodName(string name) => Array.IndexOf(SendMethodNames, name) >= 0;

    /// <summary>
    /// Whether calling the send method <paramref name="name"/> on a receiver of type <paramref name="receiverType"/> calls the
    /// client's own method, read from the types alone, as <see cref="IsSend"/> reads it from a bound call: true for the client
    /// and a subclass that declares nothing of that name; false for a type that is no client; null for a subclass that declares
    /// a member of that name (an override may change the request before sending it; a new method is another method).
    /// </summary>
    public bool? IsSendReceiver(ITypeSymbol? receiverType, string name)
    {
        if (clientType is null || receiverType is not INamedTypeSymbol { TypeKind: TypeKind.Class } type)
        {
            return receiverType is null || clientType is null ? null : false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, clientType))
            {
                return true;
            }

            if (!current.GetMembers(name).IsEmpty)
            {
                return null;
            }
        }

        return false;
    }
}
