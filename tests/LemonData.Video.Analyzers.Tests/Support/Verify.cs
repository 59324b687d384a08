extern alias Analyzers;

using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using VideoRuleViolation = Analyzers::LemonData.Video.VideoRuleViolation;

namespace LemonData.Video.Analyzers.Tests.Support;

/// <summary>Runs one analyzer over test code compiled against the real SDK.</summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
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

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test(bool referenceSdk = true)
        {
            ReferenceAssemblies = SdkReferences.Framework;
            if (referenceSdk)
            {
                TestState.AdditionalReferences.Add(SdkReferences.Sdk);
            }
        }
    }
}

/// <summary>Runs one analyzer and one code fix over test code compiled against the real SDK, one fix at a time and as Fix All.</summary>
internal static class Verify<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
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

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = SdkReferences.Framework;
            TestState.AdditionalReferences.Add(SdkReferences.Sdk);
            FixedState.AdditionalReferences.Add(SdkReferences.Sdk);

            // Markup {|LDV0006:...|} names the diagnostic; its message is checked by the analyzer tests.
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
        }
    }
}
