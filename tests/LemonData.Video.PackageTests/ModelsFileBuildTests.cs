using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.PackageTests.Support;
using Xunit.Abstractions;

namespace LemonData.Video.PackageTests;

/// <summary>
/// The package's build targets hand the analyzer the catalog file: a consumer's <c>dotnet build</c> with
/// <c>lemondata-models.json</c> next to the project checks requests against its contracts, without it stays silent on
/// them, and reads the file <c>$(LemonDataVideoModelsFile)</c> names instead when it is set.
/// </summary>
[Collection(PackagedConsumerCollection.Name)]
public sealed class ModelsFileBuildTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);
    private static readonly string[] ContractIds = { "LDV0009", "LDV0013", "LDV0014", "LDV0015", "LDV0016" };
    private static readonly SemaphoreSlim OneBuildAtATime = new(1, 1);

    private const string Catalog = """
        {
          "format": "lemondata-video-models/1",
          "models": [
            {
              "id": "seedance-2.0-fast",
              "durations": [4, 5, 6, 8, 10, 12, 15],
              "resolutions": ["480p", "720p"],
              "aspect_ratios": ["1:1", "3:4", "4:3", "9:16", "16:9", "21:9"],
              "supported_parameters": ["prompt", "image_url", "start_image", "end_image", "duration", "resolution", "aspect_ratio", "seed", "reference_images", "output_audio"]
            }
          ]
        }
        """;

    // Line numbers as the SARIF log gives them (1-based).
    private const string Program = """
        using System.Threading.Tasks;
        using LemonData.Video;

        public static class Program
        {
            public static async Task Main()
            {
                var client = new LemonDataVideoClient("sk-test");
                await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "seedance-2.0-fast", Resolution = "4k" });
                await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "seedance-2.0-fast", AspectRatio = "2:1" });
                await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "seedance-2.0-fast", Duration = 7 });
                await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "seedance-2.0-fast", Fps = 24 });
                await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "seedance-2.0-fast", Resolution = "720p", Duration = 8 });
            }
        }

        """;

    private static readonly string[] Expected = { "9: LDV0013", "10: LDV0014", "11: LDV0009", "12: LDV0015" };

    private readonly PackagedConsumer consumer;
    private readonly ITestOutputHelper output;

    public ModelsFileBuildTests(PackagedConsumer consumer, ITestOutputHelper output)
    {
        this.consumer = consumer;
        this.output = output;
    }

    [Fact]
    public async Task The_file_next_to_the_project_is_read()
    {
        var results = await BuildAsync("next-to-project", project => File.WriteAllText(Path.Combine(project, "lemondata-models.json"), Catalog));
        Assert.Equal(Expected, Contract(results));
        Assert.All(results.Where(r => r.RuleId == "LDV0013"), r => Assert.Contains("offers only 480p, 720p", r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_the_file_no_contract_rule_fires()
    {
        var results = await BuildAsync("no-file", _ => { });
        Assert.Empty(Contract(results));
        Assert.Empty(results.Where(r => r.RuleId.StartsWith("LDV", StringComparison.Ordinal)).Select(r => r.Line + ": " + r.RuleId + " " + r.Message));
    }

    [Fact]
    public async Task LemonDataVideoModelsFile_points_to_the_file_elsewhere()
    {
        // A broken lemondata-models.json beside the project proves it is not the one read: it would be LDV0016.
        var results = await BuildAsync(
            "elsewhere",
            project =>
            {
                File.WriteAllText(Path.Combine(project, "lemondata-models.json"), "{ not json");
                var shared = Path.Combine(project, "..", "elsewhere-shared");
                Directory.CreateDirectory(shared);
                File.WriteAllText(Path.Combine(shared, "catalog.json"), Catalog);
            },
            "<LemonDataVideoModelsFile>../elsewhere-shared/catalog.json</LemonDataVideoModelsFile>");
        Assert.Equal(Expected, Contract(results));
    }

    [Fact]
    public async Task A_bad_file_is_reported_at_its_line_in_the_file()
    {
        var results = await BuildAsync(
            "bad-entry",
            project => File.WriteAllText(Path.Combine(project, "lemondata-models.json"), Catalog.Replace("[\"480p\", \"720p\"]", "[\"480p\", 720]", StringComparison.Ordinal)));
        var problem = Assert.Single(results, r => r.RuleId == "LDV0016");
        Assert.EndsWith("/lemondata-models.json", problem.File, StringComparison.Ordinal);
        Assert.Equal(7, problem.Line);
        Assert.StartsWith("models[0].resolutions[1]: ", problem.Message, StringComparison.Ordinal);

        // The entry is skipped: its model has no lists, so no contract rule fires on the code.
        Assert.DoesNotContain(results, r => r.RuleId != "LDV0016" && r.RuleId.StartsWith("LDV", StringComparison.Ordinal));
    }

    private static List<string> Contract(IEnumerable<SarifResult> results) =>
        results.Where(r => ContractIds.Contains(r.RuleId)).OrderBy(r => r.Line).ThenBy(r => r.RuleId, StringComparer.Ordinal).Select(r => r.Line + ": " + r.RuleId).ToList();

    private async Task<IReadOnlyList<SarifResult>> BuildAsync(string name, Action<string> prepare, string? properties = null)
    {
        var projectPath = consumer.WriteProject(Path.Combine("models-" + name, "app"), "App.csproj", new Dictionary<string, string> { ["Program.cs"] = Program }, properties);
        var project = Path.GetDirectoryName(projectPath)!;
        prepare(project);

        var sarif = Path.Combine(consumer.Root, "models-" + name + ".sarif");
        var arguments = new List<string> { "build", projectPath, "-c", "Debug", "-p:ErrorLog=" + sarif + "%2Cversion=2.1", "-v:minimal" };
        arguments.AddRange(DotNet.NoLingeringProcesses);

        // The builds share the machine with the collection's own: one at a time keeps each within its time limit.
        await OneBuildAtATime.WaitAsync();
        ProcessResult build;
        try
        {
            build = await DotNet.RunAsync(project, arguments, BuildTimeout);
        }
        finally
        {
            OneBuildAtATime.Release();
        }

        output.WriteLine(build.Describe(maxLines: 40));
        Assert.True(build.ExitCode == 0 && File.Exists(sarif), "the build failed or wrote no SARIF log:\n" + build.Describe());
        var results = SarifLog.Load(sarif).Results;
        foreach (var result in results)
        {
            output.WriteLine($"SARIF {result.File}({result.Line},{result.Column}) {result.RuleId}: {result.Message}");
        }

        return results;
    }
}
