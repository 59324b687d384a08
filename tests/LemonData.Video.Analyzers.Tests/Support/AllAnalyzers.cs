extern alias Analyzers;

using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using VideoRequestAnalyzer = Analyzers::LemonData.Video.Analyzers.VideoRequestAnalyzer;

namespace LemonData.Video.Analyzers.Tests.Support;

/// <summary>Every analyzer of the assembly at once, over code that must compile, as a build runs them.</summary>
internal static class AllAnalyzers
{
    /// <summary>Every analyzer the assembly ships, found as the compiler finds them: by type, not by a list kept here.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Instances { get; } = typeof(VideoRequestAnalyzer).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
            && type.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0)
        .OrderBy(type => type.Name, StringComparer.Ordinal)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    /// <summary>
    /// The analyzers' diagnostics in <paramref name="sources"/> (path, text), after checking that the code compiles
    /// (silence over code that does not compile would prove nothing). Analyzer exceptions fail the test.
    /// </summary>
    public static Task<ImmutableArray<Diagnostic>> RunAsync(bool referenceSdk, params (string Path, string Text)[] sources) =>
        RunAsync(referenceSdk, options: null, sources);

    /// <summary>The analyzers' diagnostics in <paramref name="sources"/>, with the configuration files of <paramref name="options"/>.</summary>
    public static Task<ImmutableArray<Diagnostic>> RunAsync(bool referenceSdk, ConfigOptions? options, params (string Path, string Text)[] sources) =>
        RunAsync(referenceSdk, options, ImmutableArray<AdditionalText>.Empty, sources);

    /// <summary>
    /// The analyzers' diagnostics in <paramref name="sources"/> and in <paramref name="additionalFiles"/> (a catalog file's
    /// LDV0016), with the configuration files of <paramref name="options"/>.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(
        bool referenceSdk,
        ConfigOptions? options,
        ImmutableArray<AdditionalText> additionalFiles,
        params (string Path, string Text)[] sources)
    {
        var references = referenceSdk
            ? await SdkReferences.WithSdkAsync()
            : await SdkReferences.Framework.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create(
            "Consumer",
            sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, new CSharpParseOptions(LanguageVersion.CSharp12), source.Path)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSyntaxTreeOptionsProvider(options?.Severities));

        var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the test code does not compile:\n" + string.Join("\n", errors));

        Exception? analyzerException = null;
        var analysisOptions = new CompilationWithAnalyzersOptions(
            options is null ? new AnalyzerOptions(additionalFiles) : new AnalyzerOptions(additionalFiles, options),
            onAnalyzerException: (exception, _, _) => analyzerException ??= exception,
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var result = await compilation.WithAnalyzers(Instances, analysisOptions).GetAnalysisResultAsync(CancellationToken.None);
        Assert.Null(analyzerException);
        SwallowedExceptions.AssertNone();

        // The same diagnostics, messages and properties when every request is read from the operation tree: the syntax
        // reader answers only where its answer is the operation tree's.
        var operationTreeOnly = await compilation.WithAnalyzers([new VideoRequestAnalyzer(readSyntaxFirst: false)], analysisOptions).GetAnalysisResultAsync(CancellationToken.None);
        Assert.Null(analyzerException);
        Assert.Equal(Describe(result.GetAllDiagnostics()), Describe(operationTreeOnly.GetAllDiagnostics()));

        // Every diagnostic must be local to the code it was found in: the IDE shows a non-local one only after a
        // full analysis, never as the user types, and offers no code fix for it. But LDV0012, which is about the
        // configuration, not the code, and has no place in it.
        var nonLocal = result.CompilationDiagnostics.Values.SelectMany(diagnostics => diagnostics).Where(diagnostic => diagnostic.Id != "LDV0012").ToList();
        Assert.True(nonLocal.Count == 0, "non-local diagnostics:\n" + string.Join("\n", nonLocal));
        var diagnostics = result.GetAllDiagnostics();
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "AD0001");
        return diagnostics.OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start).ThenBy(diagnostic => diagnostic.Id, StringComparer.Ordinal).ToImmutableArray();
    }

    public static Task<ImmutableArray<Diagnostic>> RunAsync(string source) => RunAsync(true, ("Sample.cs", source));

    private static string[] Describe(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics
            .Where(diagnostic => diagnostic.Id.StartsWith("LDV", StringComparison.Ordinal))
            .Select(diagnostic => $"{diagnostic.Location.GetLineSpan()} {diagnostic.Id} {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} "
                + string.Join(",", diagnostic.Properties.OrderBy(property => property.Key, StringComparer.Ordinal).Select(property => property.Key + "=" + property.Value)))
            .OrderBy(text => text, StringComparer.Ordinal)
            .ToArray();

    /// <summary>The analyzers' diagnostics in <paramref name="source"/>, with <paramref name="editorconfig"/> (none when null).</summary>
    public static Task<ImmutableArray<Diagnostic>> RunAsync(string source, string? editorconfig) =>
        RunAsync(true, editorconfig is null ? null : new ConfigOptions(editorconfig), ("/Sample.cs", source));

    /// <summary>
    /// The analyzers' diagnostics in <paramref name="source"/>, with <paramref name="editorconfig"/> (none when null) and the
    /// catalog file <paramref name="modelsFile"/> (none when null) as /lemondata-models.json.
    /// </summary>
    public static Task<ImmutableArray<Diagnostic>> RunAsync(string source, string? editorconfig, string? modelsFile) =>
        RunAsync(
            true,
            editorconfig is null ? null : new ConfigOptions(editorconfig),
            modelsFile is null ? ImmutableArray<AdditionalText>.Empty : ImmutableArray.Create(ModelsFiles.File(modelsFile)),
            ("/Sample.cs", source));
}
