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

    public static async Task AnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
        SwallowedExceptions.AssertNone();
    }

    public sealed class Test : CSharpAnalyzerTest<VideoRequestAnalyzer, DefaultVerifier>
    {
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

    public static Task FixAsync(string source, string fixedSource, string? equivalenceKey, int? iterations)
    {
        var test = new Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        if (iterations is int count)
        {
            test.NumberOfIncrementalIterations = count;
            test.NumberOfFixAllIterations = 1;
        }

        return RunAsync(test);
    }

    /// <summary>The analyzer reports in <paramref name="source"/> (markup counts as diagnostics) but no fix is offered.</summary>
    public static Task NoFixAsync(string source)
    {
        return RunAsync(new Test { TestCode = source, FixedCode = source });
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

    public WholeAnalyzerTest Expect(params DiagnosticResult[] expected)
    {
        ExpectedDiagnostics.AddRange(expected);
        return this;
    }

    public async Task VerifyAsync()
    {
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
