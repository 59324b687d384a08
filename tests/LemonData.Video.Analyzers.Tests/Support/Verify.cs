extern alias Analyzers;

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using RequestRule = Analyzers::LemonData.Video.Analyzers.RequestRule;
using VideoRequestAnalyzer = Analyzers::LemonData.Video.Analyzers.VideoRequestAnalyzer;
using VideoRuleViolation = Analyzers::LemonData.Video.VideoRuleViolation;

namespace LemonData.Video.Analyzers.Tests.Support;

/// <summary>
/// Runs the analyzer over test code compiled against the real SDK, with every rule but <typeparamref name="TRule"/>
/// turned off (as <c>dotnet_diagnostic.LDVxxxx.severity = none</c> would), so that a test states one rule's findings.
/// </summary>
internal static class Verify<TRule>
    where TRule : RequestRule, new()
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor, int markup, VideoRuleViolation? violation)
    {
        Assert.True(violation.HasValue, "the shared rule should find a violation for the expected diagnostic");
        return new DiagnosticResult(descriptor).WithLocation(markup).WithArguments(violation!.Value.Message);
    }

    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        AnalyzerWithModelsAsync(source, modelsFile: null, expected);

    /// <summary>The rule's findings in <paramref name="source"/> with the catalog file <paramref name="modelsFile"/> (none when null).</summary>
    public static async Task AnalyzerWithModelsAsync(string source, string? modelsFile, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        if (modelsFile is not null)
        {
            test.TestState.AdditionalFiles.Add((ModelsFiles.Name, modelsFile));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
        SwallowedExceptions.AssertNone();

        // The same findings when every request is read from the operation tree: the syntax reader answers only where its
        // answer is the operation tree's.
        var operationTreeOnly = new Test { TestCode = source, ReadSyntaxFirst = false };
        operationTreeOnly.TestState.AdditionalFiles.AddRange(test.TestState.AdditionalFiles);
        operationTreeOnly.ExpectedDiagnostics.AddRange(expected);
        await operationTreeOnly.RunAsync(CancellationToken.None);
        SwallowedExceptions.AssertNone();
    }

    public sealed class Test : CSharpAnalyzerTest<VideoRequestAnalyzer, DefaultVerifier>
    {
        /// <summary>False: the analyzer reads every request from the operation tree (see VideoRequestAnalyzer's constructor).</summary>
        public bool ReadSyntaxFirst { get; init; } = true;

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => [new VideoRequestAnalyzer(ReadSyntaxFirst)];

        public Test(bool referenceSdk = true)
        {
            ReferenceAssemblies = SdkReferences.Framework;
            if (referenceSdk)
            {
                TestState.AdditionalReferences.Add(SdkReferences.Sdk);
            }

            DisabledDiagnostics.AddRange(OtherRules.Of<TRule>());
        }
    }
}

/// <summary>
/// Runs the analyzer, with every rule but <typeparamref name="TRule"/> turned off, and one code fix over test code compiled
/// against the real SDK, one fix at a time and as Fix All.
/// </summary>
internal static class Verify<TRule, TCodeFix>
    where TRule : RequestRule, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Task FixAsync(string source, string fixedSource, string? equivalenceKey = null) =>
        FixAsync(source, fixedSource, equivalenceKey, null);

    public static Task FixAsync(string source, string fixedSource, string? equivalenceKey, int? iterations) =>
        FixWithModelsAsync(source, fixedSource, modelsFile: null, equivalenceKey, iterations);

    /// <summary>The fix, with the catalog file <paramref name="modelsFile"/> (none when null) before and after it.</summary>
    public static Task FixWithModelsAsync(string source, string fixedSource, string? modelsFile, string? equivalenceKey = null, int? iterations = null)
    {
        var test = new Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        if (modelsFile is not null)
        {
            test.TestState.AdditionalFiles.Add((ModelsFiles.Name, modelsFile));
            test.FixedState.AdditionalFiles.Add((ModelsFiles.Name, modelsFile));
        }

        if (iterations is int count)
        {
            test.NumberOfIncrementalIterations = count;
            test.NumberOfFixAllIterations = 1;
        }

        return RunAsync(test);
    }

    /// <summary>The analyzer reports in <paramref name="source"/> (markup counts as diagnostics) but no fix is offered.</summary>
    public static Task NoFixAsync(string source, string? modelsFile = null)
    {
        var test = new Test { TestCode = source, FixedCode = source };
        if (modelsFile is not null)
        {
            test.TestState.AdditionalFiles.Add((ModelsFiles.Name, modelsFile));
            test.FixedState.AdditionalFiles.Add((ModelsFiles.Name, modelsFile));
        }

        return RunAsync(test);
    }

    private static async Task RunAsync(Test test)
    {
        await test.RunAsync(CancellationToken.None);
        SwallowedExceptions.AssertNone();
    }

    public sealed class Test : CSharpCodeFixTest<VideoRequestAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = SdkReferences.Framework;
            TestState.AdditionalReferences.Add(SdkReferences.Sdk);
            FixedState.AdditionalReferences.Add(SdkReferences.Sdk);
            DisabledDiagnostics.AddRange(OtherRules.Of<TRule>());

            // Markup [|...|] is the rule's diagnostic; its message is checked by the analyzer tests.
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
        }

        protected override DiagnosticDescriptor? GetDefaultDiagnostic(DiagnosticAnalyzer[] analyzers) => new TRule().Descriptor;
    }
}

/// <summary>
/// The whole analyzer, every diagnostic on, over test code compiled against the real SDK: for the tests of its
/// configuration (.editorconfig and .globalconfig files go in <c>TestState.AnalyzerConfigFiles</c>).
/// </summary>
internal sealed class WholeAnalyzerTest : CSharpAnalyzerTest<VideoRequestAnalyzer, DefaultVerifier>
{
    /// <summary>A test of <paramref name="source"/>, in the file <paramref name="path"/> (default: the framework's /0/Test0.cs).</summary>
    public WholeAnalyzerTest(string source, string? path = null)
    {
        ReferenceAssemblies = SdkReferences.Framework;
        TestState.AdditionalReferences.Add(SdkReferences.Sdk);
        if (path is null)
        {
            TestCode = source;
        }
        else
        {
            TestState.Sources.Add((path, source));
        }
    }

    public WholeAnalyzerTest WithConfig(string path, string text)
    {
        TestState.AnalyzerConfigFiles.Add((path, text));
        return this;
    }

    /// <summary>The catalog file, as the AdditionalFile <paramref name="path"/> (found by its name unless configured otherwise).</summary>
    public WholeAnalyzerTest WithModelsFile(string text, string path = ModelsFiles.Name)
    {
        TestState.AdditionalFiles.Add((path, text));
        return this;
    }

    public WholeAnalyzerTest Expect(params DiagnosticResult[] expected)
    {
        ExpectedDiagnostics.AddRange(expected);
        return this;
    }

    /// <summary>False: the analyzer reads every request from the operation tree (see VideoRequestAnalyzer's constructor).</summary>
    private bool ReadSyntaxFirst { get; set; } = true;

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => [new VideoRequestAnalyzer(ReadSyntaxFirst)];

    /// <summary>Runs the test, then again with every request read from the operation tree: both must find the same.</summary>
    public async Task VerifyAsync()
    {
        await RunAsync(CancellationToken.None);
        SwallowedExceptions.AssertNone();
        ReadSyntaxFirst = false;
        await RunAsync(CancellationToken.None);
        SwallowedExceptions.AssertNone();
    }
}

/// <summary>The ids of every diagnostic of the analyzer but one rule's.</summary>
internal static class OtherRules
{
    public static IEnumerable<string> Of<TRule>()
        where TRule : RequestRule, new()
    {
        var id = new TRule().Descriptor.Id;
        return new VideoRequestAnalyzer().SupportedDiagnostics.Select(descriptor => descriptor.Id).Where(other => other != id);
    }
}
