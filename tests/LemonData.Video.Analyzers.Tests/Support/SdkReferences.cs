using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LemonData.Video.Analyzers.Tests.Support;

/// <summary>What test code compiles against: .NET 8's reference assemblies and the real LemonData.Video assembly.</summary>
internal static class SdkReferences
{
    /// <summary>The .NET 8 reference pack, as the analyzer's oldest supported users compile against.</summary>
    public static ReferenceAssemblies Framework { get; } = ReferenceAssemblies.Net.Net80;

    /// <summary>The SDK assembly the test project builds (net8.0), the one the package ships.</summary>
    public static MetadataReference Sdk { get; } = MetadataReference.CreateFromFile(typeof(VideoGenerationRequest).Assembly.Location);

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ImmutableArray<MetadataReference> resolved;

    /// <summary>The framework references plus the SDK, for tests that compile on their own.</summary>
    public static async Task<ImmutableArray<MetadataReference>> WithSdkAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (resolved.IsDefault)
            {
                var framework = await Framework.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
                resolved = framework.Add(Sdk);
            }

            return resolved;
        }
        finally
        {
            Gate.Release();
        }
    }
}
