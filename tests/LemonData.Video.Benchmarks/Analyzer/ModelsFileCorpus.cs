using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LemonData.Video.Benchmarks.Analyzer;

/// <summary>
/// A <c>lemondata-models.json</c> of <see cref="ModelCount"/> models, written by the SDK's own writer as <c>models sync</c>
/// writes it: every list filled, ids the corpus never uses, so the diagnostics are the same with and without it and only
/// the cost of reading the file and looking models up in the larger catalog differs.
/// </summary>
public static class ModelsFileCorpus
{
    public const int ModelCount = 100;

    public static AdditionalText Create()
    {
        var models = Enumerable.Range(0, ModelCount).Select(i =>
            new VideoModelInfo("bench-model-" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture), VideoCapabilities.TextToVideo | VideoCapabilities.ImageToVideo).WithContract(
                operations: new[] { "text-to-video", "image-to-video", "reference-to-video" },
                durations: new[] { 4, 5, 6, 8, 10, 12, 15 },
                resolutions: new[] { "480p", "720p", "1080p" },
                aspectRatios: new[] { "1:1", "3:4", "4:3", "9:16", "16:9", "21:9" },
                supportedParameters: new[] { "prompt", "image_url", "duration", "resolution", "aspect_ratio", "seed", "negative_prompt" }));
        using var stream = new MemoryStream();
        VideoModelCatalog.WriteFile(stream, models, "https://api.lemondata.cc", new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero));
        return new InMemoryAdditionalText("/corpus/" + VideoModelCatalog.DefaultFileName, Encoding.UTF8.GetString(stream.ToArray()));
    }

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
