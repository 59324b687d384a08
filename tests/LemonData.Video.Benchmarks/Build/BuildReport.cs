using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace LemonData.Video.Benchmarks.Build;

/// <summary>
/// Build-time code generation: a no-op rebuild of src/LemonData.Video runs no NSwag, and what the code
/// generation step costs in a clean build. Runs on a copy of the repository's sources in a temporary folder, so
/// that it neither cleans nor locks the working tree others build in.
/// </summary>
public static class BuildReport
{
    private const string Project = "src/LemonData.Video/LemonData.Video.csproj";

    public static void Run()
    {
        var root = Shell.RepositoryRoot();
        var copy = Path.Combine(Path.GetTempPath(), "lemondata-build-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(copy);
            foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "nswag.json", "README.md", "global.json", "NuGet.config", "nuget.config" })
            {
                if (File.Exists(Path.Combine(root, file)))
                {
                    File.Copy(Path.Combine(root, file), Path.Combine(copy, file));
                }
            }

            Shell.CopyDirectory(Path.Combine(root, "openapi"), Path.Combine(copy, "openapi"));
            Shell.CopyDirectory(Path.Combine(root, "analyzers"), Path.Combine(copy, "analyzers"));
            Shell.CopyDirectory(Path.Combine(root, "src", "LemonData.Video"), Path.Combine(copy, "src", "LemonData.Video"));

            Console.WriteLine();
            Console.WriteLine("// * Build: code generation (copy of the sources in " + copy + ") *");
            Require(Shell.Run("dotnet", $"restore {Project} -nodeReuse:false", copy), "restore");

            var clean = Require(Shell.Run("dotnet", $"build {Project} --no-restore -c Release -nodeReuse:false -v:n", copy), "clean build");
            var cleanGenerations = Regex.Matches(clean.Output, @": generated .* from ").Count;

            var noop = Require(Shell.Run("dotnet", $"build {Project} --no-restore -c Release -nodeReuse:false -v:n", copy), "no-op rebuild");
            var noopGenerations = Regex.Matches(noop.Output, @": generated .* from ").Count;
            var skipped = Regex.Matches(noop.Output, "Skipping target \"LemonDataGenerateCode\"").Count;

            // The code generation target alone: with its stamp (skipped: MSBuild's fixed cost), then without (NSwag runs).
            var msbuildArguments = $"msbuild {Project} -t:LemonDataGenerateCode -p:Configuration=Release -nodeReuse:false -v:n";
            var upToDate = Require(Shell.Run("dotnet", msbuildArguments, copy), "codegen target, up to date");
            File.Delete(Path.Combine(copy, "src", "LemonData.Video", "obj", "Generated", "codegen.stamp"));
            var sdkCodegen = Require(Shell.Run("dotnet", msbuildArguments, copy), "codegen target, SDK");
            var analyzerProject = "analyzers/LemonData.Video.Analyzers/LemonData.Video.Analyzers.csproj";
            File.Delete(Path.Combine(copy, "analyzers", "LemonData.Video.Analyzers", "obj", "Generated", "codegen.stamp"));
            var analyzerCodegen = Require(Shell.Run("dotnet", $"msbuild {analyzerProject} -t:LemonDataGenerateCode -p:Configuration=Release -nodeReuse:false -v:n", copy), "codegen target, analyzer");

            var netCodegen = (sdkCodegen.Elapsed - upToDate.Elapsed) + (analyzerCodegen.Elapsed - upToDate.Elapsed);
            Console.WriteLine("| Step | Time, s | Code generation runs |");
            Console.WriteLine("| --- | --- | --- |");
            Row("Clean build of src/LemonData.Video (+ analyzer projects), Release, after restore", clean.Elapsed, cleanGenerations);
            Row("No-op rebuild", noop.Elapsed, noopGenerations);
            Row("`msbuild -t:LemonDataGenerateCode`, stamp present (MSBuild's fixed cost)", upToDate.Elapsed, Regex.Matches(upToDate.Output, @": generated .* from ").Count);
            Row("`msbuild -t:LemonDataGenerateCode`, stamp deleted: SDK (contracts + catalog)", sdkCodegen.Elapsed, Regex.Matches(sdkCodegen.Output, @": generated .* from ").Count);
            Row("`msbuild -t:LemonDataGenerateCode`, stamp deleted: analyzer (catalog)", analyzerCodegen.Elapsed, Regex.Matches(analyzerCodegen.Output, @": generated .* from ").Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Code generation in a clean build: ~{netCodegen.TotalSeconds:0.0} s (both targets less MSBuild's fixed cost); the clean build without it: ~{(clean.Elapsed - netCodegen).TotalSeconds:0.0} s of {clean.Elapsed.TotalSeconds:0.0} s ({netCodegen / clean.Elapsed:P0} is code generation)."));
            Console.WriteLine();

            Targets.Check("Build", "a no-op rebuild runs no code generation",
                $"{noopGenerations} NSwag runs, LemonDataGenerateCode skipped {skipped} times (clean build: {cleanGenerations} runs)",
                noopGenerations == 0 && skipped >= 1 && cleanGenerations >= 1);
        }
        finally
        {
            try
            {
                Directory.Delete(copy, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void Row(string step, TimeSpan elapsed, int generations) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {step} | {elapsed.TotalSeconds:0.0} | {generations} |"));

    internal static (int ExitCode, string Output, TimeSpan Elapsed) Require((int ExitCode, string Output, TimeSpan Elapsed) result, string what)
    {
        if (result.ExitCode != 0)
        {
            var tail = string.Join(Environment.NewLine, result.Output.Split('\n').TakeLast(40));
            throw new InvalidOperationException($"{what} failed with exit code {result.ExitCode}:{Environment.NewLine}{tail}");
        }

        return result;
    }
}
