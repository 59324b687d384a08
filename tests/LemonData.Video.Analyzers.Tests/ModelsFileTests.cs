extern alias Analyzers;

using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using CatalogFileReader = Analyzers::LemonData.Video.CatalogFileReader;
using ModelsFile = Analyzers::LemonData.Video.Analyzers.Configuration.ModelsFile;
using Rules = Analyzers::LemonData.Video.VideoRequestRules;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>
/// The catalog file as the analyzer finds and reads it: by the package's item metadata or by its name, once per content,
/// its problems as LDV0016 at their lines, and its precedence over <c>lemondata_video.extra_models</c>.
/// </summary>
public class ModelsFileTests
{
    private const string SourcePath = "/Sample.cs";

    private static readonly string AcmeRequest = TestSource.InMethod("""
                await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "acme-video-9", Resolution = "4k" });
        """);

    private static readonly string AcmeFile = ModelsFiles.With("\"id\": \"acme-video-9\", \"capabilities\": [\"text-to-video\"], \"resolutions\": [\"720p\"]");

    [Fact]
    public async Task Bad_JSON_is_reported_at_the_line_of_the_error_and_the_snapshot_applies()
    {
        const string Text = """
            {
              "format": "lemondata-video-models/1",
              "models": [
                { "id": "acme-video-9", "resolutions": ["720p"] }
                { "id": "acme-video-10" }
              ]
            }
            """;
        var diagnostics = await RunAsync(AcmeRequest, Text);

        var problem = Assert.Single(CatalogFileReader.Read(Text).Problems);
        Assert.Equal(5, problem.Line);
        var reported = Assert.Single(diagnostics, diagnostic => diagnostic.Id == "LDV0016");
        AssertAt(reported, 5, problem.Message);
        Assert.StartsWith("The file is not valid JSON", reported.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        // Not used at all: its model is unknown, as without a file.
        Assert.Equal(["LDV0001", "LDV0016"], diagnostics.Select(diagnostic => diagnostic.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unknown_format_is_reported_at_its_line_naming_the_field_and_the_snapshot_applies()
    {
        var text = AcmeFile.Replace("lemondata-video-models/1", "lemondata-video-models/2", StringComparison.Ordinal);
        var diagnostics = await RunAsync(AcmeRequest, text);

        var problem = Assert.Single(CatalogFileReader.Read(text).Problems);
        var reported = Assert.Single(diagnostics, diagnostic => diagnostic.Id == "LDV0016");
        AssertAt(reported, 2, problem.Message);
        Assert.StartsWith("\"format\" must be \"lemondata-video-models/1\"", reported.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains(diagnostics, diagnostic => diagnostic.Id == "LDV0001");
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "LDV0013");
    }

    [Fact]
    public async Task A_bad_entry_is_reported_naming_its_field_and_skipped_and_the_other_entries_apply()
    {
        var text = ModelsFiles.With(
            "\"id\": \"acme-bad-1\",\n      \"durations\": [4, \"six\"]",
            "\"id\": \"acme-video-9\", \"resolutions\": [\"720p\"]");
        var source = TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "acme-video-9", Resolution = "4k" });
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "acme-bad-1" });
            """);
        var diagnostics = await RunAsync(source, text);

        var problem = Assert.Single(CatalogFileReader.Read(text).Problems);
        Assert.Equal("models[0].durations[1]", problem.Field);
        Assert.Equal(5, problem.Line);
        var reported = Assert.Single(diagnostics, diagnostic => diagnostic.Id == "LDV0016");
        AssertAt(reported, 5, "models[0].durations[1]: " + problem.Message);
        Assert.Equal(["LDV0001", "LDV0013", "LDV0016"], diagnostics.Select(diagnostic => diagnostic.Id).Order(StringComparer.Ordinal));
        Assert.Contains("'acme-bad-1'", diagnostics.Single(diagnostic => diagnostic.Id == "LDV0001").GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_problem_is_reported_once_however_many_files_the_compilation_has()
    {
        var text = ModelsFiles.With(
            "\"id\": \"acme-bad-1\", \"durations\": [0]",
            "\"id\": \"acme-bad-2\", \"resolutions\": \"720p\"",
            "\"id\": \"acme-video-9\", \"resolutions\": [\"720p\"]");
        var sources = Enumerable.Range(0, 6)
            .Select(i => ("/File" + i.ToString(CultureInfo.InvariantCulture) + ".cs", AcmeRequest.Replace("class Sample", "class Sample" + i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)))
            .ToArray();
        var diagnostics = await AllAnalyzers.RunAsync(true, null, ImmutableArray.Create(ModelsFiles.File(text)), sources);

        Assert.Equal(2, CatalogFileReader.Read(text).Problems.Count);
        Assert.Equal(2, diagnostics.Count(diagnostic => diagnostic.Id == "LDV0016"));
        Assert.Equal(6, diagnostics.Count(diagnostic => diagnostic.Id == "LDV0013"));
    }

    [Fact]
    public async Task A_file_listed_twice_is_reported_once()
    {
        var text = ModelsFiles.With("\"id\": \"acme-bad-1\", \"durations\": [0]");
        var diagnostics = await AllAnalyzers.RunAsync(true, null, ImmutableArray.Create(ModelsFiles.File(text), ModelsFiles.File(text)), (SourcePath, AcmeRequest));
        Assert.Single(diagnostics, diagnostic => diagnostic.Id == "LDV0016");
    }

    [Fact]
    public async Task A_readable_file_raises_nothing_of_its_own()
    {
        var diagnostics = await RunAsync(AcmeRequest.Replace("4k", "720p", StringComparison.Ordinal), ModelsFiles.SeedanceFast + "\n");
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "LDV0016");
        diagnostics = await RunAsync(AcmeRequest.Replace("4k", "720p", StringComparison.Ordinal), AcmeFile);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task The_file_is_found_by_the_packages_item_metadata_whatever_its_name_and_by_its_name_otherwise()
    {
        const string Marked = """
            is_global = true

            [/config/models.json]
            build_metadata.AdditionalFiles.LemonDataVideoModels = true
            """;

        // Marked: read, although it is not called lemondata-models.json.
        var marked = await AllAnalyzers.RunAsync(true, new ConfigOptions(Marked), ImmutableArray.Create(ModelsFiles.File(AcmeFile, "/config/models.json")), (SourcePath, AcmeRequest));
        Assert.Equal(["LDV0013"], marked.Select(diagnostic => diagnostic.Id));

        // Neither marked nor so named: some other AdditionalFile of the project, not read.
        var other = await AllAnalyzers.RunAsync(true, null, ImmutableArray.Create(ModelsFiles.File(AcmeFile, "/config/models.json")), (SourcePath, AcmeRequest));
        Assert.Equal(["LDV0001"], other.Select(diagnostic => diagnostic.Id));

        // Named: read, in any folder.
        var named = await AllAnalyzers.RunAsync(true, null, ImmutableArray.Create(ModelsFiles.File(AcmeFile, "/src/app/lemondata-models.json")), (SourcePath, AcmeRequest));
        Assert.Equal(["LDV0013"], named.Select(diagnostic => diagnostic.Id));

        // The marked file wins over one that only has the name.
        var both = await AllAnalyzers.RunAsync(
            true,
            new ConfigOptions(Marked),
            ImmutableArray.Create(ModelsFiles.File(ModelsFiles.With("\"id\": \"acme-video-9\""), "/lemondata-models.json"), ModelsFiles.File(AcmeFile, "/config/models.json")),
            (SourcePath, AcmeRequest));
        Assert.Equal(["LDV0013"], both.Select(diagnostic => diagnostic.Id));
    }

    [Fact]
    public void The_file_is_parsed_once_per_content()
    {
        var first = ModelsFile.Find(Options(ModelsFiles.File(AcmeFile)), CancellationToken.None);
        var again = ModelsFile.Find(Options(ModelsFiles.File(AcmeFile)), CancellationToken.None);
        var edited = ModelsFile.Find(Options(ModelsFiles.File(AcmeFile.Replace("720p", "1080p", StringComparison.Ordinal))), CancellationToken.None);

        // Two texts with one content (the IDE's next compilation): one parse, one catalog.
        Assert.NotSame(first.File, again.File);
        Assert.Same(first.Catalog, again.Catalog);
        Assert.Same(first.Content, again.Content);
        Assert.NotSame(first.Catalog, edited.Catalog);
        Assert.True(edited.Catalog.TryGetModel("acme-video-9", out var info));
        Assert.Equal(["1080p"], info.Resolutions!);

        // No file: the snapshot itself, with no lists.
        var none = ModelsFile.Find(Options(), CancellationToken.None);
        Assert.Same(Analyzers::LemonData.Video.VideoModelCatalog.Snapshot, none.Catalog);
    }

    [Fact]
    public async Task An_edit_of_the_file_is_seen_by_the_next_compilation()
    {
        Assert.Equal(["LDV0013"], (await RunAsync(AcmeRequest, AcmeFile)).Select(diagnostic => diagnostic.Id));
        Assert.Empty(await RunAsync(AcmeRequest, AcmeFile.Replace("\"720p\"", "\"720p\", \"4k\"", StringComparison.Ordinal)));
        Assert.Equal(["LDV0013"], (await RunAsync(AcmeRequest, AcmeFile)).Select(diagnostic => diagnostic.Id));
    }

    [Fact]
    public async Task The_files_entry_wins_over_extra_models_which_is_consulted_only_for_ids_the_catalog_lacks()
    {
        // extra_models says text only (LDV0002 for an image); the file says it takes an image too, and lists resolutions.
        const string Config = "[*.cs]\nlemondata_video.extra_models = acme-video-9: text | acme-other-1: text\n";
        var file = ModelsFiles.With("\"id\": \"acme-video-9\", \"capabilities\": [\"text-to-video\", \"image-to-video\"], \"resolutions\": [\"720p\"]");
        var source = TestSource.InMethod("""
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "acme-video-9", ImageUrl = "https://example.com/cat.png", Resolution = "4k" });
                    await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a cat", Model = "acme-other-1", ImageUrl = "https://example.com/cat.png" });
            """);

        var withFile = await AllAnalyzers.RunAsync(source, Config, file);
        var ids = withFile.Select(diagnostic => diagnostic.Id + "@" + diagnostic.Location.GetLineSpan().StartLinePosition.Line.ToString(CultureInfo.InvariantCulture)).ToList();

        // acme-video-9 by the file: no LDV0002, and its resolutions; acme-other-1 by the option: LDV0002.
        var acmeLine = LineOf(source, "acme-video-9");
        var otherLine = LineOf(source, "acme-other-1");
        Assert.Contains("LDV0013@" + acmeLine, ids);
        Assert.DoesNotContain("LDV0002@" + acmeLine, ids);
        Assert.Contains("LDV0002@" + otherLine, ids);

        // The option's entry for a model of the file is ignored, and said so.
        var ignored = Assert.Single(withFile, diagnostic => diagnostic.Id == "LDV0012");
        Assert.Equal(
            "lemondata_video.extra_models entry 'acme-video-9: text' is ignored: 'acme-video-9' is a model of lemondata-models.json, whose entry applies; remove the entry.",
            ignored.GetMessage(CultureInfo.InvariantCulture));

        // Without the file, the option applies to both.
        var withoutFile = await AllAnalyzers.RunAsync(source, Config, modelsFile: null);
        Assert.Equal(["LDV0002", "LDV0002"], withoutFile.Select(diagnostic => diagnostic.Id));
        Assert.Equal(
            Rules.CheckImageOnTextOnlyModel("acme-video-9", new Analyzers::LemonData.Video.VideoModelInfo("acme-video-9", Analyzers::LemonData.Video.VideoCapabilities.TextToVideo), "ImageUrl")!.Value.Message,
            withoutFile[0].GetMessage(CultureInfo.InvariantCulture));
    }

    private static Task<ImmutableArray<Diagnostic>> RunAsync(string source, string modelsFile) =>
        AllAnalyzers.RunAsync(source, editorconfig: null, modelsFile);

    private static void AssertAt(Diagnostic diagnostic, int line, string message)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/" + ModelsFiles.Name, span.Path);
        Assert.Equal(line, span.StartLinePosition.Line + 1);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    private static int LineOf(string source, string text) =>
        source.Split('\n').ToList().FindIndex(line => line.Contains(text, StringComparison.Ordinal));

    private static AnalyzerOptions Options(params AdditionalText[] files) => new(ImmutableArray.Create(files));
}
