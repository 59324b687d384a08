using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Testing;

namespace LemonData.Video.Cli.Tests;

/// <summary>What one in-process run of the tool produced.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string AllOutput => Stdout + Stderr;

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Stdout);
        return document.RootElement.Clone();
    }

    public override string ToString() => "exit " + ExitCode + "\n--- stdout ---\n" + Stdout + "\n--- stderr ---\n" + Stderr;
}

/// <summary>Runs <c>lemondata-video</c> in-process through <see cref="Program.RunAsync"/>, with an environment of the test's choosing.</summary>
public static class Cli
{
    /// <summary>Fast polling for tests: the simulator is local.</summary>
    public static readonly string[] FastPolling = { "--poll-interval", "0.01" };

    /// <summary>An environment that points the tool at <paramref name="simulator"/> as if it were the real service.</summary>
    public static Dictionary<string, string?> EnvironmentFor(LemonDataSimulator simulator) => new()
    {
        ["LEMONDATA_API_KEY"] = simulator.ApiKey,
        ["LEMONDATA_BASE_URL"] = simulator.Endpoint.ToString(),
    };

    public static Task<CliResult> RunAsync(LemonDataSimulator simulator, params string[] args) =>
        RunAsync(EnvironmentFor(simulator), CancellationToken.None, args);

    public static async Task<CliResult> RunAsync(IDictionary<string, string?> environment, CancellationToken cancellationToken, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await Program.RunAsync(args, stdout, stderr, environment, cancellationToken);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A run whose current folder is <paramref name="workingDirectory"/>, where lemondata-models.json is looked for.</summary>
    public static async Task<CliResult> RunInAsync(string workingDirectory, IDictionary<string, string?> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await Program.RunAsync(args, stdout, stderr, environment, workingDirectory, CancellationToken.None);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    public static string[] Args(params string[][] parts) => parts.SelectMany(part => part).ToArray();
}

/// <summary>A temporary folder for files the tool writes, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ldv-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
