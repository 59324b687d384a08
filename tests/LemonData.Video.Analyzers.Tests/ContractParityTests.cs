using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using LemonData.Video.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>
/// One source of truth with a catalog file, proved on many requests: each one, written as code, gets from the analyzer
/// (reading lemondata-models.json as an AdditionalFile) exactly the ids and messages that the client's validation gives
/// the same request at run time with the same file loaded (<c>VideoModelCatalog.Load</c>).
/// </summary>
public class ContractParityTests
{
    private const string Url = "https://example.com/cat.png";
    private const string DataUrl = "data:image/png;base64,iVBORw0KGgo=";

    // As 'lemondata-video models sync' writes it: a model with every list, a newer model with some, the default model
    // replaced with a contract, a snapshot model whose file entry has operations only (image-to-video only), and a
    // fixed-length snapshot model the file does not touch.
    private const string SyncedFile = """
        {
          "format": "lemondata-video-models/1",
          "synced_at": "2026-12-02T10:00:00Z",
          "source": "https://api.lemondata.cc",
          "models": [
            {
              "id": "acme-video-9",
              "provider": "Acme",
              "capabilities": ["text-to-video", "image-to-video"],
              "durations": [5, 10],
              "resolutions": ["720p", "1080p"]
            },
            {
              "id": "kling-v2.1-pro",
              "provider": "Kuaishou",
              "operations": ["image-to-video"]
            },
            {
              "id": "seedance-2.0-fast",
              "provider": "ByteDance",
              "capabilities": ["text-to-video", "image-to-video", "keyframes"],
              "operations": ["text-to-video", "image-to-video", "start-end-to-video", "reference-to-video"],
              "durations": [4, 5, 6, 8, 10, 12, 15],
              "resolutions": ["480p", "720p"],
              "aspect_ratios": ["1:1", "3:4", "4:3", "9:16", "16:9", "21:9"],
              "supported_parameters": ["prompt", "image_url", "start_image", "end_image", "duration", "resolution", "aspect_ratio", "seed", "reference_images", "output_audio"]
            },
            {
              "id": "sora-2",
              "provider": "OpenAI",
              "capabilities": ["text-to-video"],
              "aspect_ratios": ["16:9", "9:16"],
              "supported_parameters": ["prompt", "duration", "resolution", "aspect_ratio", "seed", "negative_prompt"]
            }
          ]
        }
        """;

    private static readonly string?[] Models = { null, "seedance-2.0-fast", "acme-video-9", "sora-2", "kling-v2.1-pro", "veo3", "runwayml-gen4-turbo-5", "acme-unknown-1" };
    private static readonly string?[] Resolutions = { null, "480p", "720p", "4k" };
    private static readonly string?[] AspectRatios = { null, "16:9", "2:1" };
    private static readonly int?[] Durations = { null, 5, 7, 61 };

    private static readonly (string? Property, object? Value)[] Extras =
    {
        (null, null),
        ("Fps", 24),
        ("NegativePrompt", "blurry"),
        ("Seed", 42L),
        ("Image", DataUrl),
        ("ImageUrl", Url),
        ("StartImage", Url),
        ("Watermark", true),
        ("ReferenceImages", new[] { Url }),
    };

    [Fact]
    public async Task Every_combination_in_one_initializer_sent_to_the_client()
    {
        var requests = AllRequests().ToList();
        Assert.Equal(3456, requests.Count);
        await AssertParityAsync(requests, Initializer);
    }

    [Fact]
    public async Task A_sample_in_split_statements_on_a_local()
    {
        // Every fifth combination: the split form reads the same values through the local follower.
        await AssertParityAsync(AllRequests().Where((_, index) => index % 5 == 0).ToList(), SplitStatements);
    }

    [Fact]
    public async Task The_combinations_cover_every_rule_of_a_contract_and_the_file_changes_the_outcome()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var changed = 0;
        foreach (var request in AllRequests())
        {
            var withFile = Validate(request, Catalog());
            ids.UnionWith(withFile.Select(violation => violation.Id));
            if (!withFile.SequenceEqual(Validate(request, VideoModelCatalog.Snapshot)))
            {
                changed++;
            }
        }

        Assert.Subset(ids, new HashSet<string> { "LDV0001", "LDV0002", "LDV0003", "LDV0004", "LDV0009", "LDV0013", "LDV0014", "LDV0015" });
        Assert.True(changed > 1000, changed + " requests only are judged differently with the file");
    }

    private static IEnumerable<Dictionary<string, object>> AllRequests()
    {
        foreach (var model in Models)
        {
            foreach (var resolution in Resolutions)
            {
                foreach (var aspectRatio in AspectRatios)
                {
                    foreach (var duration in Durations)
                    {
                        foreach (var (property, value) in Extras)
                        {
                            var request = new Dictionary<string, object> { ["Prompt"] = "a cat" };
                            Add(request, "Model", model);
                            Add(request, "Resolution", resolution);
                            Add(request, "AspectRatio", aspectRatio);
                            Add(request, "Duration", duration);
                            if (property is not null)
                            {
                                request[property] = value!;
                            }

                            yield return request;
                        }
                    }
                }
            }
        }

        static void Add(Dictionary<string, object> request, string property, object? value)
        {
            if (value is not null)
            {
                request[property] = value;
            }
        }
    }

    // Each request on one line, so that a diagnostic's line says which request it is about.
    private static string Initializer(Dictionary<string, object> request) =>
        "        await client.CreateVideoAsync(new VideoGenerationRequest { "
        + string.Join(", ", request.Select(member => member.Key + " = " + Literal(member.Value))) + " });";

    private static string SplitStatements(Dictionary<string, object> request) =>
        "        { var request = new VideoGenerationRequest(); "
        + string.Join(" ", request.Select(member => "request." + member.Key + " = " + Literal(member.Value) + ";"))
        + " await client.CreateVideoAsync(request); }";

    private static async Task AssertParityAsync(List<Dictionary<string, object>> requests, Func<Dictionary<string, object>, string> write)
    {
        var catalog = Catalog();
        var reported = 0;
        const int RequestsPerCompilation = 600;
        for (var start = 0; start < requests.Count; start += RequestsPerCompilation)
        {
            var chunk = requests.Skip(start).Take(RequestsPerCompilation).ToList();
            var source = TestSource.InMethod(string.Join("\n", chunk.Select(write)));
            var firstLine = source.Split('\n').ToList().FindIndex(line => line.Contains("a cat", StringComparison.Ordinal));
            var diagnostics = await AllAnalyzers.RunAsync(true, null, ImmutableArray.Create(ModelsFiles.File(SyncedFile)), ("/Sample.cs", source));
            var byLine = diagnostics.ToLookup(diagnostic => diagnostic.Location.GetLineSpan().StartLinePosition.Line - firstLine);
            reported += diagnostics.Length;

            for (var i = 0; i < chunk.Count; i++)
            {
                var atCompileTime = byLine[i].Select(diagnostic => (diagnostic.Id, Message: diagnostic.GetMessage(CultureInfo.InvariantCulture))).Order().ToList();
                var atRunTime = Validate(chunk[i], catalog).Order().ToList();
                Assert.True(atRunTime.SequenceEqual(atCompileTime), write(chunk[i]).Trim() + "\nrun time:\n  " + string.Join("\n  ", atRunTime) + "\ncompile time:\n  " + string.Join("\n  ", atCompileTime));
            }
        }

        // Most of the combinations break some rule: parity of silence alone would prove little.
        Assert.True(reported > requests.Count, reported + " diagnostics for " + requests.Count + " requests");
    }

    private static VideoModelCatalog Catalog()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(SyncedFile));
        return VideoModelCatalog.Load(stream);
    }

    // The client's own validation (VideoRequestValidator with the catalog it is configured with), called as the client
    // calls it: internal to the SDK, so through reflection rather than InternalsVisibleTo, whose types would shadow the
    // analyzer's copies of the same shared source in this assembly.
    private static List<(string Id, string Message)> Validate(Dictionary<string, object> values, VideoModelCatalog catalog)
    {
        var request = new VideoGenerationRequest();
        foreach (var (property, value) in values)
        {
            typeof(VideoGenerationRequest).GetProperty(property)!.SetValue(request, value is string[] items ? items.ToList() : value);
        }

        var sdk = typeof(VideoGenerationRequest).Assembly;
        var factsType = sdk.GetType("LemonData.Video.ModelFacts", throwOnError: true)!;
        var facts = Activator.CreateInstance(factsType, catalog, null);
        var validate = sdk.GetType("LemonData.Video.VideoRequestValidator", throwOnError: true)!
            .GetMethod("Validate", BindingFlags.Public | BindingFlags.Static, [typeof(VideoGenerationRequest), factsType])!;
        var violations = (IReadOnlyList<VideoRequestViolation>)validate.Invoke(null, [request, facts])!;
        return violations.Select(violation => (violation.DiagnosticId, violation.Message)).ToList();
    }

    private static string Literal(object value) => value switch
    {
        string text => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true),
        long number => number.ToString(CultureInfo.InvariantCulture) + "L",
        int number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        string[] items => "new[] { " + string.Join(", ", items.Select(Literal)) + " }",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };
}
