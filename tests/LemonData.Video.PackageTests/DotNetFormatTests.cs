using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.PackageTests.Support;
using Xunit.Abstractions;

namespace LemonData.Video.PackageTests;

/// <summary>
/// <c>dotnet format analyzers</c>, the command-line host of the package's code fixes (and the only one for users of
/// csharp-ls, which offers none of them): the two commands of the README's "In your editor", run as written in the
/// folder of a consumer of the packed package. The gate fails while there is something to fix, the fix makes
/// exactly the edits the light bulb makes, and the gate then passes.
/// </summary>
[Collection(PackagedConsumerCollection.Name)]
public sealed class DotNetFormatTests
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(4);

    private const string Before = """
        using LemonData.Video;

        namespace Consumer;

        public static class Program
        {
            public static VideoGenerationRequest Request() => new VideoGenerationRequest
            {
                Prompt = "a cat surfing",
                Model = "sora2",
                Fps = 240,
            };

            public static void Main()
            {
            }
        }

        """;

    private static readonly string After = Before
        .Replace("Model = \"sora2\",", "Model = \"sora-2\",", StringComparison.Ordinal)
        .Replace("Fps = 240,", "Fps = 120,", StringComparison.Ordinal);

    private readonly PackagedConsumer consumer;
    private readonly ITestOutputHelper output;

    public DotNetFormatTests(PackagedConsumer consumer, ITestOutputHelper output)
    {
        this.consumer = consumer;
        this.output = output;
    }

    [Fact]
    public async Task The_READMEs_commands_gate_on_and_apply_the_LDV0001_and_LDV0006_fixes()
    {
        var commands = ReadmeSection.Read("### In your editor").Commands("dotnet format analyzers");
        output.WriteLine("From README.md:" + Environment.NewLine + string.Join(Environment.NewLine, commands));
        var gate = Assert.Single(commands, c => c.Contains("--verify-no-changes", StringComparison.Ordinal));
        var fix = Assert.Single(commands, c => !c.Contains("--verify-no-changes", StringComparison.Ordinal));
        var projectPath = consumer.WriteProject("dotnet-format", "FormatConsumer.csproj", new Dictionary<string, string> { ["Program.cs"] = Before });
        var folder = Path.GetDirectoryName(projectPath)!;
        var program = Path.Combine(folder, "Program.cs");

        var failingGate = await RunAsync(folder, gate);
        Assert.Equal(2, failingGate.ExitCode);
        var reported = failingGate.StandardOutput + failingGate.StandardError;
        Assert.Contains("Program.cs(10,17): warning LDV0001", reported, StringComparison.Ordinal);
        Assert.Contains("Program.cs(11,15): warning LDV0006", reported, StringComparison.Ordinal);
        Assert.Equal(Before, await File.ReadAllTextAsync(program));

        var applied = await RunAsync(folder, fix);
        Assert.Equal(0, applied.ExitCode);
        Assert.Equal(After, await File.ReadAllTextAsync(program));

        var passingGate = await RunAsync(folder, gate);
        Assert.Equal(0, passingGate.ExitCode);
    }

    /// <summary>Runs a README command line (words separated by spaces, none quoted) in <paramref name="folder"/>.</summary>
    private async Task<ProcessResult> RunAsync(string folder, string commandLine)
    {
        var words = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("dotnet", words[0]);
        var result = await DotNet.RunAsync(folder, words.Skip(1), CommandTimeout);
        output.WriteLine(result.Describe(maxLines: 20));
        return result;
    }
}
