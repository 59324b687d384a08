extern alias Analyzers;

using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LemonData.Video.Benchmarks.Build;

namespace LemonData.Video.Benchmarks.Analyzer;

/// <summary>
/// The corpus as a real project, built with <c>dotnet build -p:ReportAnalyzer=true</c>: the compiler's own account
/// of the time each analyzer took, next to the .NET SDK's analyzers that every build runs. The project references the
/// SDK and the analyzer assemblies this program was built with.
/// </summary>
public static class AnalyzerBuildReport
{
    public static void Run(string? keepIn = null)
    {
        var directory = keepIn ?? Path.Combine(Path.GetTempPath(), "lemondata-corpus-" + Guid.NewGuid().ToString("N"));
        var sdk = typeof(LemonDataVideoClient).Assembly.Location;
        var analyzer = typeof(Analyzers::LemonData.Video.Analyzers.Descriptors).Assembly.Location;
        ConsumerCorpus.WriteProject(directory, sdk, analyzer);
        try
        {
            Console.WriteLine();
            Console.WriteLine("// * Analyzer: the corpus built as a project, dotnet build -p:ReportAnalyzer=true *");
            BuildReport.Require(Shell.Run("dotnet", "restore Corpus.csproj -nodeReuse:false", directory), "corpus restore");
            var build = BuildReport.Require(
                Shell.Run("dotnet", "build Corpus.csproj --no-restore -c Release -nodeReuse:false -p:ReportAnalyzer=true -v:d", directory), "corpus build");
            var lines = build.Output.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
            var total = lines.FirstOrDefault(line => line.Contains("Total analyzer execution time", StringComparison.Ordinal))?.Trim();
            var ours = lines.Where(line => line.Contains("LemonData.Video.Analyzers", StringComparison.Ordinal) && Regex.IsMatch(line, @"^\s*[<\d]")).Select(line => line.Trim()).Distinct().ToList();
            // MSBuild prints each warning more than once: count distinct locations.
            var warnings = lines.Select(line => Regex.Match(line, @"(\w+\.cs\(\d+,\d+\)): warning (LDV\d+)"))
                .Where(match => match.Success).Select(match => match.Groups[1].Value + match.Groups[2].Value).Distinct().Count();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Build time (after restore): {build.Elapsed.TotalSeconds:0.0} s"));
            Console.WriteLine(total ?? "(no 'Total analyzer execution time' line found)");
            Console.WriteLine("   Time (s)    %   Analyzer");
            foreach (var line in ours)
            {
                Console.WriteLine("   " + line);
            }

            if (ours.Count > 0 && double.TryParse(ours[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var oursSeconds))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"LemonData.Video.Analyzers: {oursSeconds:0.000} s (summed over threads) = {oursSeconds / build.Elapsed.TotalSeconds:P1} of the build's wall-clock time, {oursSeconds * 1e6 / ConsumerCorpus.RequestCount:0.0} us per request construction."));
            }

            Console.WriteLine();
            Targets.Check("Analyzer (dotnet build -p:ReportAnalyzer=true)", "the build reports exactly the corpus' diagnostics",
                $"{warnings} LDV warnings, expected {ConsumerCorpus.ExpectedDiagnosticCount}", warnings == ConsumerCorpus.ExpectedDiagnosticCount);
        }
        finally
        {
            if (keepIn is null)
            {
                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }
}
