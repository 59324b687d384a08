using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LemonData.Video.Analyzers.Tests.Support;

/// <summary>Catalog files (<c>lemondata-models.json</c>) for the tests, and the AdditionalFile a compilation gets them as.</summary>
internal static class ModelsFiles
{
    /// <summary>The file name the analyzer looks for when no item metadata marks the file.</summary>
    public const string Name = "lemondata-models.json";

    /// <summary>The contract of <c>seedance-2.0-fast</c> the issue describes, as <c>lemondata-video models sync</c> writes it.</summary>
    public const string SeedanceFast = """
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
            }
          ]
        }
        """;

    /// <summary>A catalog file of one model entry (the members of the object, without braces) and nothing else.</summary>
    public static string With(params string[] entries) =>
        "{\n  \"format\": \"lemondata-video-models/1\",\n  \"models\": [\n    {" + string.Join("},\n    {", entries) + "}\n  ]\n}\n";

    /// <summary><paramref name="text"/> as the AdditionalFile <paramref name="path"/>.</summary>
    public static AdditionalText File(string text, string path = "/" + Name) => new InMemoryFile(path, text);

    private sealed class InMemoryFile : AdditionalText
    {
        private readonly SourceText text;

        public InMemoryFile(string path, string text)
        {
            Path = path;
            this.text = SourceText.From(text, System.Text.Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}
