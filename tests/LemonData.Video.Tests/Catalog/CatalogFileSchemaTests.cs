using System;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using Json.Schema;
using LemonData.Video;
using LemonData.Video.Tests.Samples;

namespace LemonData.Video.Tests.Catalog;

/// <summary>
/// The JSON Schema shipped in the package (openapi/schemas/lemondata-models.schema.json) and the SDK's reader agree: what
/// the tool writes passes both, and what the reader refuses the schema refuses too, so an editor that validates the file
/// as it is typed warns about what the build would report.
/// </summary>
public class CatalogFileSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(
        Path.Combine(ReadmeTests.RepositoryRoot(), "openapi", "schemas", "lemondata-models.schema.json")));

    [Fact]
    public void What_the_tool_writes_passes_the_schema()
    {
        var models = new[]
        {
            new VideoModelInfo("seedance-2.0-fast", VideoCapabilities.TextToVideo).WithContract(
                operations: new[] { "text-to-video", "start-end-to-video" },
                durations: new[] { 4, 5 },
                resolutions: new[] { "480p", "720p" },
                aspectRatios: new[] { "16:9" },
                supportedParameters: new[] { "prompt", "duration" }),
            new VideoModelInfo("acme", VideoCapabilities.None),
        };
        using var stream = new MemoryStream();
        VideoModelCatalog.WriteFile(stream, models, "https://api.lemondata.cc", DateTimeOffset.UtcNow);
        var text = Encoding.UTF8.GetString(stream.ToArray());

        Assert.True(Evaluate(text), text);
        VideoModelCatalog.Load(new MemoryStream(stream.ToArray()));
    }

    [Theory]
    [InlineData("""{"format": "lemondata-video-models/2", "models": []}""")]
    [InlineData("""{"format": "lemondata-video-models/1"}""")]
    [InlineData("""{"format": "lemondata-video-models/1", "models": [{"provider": "x"}]}""")]
    [InlineData("""{"format": "lemondata-video-models/1", "models": [{"id": "a b"}]}""")]
    [InlineData("""{"format": "lemondata-video-models/1", "models": [{"id": "a", "durations": [90]}]}""")]
    [InlineData("""{"format": "lemondata-video-models/1", "models": [{"id": "a", "durations": ["5"]}]}""")]
    [InlineData("""{"format": "lemondata-video-models/1", "models": [{"id": "a", "resolutions": "720p"}]}""")]
    [InlineData("""{"format": "lemondata-video-models/1", "models": [{"id": "a", "aspect_ratios": [""]}]}""")]
    public void What_the_reader_refuses_the_schema_refuses(string text)
    {
        Assert.False(Evaluate(text));
        Assert.Throws<VideoModelCatalogException>(() => VideoModelCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public void Unknown_members_and_null_lists_pass_both()
    {
        const string Text = """{"format": "lemondata-video-models/1", "future": 1, "models": [{"id": "a", "durations": null, "tier": "gold"}]}""";

        Assert.True(Evaluate(Text));
        Assert.True(VideoModelCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(Text))).TryGetModel("a", out var model));
        Assert.Null(model.Durations);
    }

    private static bool Evaluate(string text) =>
        Schema.Evaluate(JsonNode.Parse(text), new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;
}
