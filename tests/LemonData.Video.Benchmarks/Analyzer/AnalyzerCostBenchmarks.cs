extern alias Analyzers;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LemonData.Video.Benchmarks.Analyzer;

/// <summary>
/// What the analyzer adds to a build: a realistic run (compiler diagnostics and analyzer diagnostics,
/// <see cref="CompilationWithAnalyzers.GetAllDiagnosticsAsync()"/>) over the generated <see cref="ConsumerCorpus"/>,
/// with our analyzer against the same run with an analyzer that registers nothing, and against the floors any analyzer
/// with our output pays (<see cref="ReferenceAnalyzers"/>). Targets: at most +3%, and at most 25 µs per request construction.
/// </summary>
[Config(typeof(MacroConfig))]
public class AnalyzerCostBenchmarks
{
    private Compilation _compilation = null!;
    private Compilation _otherCode = null!;
    private ImmutableArray<DiagnosticAnalyzer> _ours;
    private ImmutableArray<DiagnosticAnalyzer> _empty;
    private ImmutableArray<DiagnosticAnalyzer> _noOpAssignment;
    private ImmutableArray<DiagnosticAnalyzer> _noOpOperation;
    private ImmutableArray<DiagnosticAnalyzer> _reportOnly;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = CorpusCompilation.Create();
        _otherCode = CorpusCompilation.Create(OtherCodeCorpus.Generate());
        _ours = CorpusCompilation.OurAnalyzers();
        _empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
        _noOpAssignment = ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAssignmentAnalyzer());
        _noOpOperation = ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpOperationAnalyzer());
        _reportOnly = ImmutableArray.Create<DiagnosticAnalyzer>(new ReportOnlyAnalyzer(CorpusCompilation.Verify(_compilation, _ours)));
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Analyzer")]
    public int EmptyAnalyzer_AllDiagnostics() => Run(_empty, expectedOurs: 0);

    /// <summary>Ours' registration (a syntax node action on every assignment) doing nothing: the driver's own cost.</summary>
    [Benchmark, BenchmarkCategory("Analyzer")]
    public int NoOpAssignmentAnalyzer_AllDiagnostics() => Run(_noOpAssignment, expectedOurs: 0);

    /// <summary>
    /// An operation action on every assignment doing nothing: what an IOperation-based analyzer pays for Roslyn to build
    /// the operation tree of every method body, the reason ours registers a syntax node action instead.
    /// </summary>
    [Benchmark, BenchmarkCategory("Analyzer")]
    public int NoOpOperationAnalyzer_AllDiagnostics() => Run(_noOpOperation, expectedOurs: 0);

    /// <summary>
    /// Ours' registration, reporting our exact diagnostics (same ids, same locations) without analysing anything: the
    /// floor of any analyzer that finds what ours finds (see <see cref="ReportOnlyAnalyzer"/>).
    /// </summary>
    [Benchmark, BenchmarkCategory("Analyzer")]
    public int ReportOnlyAnalyzer_AllDiagnostics() => Run(_reportOnly, expectedOurs: ConsumerCorpus.ExpectedDiagnosticCount);

    [Benchmark, BenchmarkCategory("Analyzer")]
    public int OurAnalyzers_AllDiagnostics() => Run(_ours, expectedOurs: ConsumerCorpus.ExpectedDiagnosticCount);

    /// <summary>The baseline of the same size of code that never touches a request (<see cref="OtherCodeCorpus"/>).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("AnalyzerOtherCode")]
    public int EmptyAnalyzer_OtherCode() => Run(_empty, expectedOurs: 0, _otherCode);

    /// <summary>What our analyzer costs the rest of a project: code that never touches a request.</summary>
    [Benchmark, BenchmarkCategory("AnalyzerOtherCode")]
    public int OurAnalyzers_OtherCode() => Run(_ours, expectedOurs: 0, _otherCode);

    private int Run(ImmutableArray<DiagnosticAnalyzer> analyzers, int expectedOurs, Compilation? compilation = null)
    {
        // A fresh compilation (same syntax trees, no bound state): every run binds the corpus, as a build does.
        var diagnostics = CorpusCompilation.Analyze((compilation ?? _compilation).Clone(), analyzers).GetAwaiter().GetResult();
        var ours = CorpusCompilation.CountOurs(diagnostics);
        if (ours != expectedOurs)
        {
            throw new InvalidOperationException($"Expected {expectedOurs} LDV diagnostics, got {ours}.");
        }

        return diagnostics.Length;
    }
}

/// <summary>The corpus compiled against the real SDK assembly and the framework the benchmarks run on.</summary>
public static class CorpusCompilation
{
    public static Compilation Create() => Create(ConsumerCorpus.Generate());

    /// <summary><paramref name="files"/> compiled against the real SDK assembly and the framework the benchmarks run on.</summary>
    public static Compilation Create(IReadOnlyList<(string Name, string Source)> files)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files
            .Select(file => CSharpSyntaxTree.ParseText(file.Source, options, path: file.Name))
            .ToArray();
        return CSharpCompilation.Create(
            "Consumer",
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static IReadOnlyList<MetadataReference> References()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = new List<MetadataReference>();
        foreach (var path in Directory.EnumerateFiles(frameworkDirectory, "*.dll"))
        {
            if (IsManaged(path))
            {
                references.Add(MetadataReference.CreateFromFile(path));
            }
        }

        references.Add(MetadataReference.CreateFromFile(typeof(LemonDataVideoClient).Assembly.Location));
        return references;
    }

    /// <summary>Every analyzer the package ships (one, since all rules share one pass).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> OurAnalyzers()
    {
        var assembly = typeof(Analyzers::LemonData.Video.Analyzers.Descriptors).Assembly;
        var analyzers = assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                && type.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0)
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();
        if (analyzers.Length == 0)
        {
            throw new InvalidOperationException("No analyzer found in " + assembly.Location);
        }

        return analyzers;
    }

    public static Task<ImmutableArray<Diagnostic>> Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, bool logTime = false) =>
        Analyze(compilation, analyzers, ImmutableArray<AdditionalText>.Empty, logTime);

    /// <summary>The analyzers run with <paramref name="additionalFiles"/> (for example a lemondata-models.json) as a build passes them.</summary>
    public static async Task<ImmutableArray<Diagnostic>> Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<AdditionalText> additionalFiles, bool logTime = false)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles),
            onAnalyzerException: (exception, analyzer, _) => throw new InvalidOperationException(analyzer.GetType().Name + " threw", exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: logTime);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        return await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
    }

    public static int CountOurs(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Count(diagnostic => diagnostic.Id.StartsWith("LDV", StringComparison.Ordinal));

    /// <summary>Fails unless the corpus compiles and our analyzers report exactly the expected diagnostics, which it returns.</summary>
    public static ImmutableArray<Diagnostic> Verify(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> ours) =>
        Verify(compilation, ours, ConsumerCorpus.ExpectedDiagnosticCount);

    /// <summary>Fails unless the corpus compiles and our analyzers report exactly <paramref name="expected"/> diagnostics, which it returns.</summary>
    public static ImmutableArray<Diagnostic> Verify(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> ours, int expected)
    {
        var diagnostics = Analyze(compilation.Clone(), ours).GetAwaiter().GetResult();
        var problems = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("AD", StringComparison.Ordinal)).Take(10).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The corpus does not compile cleanly:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        var count = CountOurs(diagnostics);
        if (count != expected)
        {
            var byId = string.Join(", ", diagnostics.Where(d => d.Id.StartsWith("LDV", StringComparison.Ordinal))
                .GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => g.Key + " x" + g.Count()));
            throw new InvalidOperationException(
                $"The corpus must produce exactly {expected} LDV diagnostics; it produced {count} ({byId}).");
        }

        return diagnostics.Where(d => d.Id.StartsWith("LDV", StringComparison.Ordinal)).ToImmutableArray();
    }

    private static bool IsManaged(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
            return reader.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
