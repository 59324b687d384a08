using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using LemonData.Video.Benchmarks.Analyzer;
using LemonData.Video.Benchmarks.Batch;
using LemonData.Video.Benchmarks.Build;
using LemonData.Video.Benchmarks.Download;
using LemonData.Video.Benchmarks.Polling;
using LemonData.Video.Benchmarks.Sdk;

namespace LemonData.Video.Benchmarks;

/// <summary>
/// Runs the BenchmarkDotNet benchmarks (analyzer cost, SDK overhead), then the reports (polling, download,
/// build), then checks every target of issue 7 and exits with 1 when one does not hold.
/// <c>--filter GLOB</c> selects by full name (e.g. <c>*Sdk*</c>, <c>*Analyzer*</c>, <c>*Polling*</c>, <c>*Download*</c>, <c>*Build*</c>);
/// <c>--corpus-dir DIR</c> only writes the analyzer corpus as a project into DIR (to build by hand).
/// </summary>
public static class Program
{
    private static readonly Type[] BenchmarkTypes = { typeof(AnalyzerCostBenchmarks), typeof(ModelsFileCostBenchmarks), typeof(SdkOverheadBenchmarks) };

    private static readonly (string Name, Action Run)[] Reports =
    {
        (typeof(AnalyzerTelemetryReport).FullName!, AnalyzerTelemetryReport.Run),
        (typeof(AnalyzerFloorReport).FullName!, AnalyzerFloorReport.Run),
        (typeof(ModelsFileReport).FullName!, ModelsFileReport.Run),
        (typeof(PollingReport).FullName!, PollingReport.Run),
        (typeof(DownloadReport).FullName!, DownloadReport.Run),
        (typeof(AnalyzerBuildReport).FullName!, () => AnalyzerBuildReport.Run()),
        (typeof(BuildReport).FullName!, BuildReport.Run),
        (typeof(BatchReport).FullName!, BatchReport.Run),
        (typeof(FarmReport).FullName!, FarmReport.Run),
    };

    public static int Main(string[] args)
    {
        if (args.Length is 1 or 2 && args[0] == SimulatorProcess.ServeArgument)
        {
            return SimulatorProcess.ServeAsync(args.Length == 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0).GetAwaiter().GetResult();
        }

        var corpusDir = Array.IndexOf(args, "--corpus-dir");
        if (corpusDir >= 0 && corpusDir + 1 < args.Length)
        {
            AnalyzerBuildReport.Run(keepIn: System.IO.Path.GetFullPath(args[corpusDir + 1]));
            return Targets.AllHold ? 0 : 1;
        }

        var filters = Filters(args);
        var benchmarkArgs = filters.Count == 0 ? args.Concat(new[] { "--filter", "*" }).ToArray() : args;

        var benchmarkNames = BenchmarkTypes.SelectMany(type => type.GetMethods()
            .Where(method => method.GetCustomAttribute<BenchmarkAttribute>() is not null)
            .Select(method => type.FullName + "." + method.Name));
        if (benchmarkNames.Any(name => Matches(filters, name)))
        {
            var summaries = BenchmarkSwitcher.FromTypes(BenchmarkTypes).Run(benchmarkArgs, DefaultConfig.Instance.WithArtifactsPath(System.IO.Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"))).ToList();
            CheckBenchmarkTargets(summaries);
        }

        foreach (var (name, run) in Reports)
        {
            if (Matches(filters, name))
            {
                run();
            }
        }

        Targets.PrintSummary();
        return Targets.AllHold ? 0 : 1;
    }

    private static void CheckBenchmarkTargets(IReadOnlyList<Summary> summaries)
    {
        var reports = summaries.SelectMany(summary => summary.Reports)
            .Where(report => report.ResultStatistics is not null)
            .ToDictionary(report => report.BenchmarkCase.Descriptor.WorkloadMethod.Name);

        Console.WriteLine();
        Console.WriteLine("// * Benchmark targets *");
        if (reports.TryGetValue(nameof(AnalyzerCostBenchmarks.EmptyAnalyzer_AllDiagnostics), out var empty)
            && reports.TryGetValue(nameof(AnalyzerCostBenchmarks.OurAnalyzers_AllDiagnostics), out var ours))
        {
            var ratio = ours.ResultStatistics!.Mean / empty.ResultStatistics!.Mean;
            var perConstructionUs = (ours.ResultStatistics.Mean - empty.ResultStatistics.Mean) / 1000.0 / ConsumerCorpus.RequestCount;
            var medianRatio = ours.ResultStatistics.Median / empty.ResultStatistics.Median;
            Targets.Check("Analyzer", "adds <= 3% to a CompilationWithAnalyzers run (GetAllDiagnosticsAsync)",
                string.Create(CultureInfo.InvariantCulture,
                    $"{(ratio - 1) * 100:+0.0;-0.0}% (mean {ours.ResultStatistics.Mean / 1e6:0} ms vs {empty.ResultStatistics.Mean / 1e6:0} ms; median {(medianRatio - 1) * 100:+0.0;-0.0}%)"),
                ratio <= 1.03);
            // What other analyzers cost on the same run: the same registration doing nothing, an operation action doing
            // nothing (the operation trees ours avoids), and reporting our exact diagnostics with no analysis (the floor).
            foreach (var floorName in new[]
            {
                nameof(AnalyzerCostBenchmarks.NoOpAssignmentAnalyzer_AllDiagnostics),
                nameof(AnalyzerCostBenchmarks.NoOpOperationAnalyzer_AllDiagnostics),
                nameof(AnalyzerCostBenchmarks.ReportOnlyAnalyzer_AllDiagnostics),
            })
            {
                if (reports.TryGetValue(floorName, out var floor))
                {
                    var floorMean = floor.ResultStatistics!.Mean;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  (info) {floorName}: {(floorMean / empty.ResultStatistics.Mean - 1) * 100:+0.0;-0.0}% over the empty analyzer; ours over it: {(ours.ResultStatistics.Mean / floorMean - 1) * 100:+0.0;-0.0}%, {(ours.ResultStatistics.Mean - floorMean) / 1000.0 / ConsumerCorpus.RequestCount:0.00} us per construction"));
                }
            }

            Targets.Check("Analyzer", "<= 25 us per request construction",
                string.Create(CultureInfo.InvariantCulture, $"{perConstructionUs:0.00} us ({ConsumerCorpus.RequestCount} constructions)"),
                perConstructionUs <= 25);

            if (reports.TryGetValue(nameof(AnalyzerCostBenchmarks.EmptyAnalyzer_OtherCode), out var emptyOther)
                && reports.TryGetValue(nameof(AnalyzerCostBenchmarks.OurAnalyzers_OtherCode), out var oursOther))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  (info) on as much code that never touches a request: {(oursOther.ResultStatistics!.Mean / emptyOther.ResultStatistics!.Mean - 1) * 100:+0.0;-0.0}% (mean {oursOther.ResultStatistics.Mean / 1e6:0} ms vs {emptyOther.ResultStatistics.Mean / 1e6:0} ms)"));
            }
        }

        if (reports.TryGetValue(nameof(ModelsFileCostBenchmarks.OurAnalyzers_NoModelsFile), out var noFile)
            && reports.TryGetValue(nameof(ModelsFileCostBenchmarks.OurAnalyzers_With100ModelFile), out var withFile))
        {
            var ratio = withFile.ResultStatistics!.Mean / noFile.ResultStatistics!.Mean;
            var medianRatio = withFile.ResultStatistics.Median / noFile.ResultStatistics.Median;
            Targets.Check("Analyzer with lemondata-models.json", "a " + ModelsFileCorpus.ModelCount + "-model file adds <= 5% to the same run without it",
                string.Create(CultureInfo.InvariantCulture,
                    $"{(ratio - 1) * 100:+0.0;-0.0}% (mean {withFile.ResultStatistics.Mean / 1e6:0} ms vs {noFile.ResultStatistics.Mean / 1e6:0} ms; median {(medianRatio - 1) * 100:+0.0;-0.0}%)"),
                ratio <= 1.05);
        }

        foreach (var (baselineName, candidates) in new[]
        {
            (nameof(SdkOverheadBenchmarks.Create_HttpClientBaseline), new[] { nameof(SdkOverheadBenchmarks.Create_Sdk_ValidationOn), nameof(SdkOverheadBenchmarks.Create_Sdk_ValidationOff) }),
            (nameof(SdkOverheadBenchmarks.Get_HttpClientBaseline), new[] { nameof(SdkOverheadBenchmarks.Get_Sdk_ValidationOn), nameof(SdkOverheadBenchmarks.Get_Sdk_ValidationOff) }),
        })
        {
            if (!reports.TryGetValue(baselineName, out var baseline))
            {
                continue;
            }

            var baselineBytes = baseline.GcStats.GetBytesAllocatedPerOperation(baseline.BenchmarkCase) ?? 0;
            foreach (var name in candidates)
            {
                if (!reports.TryGetValue(name, out var sdk))
                {
                    continue;
                }

                var time = sdk.ResultStatistics!.Mean / baseline.ResultStatistics!.Mean;
                var bytes = sdk.GcStats.GetBytesAllocatedPerOperation(sdk.BenchmarkCase) ?? 0;
                var allocation = baselineBytes == 0 ? double.PositiveInfinity : (double)bytes / baselineBytes;
                Targets.Check("SDK overhead: " + name, "<= 1.10x the baseline's time",
                    string.Create(CultureInfo.InvariantCulture, $"{time:0.00}x ({sdk.ResultStatistics.Mean / 1000:0.00} us vs {baseline.ResultStatistics.Mean / 1000:0.00} us)"),
                    time <= 1.10);
                Targets.Check("SDK overhead: " + name, "<= 1.25x the baseline's allocated bytes",
                    string.Create(CultureInfo.InvariantCulture, $"{allocation:0.00}x ({bytes} B vs {baselineBytes} B)"),
                    allocation <= 1.25);
            }
        }
    }

    private static List<string> Filters(string[] args)
    {
        var filters = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--filter" or "-f")
            {
                while (i + 1 < args.Length && !args[i + 1].StartsWith('-'))
                {
                    filters.Add(args[++i]);
                }
            }
        }

        return filters;
    }

    private static bool Matches(List<string> filters, string fullName) =>
        filters.Count == 0 || filters.Any(filter =>
            Regex.IsMatch(fullName, "^" + Regex.Escape(filter).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.IgnoreCase));
}
