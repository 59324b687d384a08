using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace LemonData.Video.Benchmarks.Analyzer;

/// <summary>
/// A generated consumer of the SDK: <see cref="FileCount"/> files of <see cref="RequestsPerFile"/> request
/// constructions each, a realistic mix: half valid, a fifth with exactly one diagnostic, the rest values the
/// analyzer cannot know (parameters, calls) or a look-alike type of the same shape in another namespace.
/// </summary>
public static class ConsumerCorpus
{
    public const int FileCount = 2000;
    public const int RequestsPerFile = 10;
    public const int RequestCount = FileCount * RequestsPerFile;

    // Per file: slots 0-4 valid, 5-6 one diagnostic each, 7-9 non-constant or look-alike.
    private const int DiagnosticSlotsPerFile = 2;

    /// <summary>The diagnostics the corpus must produce, exactly: one per request of the diagnostic fifth.</summary>
    public const int ExpectedDiagnosticCount = FileCount * DiagnosticSlotsPerFile;

    private static readonly string[] ValidShapes =
    {
        """new VideoGenerationRequest { Model = VideoModels.Sora2, Prompt = "a lemon on a table {0}", Duration = 8, AspectRatio = "16:9" }""",
        """new VideoGenerationRequest { Model = VideoModels.KlingV21Pro, Prompt = "a cat turns its head {0}", ImageUrl = "https://example.com/cat{0}.png", Duration = 5 }""",
        """new VideoGenerationRequest { Model = VideoModels.Veo31, Prompt = "waves at dusk {0}", Fps = 24, CfgScale = 7.5, MotionStrength = 0.5 }""",
        """new VideoGenerationRequest { Prompt = "a paper boat in the rain {0}", NegativePrompt = "blur", Seed = {0} }""",
        """new VideoGenerationRequest { Model = VideoModels.Wan26I2V, Prompt = "a dancer {0}", Image = "data:image/png;base64,iVBORw0KGgo=" }""",
    };

    // Each breaks exactly one rule.
    private static readonly string[] DiagnosticShapes =
    {
        """new VideoGenerationRequest { Model = "sora2", Prompt = "typo in the model {0}" }""",                       // LDV0001
        """new VideoGenerationRequest { Model = VideoModels.Sora2, Prompt = "a cat {0}", ImageUrl = "https://example.com/c.png" }""", // LDV0002
        """new VideoGenerationRequest { Model = VideoModels.Wan26I2V, Prompt = "no image {0}" }""",                  // LDV0004
        """new VideoGenerationRequest { Prompt = "too many frames {0}", Fps = 500 }""",                               // LDV0006
        """new VideoGenerationRequest { Prompt = "too much guidance {0}", CfgScale = 25.0 }""",                       // LDV0007
        """new VideoGenerationRequest { Prompt = "too much motion {0}", MotionStrength = 2.0 }""",                    // LDV0008
        """new VideoGenerationRequest { Model = VideoModels.Sora2, Prompt = "too long {0}", Duration = 90 }""",       // LDV0009
        """new VideoGenerationRequest { Prompt = "   " }""",                                                          // LDV0011
    };

    private static readonly string[] OtherShapes =
    {
        """new VideoGenerationRequest { Model = model, Prompt = "user model {0}", ImageUrl = "https://example.com/u.png" }""",
        """new VideoGenerationRequest { Prompt = prompt.Trim(), Fps = fps + 500, CfgScale = Math.Max(25, fps) }""",
        """new Lookalike.VideoGenerationRequest { Model = "sora2", Prompt = "", Fps = 500, CfgScale = 25.0 }""",
        """new VideoGenerationRequest { Model = model, Prompt = prompt, Duration = fps }""",
        """new Lookalike.VideoGenerationRequest { Model = "wan2.6-i2v", Prompt = "look-alike {0}", MotionStrength = 2.0 }""",
    };

    /// <summary>The corpus as (file name, source) pairs.</summary>
    public static IReadOnlyList<(string Name, string Source)> Generate()
    {
        var files = new List<(string, string)>(FileCount + 1) { ("Lookalike.cs", LookalikeSource) };
        for (var file = 0; file < FileCount; file++)
        {
            files.Add(($"Feature{file:0000}.cs", FileSource(file)));
        }

        return files;
    }

    /// <summary>Writes the corpus as a project that references the SDK and the analyzer as built: for <c>dotnet build -p:ReportAnalyzer=true</c>.</summary>
    public static void WriteProject(string directory, string sdkAssembly, string analyzerAssembly)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, source) in Generate())
        {
            File.WriteAllText(Path.Combine(directory, name), source);
        }

        File.WriteAllText(Path.Combine(directory, "Corpus.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <NoWarn>$(NoWarn);CS1591</NoWarn>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="LemonData.Video" HintPath="{sdkAssembly}" />
                <Analyzer Include="{analyzerAssembly}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />");
    }

    private static string FileSource(int file)
    {
        var source = new StringBuilder(4096);
        source.Append(CultureInfo.InvariantCulture, $$"""
            using System;
            using System.Threading.Tasks;
            using LemonData.Video;

            namespace Consumer.Features;

            public static class Feature{{file:0000}}
            {
                public static async Task RunAsync(LemonDataVideoClient client, string model, string prompt, int fps)
                {

            """);
        for (var slot = 0; slot < RequestsPerFile; slot++)
        {
            var n = (file * RequestsPerFile) + slot;
            string shape;
            bool lookalike;
            if (slot < 5)
            {
                shape = ValidShapes[(file + slot) % ValidShapes.Length];
            }
            else if (slot < 5 + DiagnosticSlotsPerFile)
            {
                shape = DiagnosticShapes[((file * DiagnosticSlotsPerFile) + slot - 5) % DiagnosticShapes.Length];
            }
            else
            {
                shape = OtherShapes[((file * 3) + slot - 7) % OtherShapes.Length];
            }

            lookalike = shape.StartsWith("new Lookalike.", StringComparison.Ordinal);
            var expression = shape.Replace("{0}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            if (slot % 2 == 0 || lookalike)
            {
                source.Append(CultureInfo.InvariantCulture, $"""
                            var request{slot} = {expression};
                            await {(lookalike ? "Lookalike.Sender.SendAsync" : "client.CreateVideoAsync")}(request{slot});

                    """);
            }
            else
            {
                source.Append(CultureInfo.InvariantCulture, $"""
                            var task{slot} = await client.CreateVideoAsync({expression});
                            Console.WriteLine(task{slot}.Id);

                    """);
            }
        }

        source.Append("""
                }
            }

            """);
        return source.ToString();
    }

    private const string LookalikeSource = """
        using System.Threading.Tasks;

        namespace Consumer.Features.Lookalike;

        /// <summary>The same shape as the SDK's request, in the consumer's own namespace: the analyzer must ignore it.</summary>
        public sealed class VideoGenerationRequest
        {
            public string? Model { get; set; }
            public string Prompt { get; set; } = "";
            public string? ImageUrl { get; set; }
            public int? Fps { get; set; }
            public double? CfgScale { get; set; }
            public double? MotionStrength { get; set; }
        }

        public static class Sender
        {
            public static Task SendAsync(VideoGenerationRequest request) => Task.CompletedTask;
        }
        """;
}
