using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Benchmarks.Analyzer;

/// <summary>
/// The cost of <c>lemondata-models.json</c> as alternating runs (the steadier view on a busy machine, as
/// <see cref="AnalyzerTelemetryReport"/> is for the analyzer itself): our analyzer over the <see cref="ConsumerCorpus"/> with
/// no file and with a <see cref="ModelsFileCorpus.ModelCount"/>-model file, in turn, so both see the same load. Wall time and
/// the process's CPU time are both compared (another process's load changes the first far more than the second).
/// </summary>
public static class ModelsFileReport
{
    private const int Pairs = 5;

    public static void Run()
    {
        var compilation = CorpusCompilation.Create();
        var ours = CorpusCompilation.OurAnalyzers();
        var file = ImmutableArray.Create(ModelsFileCorpus.Create());
        CorpusCompilation.Verify(compilation, ours);

        var without = new List<(double Wall, double Cpu)>();
        var with = new List<(double Wall, double Cpu)>();
        for (var pair = 0; pair < Pairs; pair++)
        {
            without.Add(Time(compilation, ours, ImmutableArray<AdditionalText>.Empty));
            with.Add(Time(compilation, ours, file));
        }

        var wallRatio = Medians.Of(with.Select(t => t.Wall)) / Medians.Of(without.Select(t => t.Wall));
        var cpuRatio = Medians.Of(with.Select(t => t.Cpu)) / Medians.Of(without.Select(t => t.Cpu));
        Console.WriteLine();
        Console.WriteLine($"// * Analyzer with lemondata-models.json: alternating runs ({Pairs} pairs, {ModelsFileCorpus.ModelCount}-model file) *");
        Console.WriteLine("| Run | No file: wall s / CPU s | With the file: wall s / CPU s |");
        Console.WriteLine("| --- | --- | --- |");
        for (var i = 0; i < Pairs; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {i + 1} | {without[i].Wall:0.000} / {without[i].Cpu:0.000} | {with[i].Wall:0.000} / {with[i].Cpu:0.000} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| median | wall {(wallRatio - 1) * 100:+0.0;-0.0}% | CPU {(cpuRatio - 1) * 100:+0.0;-0.0}% |"));
        Console.WriteLine();
        Targets.Check("Analyzer with lemondata-models.json (alternating runs)", "a " + ModelsFileCorpus.ModelCount + "-model file adds <= 5%",
            string.Create(CultureInfo.InvariantCulture, $"CPU {(cpuRatio - 1) * 100:+0.0;-0.0}%, wall {(wallRatio - 1) * 100:+0.0;-0.0}% (medians of {Pairs})"),
            cpuRatio <= 1.05);
    }

    private static (double Wall, double Cpu) Time(Compilation compilation, ImmutableArray<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer> ours, ImmutableArray<AdditionalText> files)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var diagnostics = CorpusCompilation.Analyze(compilation.Clone(), ours, files).GetAwaiter().GetResult();
        watch.Stop();
        process.Refresh();
        var count = CorpusCompilation.CountOurs(diagnostics);
        if (count != ConsumerCorpus.ExpectedDiagnosticCount)
        {
            throw new InvalidOperationException($"Expected {ConsumerCorpus.ExpectedDiagnosticCount} LDV diagnostics, got {count}.");
        }

        return (watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
    }
}
