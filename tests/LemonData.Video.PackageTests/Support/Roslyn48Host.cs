using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;

namespace LemonData.Video.PackageTests.Support;

/// <summary>
/// tests/LemonData.Video.Roslyn48Host: a process whose only Roslyn is Workspaces 4.8 with the System.Composition that
/// version depends on. Built from source once per run into the fixture's folder (it is not in Generated.sln, so no
/// solution build can be writing it at the same time), and run on the package the consumer restored.
/// </summary>
public sealed class Roslyn48Host
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    private Roslyn48Host(string assemblyPath, ProcessResult build)
    {
        AssemblyPath = assemblyPath;
        Build = build;
    }

    public string AssemblyPath { get; }

    public ProcessResult Build { get; }

    public static async Task<Roslyn48Host> BuildAsync(string outputDirectory)
    {
        var project = Path.Combine(RepositoryRoot.Path, "tests", "LemonData.Video.Roslyn48Host", "LemonData.Video.Roslyn48Host.csproj");
        var arguments = new List<string> { "build", project, "-c", "Release", "-o", outputDirectory };
        arguments.AddRange(DotNet.NoLingeringProcesses);
        var build = await DotNet.RunAsync(RepositoryRoot.Path, arguments, BuildTimeout).ConfigureAwait(false);
        var assembly = Path.Combine(outputDirectory, "LemonData.Video.Roslyn48Host.dll");
        if (build.ExitCode != 0 || !File.Exists(assembly))
        {
            throw new InvalidOperationException("The Roslyn 4.8 host did not build." + Environment.NewLine + build.Describe());
        }

        return new Roslyn48Host(assembly, build);
    }

    /// <summary>
    /// Runs the host on <paramref name="sourcePath"/> compiled against <paramref name="sdkAssembly"/>, with the analyzer and
    /// fixes of <paramref name="analyzerFolder"/>, applying the first fix of each of <paramref name="fixIds"/>.
    /// </summary>
    public async Task<(ProcessResult Process, Roslyn48Report Report)> RunAsync(
        string analyzerFolder,
        string sdkAssembly,
        string sourcePath,
        IEnumerable<string> fixIds)
    {
        var arguments = new List<string> { "exec", AssemblyPath, "--analyzers", analyzerFolder, "--sdk", sdkAssembly, "--source", sourcePath };
        foreach (var id in fixIds)
        {
            arguments.Add("--fix");
            arguments.Add(id);
        }

        var process = await DotNet.RunAsync(Path.GetDirectoryName(sourcePath)!, arguments, RunTimeout).ConfigureAwait(false);
        var report = process.StandardOutput.TrimStart().StartsWith('{')
            ? JsonSerializer.Deserialize<Roslyn48Report>(process.StandardOutput)!
            : throw new InvalidOperationException("The Roslyn 4.8 host wrote no report." + Environment.NewLine + process.Describe());
        return (process, report);
    }
}

/// <summary>The host's report (tests/LemonData.Video.Roslyn48Host/HostReport.cs), as its JSON reads.</summary>
public sealed record Roslyn48Report(
    string Roslyn,
    string HostSystemComposition,
    string FixesReferenceSystemComposition,
    IReadOnlyList<string> Analyzers,
    IReadOnlyList<string> CodeFixProviders,
    IReadOnlyList<string> CompilerErrors,
    IReadOnlyList<string> Diagnostics,
    IReadOnlyList<Roslyn48Fix> Fixes,
    IReadOnlyList<string> Remaining,
    string? Error);

public sealed record Roslyn48Fix(string Id, string Title, int Line, string Before, string After);
