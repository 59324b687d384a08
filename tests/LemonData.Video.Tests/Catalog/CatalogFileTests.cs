using System;
using System.IO;
using System.Linq;
using System.Text;
using LemonData.Video;

namespace LemonData.Video.Tests.Catalog;

/// <summary>lemondata-models.json: read over the snapshot, written stable, and every bad file named by line and field.</summary>
public class CatalogFileTests
{
    private const string SyncedFile = """
        {
          "format": "lemondata-video-models/1",
          "synced_at": "2026-12-02T10:00:00Z",
          "source": "https://api.lemondata.cc",
          "models": [
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
              "id": "acme-video-9",
              "operations": ["image-to-video"],
              "resolutions": ["1080p"],
              "future_member": {"ignored": true}
            }
          ]
        }
        """;

    [Fact]
    public void Load_extends_the_snapshot_and_replaces_an_entry_with_the_same_id()
    {
        var catalog = Load(SyncedFile);

        Assert.Equal(VideoModelCatalog.All.Count + 1, catalog.Models.Count);
        Assert.True(catalog.TryGetModel("seedance-2.0-fast", out var fast));
        Assert.NotSame(VideoModelCatalog.All.Single(m => m.Id == "seedance-2.0-fast"), fast);
        Assert.Equal(new[] { "480p", "720p" }, fast.Resolutions);
        Assert.Equal(new[] { 4, 5, 6, 8, 10, 12, 15 }, fast.Durations);
        Assert.Equal(10, fast.SupportedParameters!.Count);
        Assert.Equal("Seedance", fast.Family);
        Assert.True(fast.Supports(VideoCapabilities.Keyframes | VideoCapabilities.ImageToVideo));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero), catalog.SyncedAt);
        Assert.Equal("https://api.lemondata.cc", catalog.Source);

        // The snapshot itself never changes.
        Assert.True(VideoModelCatalog.TryGet("seedance-2.0-fast", out var snapshotEntry));
        Assert.Null(snapshotEntry.Resolutions);
    }

    [Fact]
    public void An_entry_without_capabilities_takes_them_from_its_operations_and_an_absent_list_is_unknown()
    {
        var catalog = Load(SyncedFile);

        Assert.True(catalog.TryGetModel("acme-video-9", out var acme));
        Assert.Equal(VideoCapabilities.ImageToVideo, acme.Capabilities);
        Assert.Equal("unknown", acme.Provider);
        Assert.Null(acme.Durations);
        Assert.Null(acme.AspectRatios);
        Assert.Null(acme.SupportedParameters);
        Assert.Equal(new[] { "1080p" }, acme.Resolutions);
    }

    [Fact]
    public void Written_file_reads_back_unchanged_and_writes_the_same_bytes_again()
    {
        var catalog = Load(SyncedFile);
        var fromFile = catalog.Models.Where(m => m.Id is "seedance-2.0-fast" or "acme-video-9").ToList();

        var first = Write(fromFile, catalog.Source, catalog.SyncedAt);
        var reloaded = Load(first);
        var second = Write(reloaded.Models.Where(m => m.Id is "seedance-2.0-fast" or "acme-video-9"), reloaded.Source, reloaded.SyncedAt);

        Assert.Equal(first, second);
        foreach (var model in fromFile)
        {
            Assert.True(reloaded.TryGetModel(model.Id, out var back));
            Assert.Equal(model.Capabilities, back.Capabilities);
            Assert.Equal(model.Operations, back.Operations);
            Assert.Equal(model.Durations, back.Durations);
            Assert.Equal(model.Resolutions, back.Resolutions);
            Assert.Equal(model.AspectRatios, back.AspectRatios);
            Assert.Equal(model.SupportedParameters, back.SupportedParameters);
        }
    }

    [Fact]
    public void Written_file_is_sorted_by_id_with_lf_line_ends_and_leaves_unknown_lists_out()
    {
        var models = new[]
        {
            new VideoModelInfo("zeta-video", VideoCapabilities.TextToVideo),
            new VideoModelInfo("alpha-video", VideoCapabilities.None).WithContract(resolutions: new[] { "720p" }),
        };

        var text = Write(models, "https://api.lemondata.cc", new DateTimeOffset(2026, 12, 5, 1, 2, 3, TimeSpan.FromHours(2)));

        Assert.True(text.IndexOf("alpha-video", StringComparison.Ordinal) < text.IndexOf("zeta-video", StringComparison.Ordinal));
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.Contains("\"synced_at\": \"2026-12-04T23:02:03Z\"", text, StringComparison.Ordinal);
        Assert.Contains("\"resolutions\": [\"720p\"]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("durations", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"format\": \"lemondata-video-models/1\", \"models\": [ }", 1, null, "not valid JSON")]
    [InlineData("{\n  \"format\": \"lemondata-video-models/2\",\n  \"models\": []\n}", 2, "format", "lemondata-video-models/1")]
    [InlineData("{\n  \"models\": []\n}", 1, "format", "missing")]
    [InlineData("[1, 2]", 1, null, "JSON object")]
    [InlineData("{\n  \"format\": \"lemondata-video-models/1\",\n  \"models\": {}\n}", 3, "models", "array")]
    [InlineData("{\n  \"format\": \"lemondata-video-models/1\",\n  \"models\": [\n    {\"id\": \"a\",\n     \"durations\": [5, \"10s\"]}\n  ]\n}", 5, "models[0].durations[1]", "whole number of seconds")]
    [InlineData("{\n  \"format\": \"lemondata-video-models/1\",\n  \"models\": [\n    {\"id\": \"a\", \"durations\": [90]}\n  ]\n}", 4, "models[0].durations[0]", "1 to 60")]
    [InlineData("{\n  \"format\": \"lemondata-video-models/1\",\n  \"models\": [\n    {\"id\": \"has space\"}\n  ]\n}", 4, "models[0].id", "no spaces")]
    [InlineData("{\n  \"format\": \"lemondata-video-models/1\",\n  \"models\": [\n    {\"id\": \"a\", \"resolutions\": \"720p\"}\n  ]\n}", 4, "models[0].resolutions", "must be an array")]
    [InlineData("{\n  \"format\": \"lemondata-video-models/1\",\n  \"models\": [\n    {\"id\": \"a\"},\n    {\"id\": \"a\"}\n  ]\n}", 5, "models[1].id", "listed twice")]
    public void A_bad_file_throws_with_its_line_and_field(string text, int line, string? field, string says)
    {
        var exception = Assert.Throws<VideoModelCatalogException>(() => Load(text));

        Assert.Equal(line, exception.Line);
        Assert.Equal(field, exception.Field);
        Assert.Contains(says, exception.Message, StringComparison.Ordinal);
        Assert.StartsWith("lemondata-models.json(" + line + "): ", exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FormatException>(exception);
    }

    [Fact]
    public void Load_from_a_path_names_the_file_in_the_error()
    {
        var path = Path.Combine(Path.GetTempPath(), "ldv-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, "{\"format\": \"nope\"}");
        try
        {
            var exception = Assert.Throws<VideoModelCatalogException>(() => VideoModelCatalog.Load(path));
            Assert.StartsWith(path + "(1): format: ", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Reader_skips_a_bad_entry_and_keeps_the_others_for_the_analyzer()
    {
        var content = CatalogFileReader.Read("{\"format\": \"lemondata-video-models/1\", \"models\": [{\"id\": \"good\", \"resolutions\": [\"720p\"]}, {\"id\": 5}]}");

        Assert.False(content.IsUnusable);
        Assert.Equal("good", Assert.Single(content.Models).Id);
        var problem = Assert.Single(content.Problems);
        Assert.True(problem.SkipsEntry);
        Assert.Equal("models[1].id", problem.Field);
    }

    [Fact]
    public void Deep_nesting_is_refused_not_a_stack_overflow()
    {
        var text = "{\"format\": \"lemondata-video-models/1\", \"models\": " + new string('[', 10_000) + new string(']', 10_000) + "}";

        var content = CatalogFileReader.Read(text);

        Assert.True(content.IsUnusable);
        Assert.Contains("nested", content.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_and_escapes_are_read()
    {
        var bytes = new UTF8Encoding(true).GetPreamble()
            .Concat(Encoding.UTF8.GetBytes("{\"format\": \"lemondata-video-models/1\", \"models\": [{\"id\": \"caf\\u00e9-video\", \"provider\": \"A \\\"quoted\\\" one\"}]}"))
            .ToArray();

        var catalog = VideoModelCatalog.Load(new MemoryStream(bytes));

        Assert.True(catalog.TryGetModel("café-video", out var model));
        Assert.Equal("A \"quoted\" one", model.Provider);
    }

    [Fact]
    public void Create_extends_the_snapshot_with_models_built_in_code()
    {
        var catalog = VideoModelCatalog.Create(new[] { new VideoModelInfo("acme-video-2", VideoCapabilities.TextToVideo).WithContract(durations: new[] { 5 }) });

        Assert.True(catalog.ContainsModel("acme-video-2"));
        Assert.True(catalog.ContainsModel("sora-2"));
        Assert.False(VideoModelCatalog.Contains("acme-video-2"));
        Assert.Throws<ArgumentNullException>(() => VideoModelCatalog.Create(null!));
    }

    private static VideoModelCatalog Load(string text) => VideoModelCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    private static string Write(System.Collections.Generic.IEnumerable<VideoModelInfo> models, string? source, DateTimeOffset? syncedAt)
    {
        using var stream = new MemoryStream();
        VideoModelCatalog.WriteFile(stream, models, source, syncedAt);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
