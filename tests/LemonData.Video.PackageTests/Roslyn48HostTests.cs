using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Threading.Tasks;
using LemonData.Video.PackageTests.Support;
using Xunit.Abstractions;

namespace LemonData.Video.PackageTests;

/// <summary>
/// The oldest host the analyzer names, Roslyn 4.8: the packed analyzer and code fixes, loaded in a Workspaces 4.8
/// process (tests/LemonData.Video.Roslyn48Host) with the System.Composition that Workspaces 4.8 depends on, fix a
/// document of an AdhocWorkspace as an editor would.
/// </summary>
[Collection(PackagedConsumerCollection.Name)]
public sealed class Roslyn48HostTests
{
    private const string Requests = """
        using LemonData.Video;

        public static class Requests
        {
            public static VideoGenerationRequest WrongModel() => new VideoGenerationRequest { Prompt = "a cat", Model = "sora2" };

            public static VideoGenerationRequest TooManyFrames() => new VideoGenerationRequest { Prompt = "a cat", Fps = 240 };
        }

        """;

    private readonly PackagedConsumer consumer;
    private readonly ITestOutputHelper output;

    public Roslyn48HostTests(PackagedConsumer consumer, ITestOutputHelper output)
    {
        this.consumer = consumer;
        this.output = output;
    }

    [Fact]
    public void The_packed_code_fixes_reference_Roslyn_4_8_and_the_System_Composition_it_depends_on()
    {
        var codeFixes = Path.Combine(consumer.RestoredPackageDirectory, "analyzers", "dotnet", "cs", ConsumerWorkspace.CodeFixesAssemblyFileName);
        using var pe = new PEReader(File.OpenRead(codeFixes));
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences
            .Select(handle => metadata.GetAssemblyReference(handle))
            .ToDictionary(reference => metadata.GetString(reference.Name), reference => reference.Version.ToString());
        output.WriteLine(string.Join(Environment.NewLine, references.Select(r => r.Key + " " + r.Value)));

        // Workspaces 4.8 depends on System.Composition 7.0.0: a 4.8 host has AttributedModel 7.0.0.0, later hosts newer.
        Assert.Equal("7.0.0.0", references["System.Composition.AttributedModel"]);
        Assert.Equal("4.8.0.0", references["Microsoft.CodeAnalysis.Workspaces"]);
        Assert.Equal("4.8.0.0", references["Microsoft.CodeAnalysis"]);
    }

    [Fact]
    public async Task The_packed_fixes_for_LDV0001_and_LDV0006_apply_in_a_Roslyn_4_8_workspace_host()
    {
        var host = await consumer.GetRoslyn48HostAsync();
        var source = Path.Combine(consumer.Root, "roslyn48", "Requests.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(source)!);
        await File.WriteAllTextAsync(source, Requests);

        var (process, report) = await host.RunAsync(
            Path.Combine(consumer.RestoredPackageDirectory, "analyzers", "dotnet", "cs"),
            Path.Combine(consumer.RestoredPackageDirectory, "lib", "net8.0", "LemonData.Video.dll"),
            source,
            new[] { "LDV0001", "LDV0006" });
        output.WriteLine(process.Describe());

        Assert.Null(report.Error);
        Assert.Equal(0, process.ExitCode);
        Assert.StartsWith("4.8.0.0 ", report.Roslyn, StringComparison.Ordinal);
        Assert.StartsWith("7.0.0.0 ", report.HostSystemComposition, StringComparison.Ordinal);
        Assert.Equal("System.Composition.AttributedModel 7.0.0.0", report.FixesReferenceSystemComposition);
        Assert.Equal(new[] { "VideoRequestAnalyzer" }, report.Analyzers);
        Assert.Contains("UseSuggestedModelIdFix", report.CodeFixProviders);
        Assert.Contains("ClampToNearestBoundFix", report.CodeFixProviders);
        Assert.Empty(report.CompilerErrors);
        Assert.Equal(new[] { "LDV0001 at line 5", "LDV0006 at line 7" }, report.Diagnostics);

        Assert.Collection(
            report.Fixes,
            model =>
            {
                Assert.Equal(("LDV0001", "Use model 'sora-2'", 5), (model.Id, model.Title, model.Line));
                Assert.Contains("Model = \"sora2\" };", model.Before, StringComparison.Ordinal);
                Assert.Equal(model.Before.Replace("\"sora2\"", "\"sora-2\"", StringComparison.Ordinal), model.After);
            },
            fps =>
            {
                Assert.Equal(("LDV0006", "Use 120, the nearest value in range", 7), (fps.Id, fps.Title, fps.Line));
                Assert.Contains("Fps = 240 };", fps.Before, StringComparison.Ordinal);
                Assert.Equal(fps.Before.Replace("Fps = 240", "Fps = 120", StringComparison.Ordinal), fps.After);
            });
        Assert.Empty(report.Remaining);
    }
}
