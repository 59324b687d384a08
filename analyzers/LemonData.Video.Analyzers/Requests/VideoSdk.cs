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

    private static readonly ImmutableArray<string> PropertyNames = ImmutableArray.Create(
        nameof(RequestProperty.Model),
        nameof(RequestProperty.Prompt),
        nameof(RequestProperty.ImageUrl),
        nameof(RequestProperty.Image),
        nameof(RequestProperty.StartImage),
        nameof(RequestProperty.EndImage),
        nameof(RequestProperty.Duration),
        nameof(RequestProperty.Fps),
        nameof(RequestProperty.CfgScale),
        nameof(RequestProperty.MotionStrength));

    private readonly IPropertySymbol?[] properties;
    private readonly ImmutableArray<IMethodSymbol> sendMethods;

    private VideoSdk(INamedTypeSymbol requestType, IPropertySymbol?[] properties, ImmutableArray<IMethodSymbol> sendMethods)
    {
        RequestType = requestType;
        this.properties = properties;
        this.sendMethods = sendMethods;
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

        var properties = new IPropertySymbol?[PropertyNames.Length];
        for (var i = 0; i < PropertyNames.Length; i++)
        {
            foreach (var member in requestType.GetMembers(PropertyNames[i]))
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
            foreach (var name in new[] { "CreateVideoAsync", "GenerateVideoAsync" })
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

        return new VideoSdk(requestType, properties, sendMethods.ToImmutable());
    }

    /// <summary>Which rule property <paramref name="property"/> is, when it is one of the request's own.</summary>
    public bool TryGetProperty(IPropertySymbol property, out RequestProperty which)
    {
        // Called for every property assignment of the compilation: one comparison of the containing type rejects
        // all but the request's, and the name picks the one candidate (the request type has one property per name).
        var index = SymbolEqualityComparer.Default.Equals(property.ContainingType, RequestType) ? IndexOf(property.Name) : -1;
        if (index >= 0 && SymbolEqualityComparer.Default.Equals(property.OriginalDefinition, properties[index]))
        {
            which = (RequestProperty)index;
            return true;
        }

        which = default;
        return false;
    }

    /// <summary>Whether <paramref name="name"/> is the name of a rule property: the syntactic check before any symbol is looked at.</summary>
    public static bool IsPropertyName(string name) => IndexOf(name) >= 0;

    private static int IndexOf(string name) =>
        name switch
        {
            nameof(RequestProperty.Model) => (int)RequestProperty.Model,
            nameof(RequestProperty.Prompt) => (int)RequestProperty.Prompt,
            nameof(RequestProperty.ImageUrl) => (int)RequestProperty.ImageUrl,
            nameof(RequestProperty.Image) => (int)RequestProperty.Image,
            nameof(RequestProperty.StartImage) => (int)RequestProperty.StartImage,
            nameof(RequestProperty.EndImage) => (int)RequestProperty.EndImage,
            nameof(RequestProperty.Duration) => (int)RequestProperty.Duration,
            nameof(RequestProperty.Fps) => (int)RequestProperty.Fps,
            nameof(RequestProperty.CfgScale) => (int)RequestProperty.CfgScale,
            nameof(RequestProperty.MotionStrength) => (int)RequestProperty.MotionStrength,
            _ => -1,
        };

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
}
