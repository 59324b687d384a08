using System.Collections.Generic;
using System.Globalization;

namespace LemonData.Video.Benchmarks.Analyzer;

/// <summary>
/// Ordinary application code with a request in about one file in twenty, as a product that makes videos among other things
/// has it: services with injected dependencies, records, LINQ, async calls, validation, a few object initializers of its own
/// types with the same property names a request has (Model, Prompt, Duration); and in every twentieth file a service that
/// builds a request the way users write one (in a local its method sends, or straight in the call), a handful of them wrong.
/// </summary>
public static class RealisticCorpus
{
    public const int FileCount = 2000;
    public const int FilesPerRequest = 20;
    public const int RequestCount = FileCount / FilesPerRequest;

    /// <summary>One request in <see cref="DiagnosticEvery"/> breaks one rule: <see cref="ExpectedDiagnosticCount"/> in all.</summary>
    private const int DiagnosticEvery = 20;

    public const int ExpectedDiagnosticCount = RequestCount / DiagnosticEvery;

    /// <summary>The corpus as (file name, source) pairs.</summary>
    public static IReadOnlyList<(string Name, string Source)> Generate()
    {
        var files = new List<(string, string)>(FileCount);
        for (var file = 0; file < FileCount; file++)
        {
            files.Add(file % FilesPerRequest == 0
                ? ($"VideoService{file:0000}.cs", RequestFile(file, file / FilesPerRequest))
                : ($"Orders{file:0000}.cs", OrdinaryFile(file)));
        }

        return files;
    }

    private static string OrdinaryFile(int file) => string.Create(CultureInfo.InvariantCulture, $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Shop.Orders{{file % 10}};

        public sealed record OrderLine{{file}}(string Sku, int Quantity, decimal Price);

        public sealed class Order{{file}}
        {
            public string Model { get; set; } = "";
            public string Prompt { get; set; } = "";
            public int? Duration { get; set; }
            public List<OrderLine{{file}}> Lines { get; } = new();
            public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
        }

        public interface IOrderStore{{file}}
        {
            Task<Order{{file}}?> FindAsync(string id, CancellationToken cancellationToken);
            Task SaveAsync(Order{{file}} order, CancellationToken cancellationToken);
        }

        public sealed class OrderService{{file}}
        {
            private readonly IOrderStore{{file}} _store;
            private int _saved;

            public OrderService{{file}}(IOrderStore{{file}} store) => _store = store;

            public async Task<decimal> TotalAsync(string id, CancellationToken cancellationToken)
            {
                var order = await _store.FindAsync(id, cancellationToken) ?? throw new InvalidOperationException($"No order {id}.");
                return order.Lines.Where(line => line.Quantity > 0).Sum(line => line.Price * line.Quantity);
            }

            public async Task<Order{{file}}> CopyAsync(Order{{file}} source, string model, CancellationToken cancellationToken)
            {
                var copy = new Order{{file}} { Model = model, Prompt = source.Prompt.Trim(), Duration = source.Duration ?? 5 };
                foreach (var line in source.Lines.OrderBy(line => line.Sku, StringComparer.Ordinal))
                {
                    copy.Lines.Add(line with { Quantity = Math.Max(1, line.Quantity) });
                }

                copy.Duration = copy.Lines.Count > 3 ? 10 : copy.Duration;
                await _store.SaveAsync(copy, cancellationToken);
                _saved++;
                return copy;
            }

            public IReadOnlyDictionary<string, int> CountBySku(IEnumerable<Order{{file}}> orders) =>
                orders.SelectMany(order => order.Lines)
                    .GroupBy(line => line.Sku, StringComparer.Ordinal)
                    .ToDictionary(group => group.Key, group => group.Sum(line => line.Quantity), StringComparer.Ordinal);

            public int Saved => _saved;
        }

        """);

    private static string RequestFile(int file, int request)
    {
        // One request in twenty breaks a rule, in turn: an id typo, an image on a text-only model, too many frames, too long.
        var wrong = request % DiagnosticEvery == 0;
        var body = (request / DiagnosticEvery % 4, wrong) switch
        {
            (0, true) => """Model = "sora2", Prompt = prompt""",
            (1, true) => """Model = VideoModels.Sora2, Prompt = prompt, ImageUrl = "https://example.com/cover.png" """,
            (2, true) => """Model = VideoModels.Veo31, Prompt = prompt, Fps = 240""",
            (3, true) => """Model = VideoModels.Sora2, Prompt = prompt, Duration = 90""",
            _ => request % 3 == 0
                ? """Model = VideoModels.KlingV21Pro, Prompt = prompt, ImageUrl = imageUrl, Duration = 5"""
                : """Model = VideoModels.Sora2, Prompt = prompt, Duration = 8, AspectRatio = "16:9" """,
        };
        var send = request % 2 == 0
            ? $$"""
                    var request = new VideoGenerationRequest { {{body}} };
                    request.NegativePrompt = "blur";
                    var task = await _client.CreateVideoAsync(request, cancellationToken);
            """
            : $$"""
                    var task = await _client.CreateVideoAsync(new VideoGenerationRequest { {{body}} }, cancellationToken);
            """;
        return string.Create(CultureInfo.InvariantCulture, $$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using LemonData.Video;

            namespace Shop.Videos;

            public sealed class VideoService{{file}}
            {
                private readonly LemonDataVideoClient _client;

                public VideoService{{file}}(LemonDataVideoClient client) => _client = client;

                public async Task<string> StartAsync(string prompt, string imageUrl, CancellationToken cancellationToken)
                {
                    if (string.IsNullOrWhiteSpace(prompt))
                    {
                        throw new ArgumentException("A prompt is required.", nameof(prompt));
                    }

            {{send}}
                    return task.Id;
                }
            }

            """);
    }
}
