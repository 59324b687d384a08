using System;
using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LemonData.Video.Benchmarks.Analyzer;

/// <summary>
/// What reading <c>lemondata-models.json</c> costs the analyzer: the same run over the <see cref="ConsumerCorpus"/> with no
/// file (baseline) and with a <see cref="ModelsFileCorpus.ModelCount"/>-model file. Target: at most +5%. The file is parsed
/// once per content (not per node), so its cost should be the parse plus a larger catalog's lookups.
/// </summary>
[Config(typeof(MacroConfig))]
public class ModelsFileCostBenchmarks
{
    private Compilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _ours;
    private ImmutableArray<AdditionalText> _modelsFile;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = CorpusCompilation.Create();
        _ours = CorpusCompilation.OurAnalyzers();
        _modelsFile = ImmutableArray.Create(ModelsFileCorpus.Create());
        CorpusCompilation.Verify(_compilation, _ours);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("ModelsFile")]
    public int OurAnalyzers_NoModelsFile() => Run(ImmutableArray<AdditionalText>.Empty);

    [Benchmark, BenchmarkCategory("ModelsFile")]
    public int OurAnalyzers_With100ModelFile() => Run(_modelsFile);

    private int Run(ImmutableArray<AdditionalText> additionalFiles)
    {
        var diagnostics = CorpusCompilation.Analyze(_compilation.Clone(), _ours, additionalFiles).GetAwaiter().GetResult();
        var ours = CorpusCompilation.CountOurs(diagnostics);
        if (ours != ConsumerCorpus.ExpectedDiagnosticCount)
        {
            throw new InvalidOperationException($"Expected {ConsumerCorpus.ExpectedDiagnosticCount} LDV diagnostics, got {ours}: a models file must change nothing here.");
        }

        return diagnostics.Length;
    }
}
