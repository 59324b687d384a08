using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LemonData.Video.Benchmarks.Analyzer;

/// <summary>
/// A second view of the analyzer's cost, less sensitive to a busy machine than two separate benchmarks: runs with
/// the empty analyzer and with ours alternate, so that both see the same load; the medians are compared.
/// (Roslyn 4.8's <c>logAnalyzerExecutionTime</c> telemetry read back zero for every analyzer here, so the per-analyzer
/// split comes from <c>dotnet build -p:ReportAnalyzer=true</c> instead: <see cref="AnalyzerBuildReport"/>.)
/// </summary>
public static class AnalyzerTelemetryReport
{
    private const int Pairs = 4;

    public static void Run()
    {
        var compilation = CorpusCompilation.Create();
        var ours = CorpusCompilation.OurAnalyzers();
        var empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
        CorpusCompilation.Verify(compilation, ours); // also warms up

        var emptyTimes = new List<double>();
        var oursTimes = new List<double>();
        for (var pair = 0; pair < Pairs; pair++)
        {
            emptyTimes.Add(Time(() => CorpusCompilation.Analyze(compilation.Clone(), empty).GetAwaiter().GetResult()));
            var count = 0;
            oursTimes.Add(Time(() => count = CorpusCompilation.CountOurs(CorpusCompilation.Analyze(compilation.Clone(), ours).GetAwaiter().GetResult())));
            if (count != ConsumerCorpus.ExpectedDiagnosticCount)
            {
                throw new InvalidOperationException($"Expected {ConsumerCorpus.ExpectedDiagnosticCount} LDV diagnostics, got {count}.");
            }
        }

        var emptyMedian = Medians.Of(emptyTimes);
        var oursMedian = Medians.Of(oursTimes);
        var ratio = oursMedian / emptyMedian;
        var perConstruction = (oursMedian - emptyMedian) * 1e6 / ConsumerCorpus.RequestCount;
        Console.WriteLine();
        Console.WriteLine($"// * Analyzer: alternating runs ({Pairs} pairs, {ConsumerCorpus.RequestCount} request constructions, {ours.Length} analyzers, GetAllDiagnosticsAsync) *");
        Console.WriteLine("| Run | Empty analyzer, s | Our analyzers, s |");
        Console.WriteLine("| --- | --- | --- |");
        for (var i = 0; i < Pairs; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {i + 1} | {emptyTimes[i]:0.000} | {oursTimes[i]:0.000} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| median | {emptyMedian:0.000} | {oursMedian:0.000} ({(ratio - 1) * 100:+0.0;-0.0}%, {perConstruction:0.0} us per construction) |"));
        Console.WriteLine();
        Targets.Check("Analyzer (alternating runs)", "adds <= 3% and <= 25 us per construction",
            string.Create(CultureInfo.InvariantCulture, $"{(ratio - 1) * 100:+0.0;-0.0}%, {perConstruction:0.0} us per construction (medians of {Pairs})"),
            ratio <= 1.03 && perConstruction <= 25);
    }

    private static double Time(Action action)
    {
        GC.Collect();
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }
}
