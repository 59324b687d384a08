using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LemonData.Video.Benchmarks.Analyzer;

/// <summary>
/// The analyzer against its two floors (issue 14): an analyzer that registers nothing, and one that reports our exact
/// diagnostics at the same places without analysing anything (<see cref="ReportOnlyAnalyzer"/>), on two corpora: the dense
/// one (<see cref="ConsumerCorpus"/>: 20,000 constructions, 4,000 diagnostics) and ordinary application code with a request
/// in one file of twenty (<see cref="RealisticCorpus"/>). Runs alternate, so that all see the same load; each run is timed as
/// the process's CPU time and as the time inside the analyzer's own callbacks (<see cref="CallbackTimer"/>), the steadier of
/// the two on a busy machine. Targets: realistic corpus at most +3% over empty; dense corpus at most 10 us per construction
/// over the report-only floor.
/// </summary>
public static class AnalyzerFloorReport
{
    private const int Rounds = 5;

    public static void Run()
    {
        Measure("dense", ConsumerCorpus.Generate(), ConsumerCorpus.RequestCount, ConsumerCorpus.ExpectedDiagnosticCount, out var dense);
        Measure("realistic", RealisticCorpus.Generate(), RealisticCorpus.RequestCount, RealisticCorpus.ExpectedDiagnosticCount, out var realistic);

        var realisticOverEmpty = (realistic.Ours.Cpu / realistic.Empty.Cpu) - 1;
        Targets.Check("Analyzer on ordinary code (realistic corpus)", "<= +3% over an empty analyzer",
            string.Create(CultureInfo.InvariantCulture, $"CPU {realisticOverEmpty * 100:+0.0;-0.0}% (own callbacks {realistic.Ours.Callbacks * 1000:0} ms of {realistic.Ours.Cpu:0.00} s)"),
            realisticOverEmpty <= 0.03);

        var denseOverFloor = (dense.Ours.Cpu - dense.ReportOnly.Cpu) * 1e6 / ConsumerCorpus.RequestCount;
        var denseCallbacksOverFloor = (dense.Ours.Callbacks - dense.ReportOnly.Callbacks) * 1e6 / ConsumerCorpus.RequestCount;
        Targets.Check("Analyzer on request-dense code (dense corpus)", "<= 10 us per construction over the report-only floor",
            string.Create(CultureInfo.InvariantCulture, $"CPU {denseOverFloor:0.0} us, own callbacks {denseCallbacksOverFloor:0.0} us per construction over the floor"),
            denseOverFloor <= 10);
    }

    private static void Measure(string name, IReadOnlyList<(string Name, string Source)> files, int constructions, int expected, out Figures figures)
    {
        var compilation = CorpusCompilation.Create(files);
        var ours = CorpusCompilation.OurAnalyzers()[0];
        var reportOnly = new ReportOnlyAnalyzer(CorpusCompilation.Verify(compilation, ImmutableArray.Create(ours), expected));
        var timer = new CallbackTimer();
        var runs = new (string Name, DiagnosticAnalyzer Analyzer, int Expected)[]
        {
            ("empty", new EmptyAnalyzer(), 0),
            ("report-only", reportOnly, expected),
            ("ours", ours, expected),
        };
        var cpu = runs.Select(_ => new List<double>()).ToArray();
        var callbacks = runs.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < runs.Length; i++)
            {
                GC.Collect();
                timer.Reset();
                var process = Process.GetCurrentProcess();
                var before = process.TotalProcessorTime;
                var diagnostics = CorpusCompilation.Analyze(compilation.Clone(), ImmutableArray.Create(timer.Wrap(runs[i].Analyzer))).GetAwaiter().GetResult();
                process.Refresh();
                cpu[i].Add((process.TotalProcessorTime - before).TotalSeconds);
                callbacks[i].Add(timer.Elapsed.TotalSeconds);
                var count = CorpusCompilation.CountOurs(diagnostics);
                if (count != runs[i].Expected)
                {
                    throw new InvalidOperationException($"{name}, {runs[i].Name}: expected {runs[i].Expected} LDV diagnostics, got {count}.");
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"// * Analyzer floors, {name} corpus: {files.Count} files, {constructions} request constructions, {expected} diagnostics; {Rounds} alternating rounds *");
        Console.WriteLine("| Analyzer | CPU s (median) | own callbacks ms (median) | CPU over empty | CPU over report-only, us per construction |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        var medians = runs.Select((_, i) => (Cpu: Medians.Of(cpu[i]), Callbacks: Medians.Of(callbacks[i]))).ToArray();
        for (var i = 0; i < runs.Length; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {runs[i].Name} | {medians[i].Cpu:0.000} | {medians[i].Callbacks * 1000:0} | {((medians[i].Cpu / medians[0].Cpu) - 1) * 100:+0.0;-0.0}% | {(medians[i].Cpu - medians[1].Cpu) * 1e6 / constructions:+0.0;-0.0} |"));
        }

        figures = new Figures(medians[0], medians[1], medians[2]);
    }

    private readonly record struct Figures((double Cpu, double Callbacks) Empty, (double Cpu, double Callbacks) ReportOnly, (double Cpu, double Callbacks) Ours);
}
