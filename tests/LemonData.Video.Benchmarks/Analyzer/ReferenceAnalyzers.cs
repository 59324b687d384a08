using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LemonData.Video.Benchmarks.Analyzer;

/// <summary>
/// The analyzers ours is measured against. Each but the empty one declares a diagnostic: the driver skips an analyzer
/// whose every diagnostic is disabled, and one that declares none counts as such (it would measure nothing).
/// </summary>
internal static class ReferenceAnalyzers
{
#pragma warning disable RS2008 // No release tracking for a benchmark's diagnostic.
    public static readonly DiagnosticDescriptor NeverReported = new(
        "NOOP0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008
}

#pragma warning disable RS1025, RS1026, RS1036, RS2008 // Registering nothing, not even these, is the point; no release tracking for a benchmark.

/// <summary>An analyzer that registers nothing: the build without any analyzer (the driver skips it).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray<DiagnosticDescriptor>.Empty;

    public override void Initialize(AnalysisContext context)
    {
    }
}

/// <summary>Registers what ours registers (compilation start, then a syntax node action on assignments) and does nothing in it.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoOpAssignmentAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(ReferenceAnalyzers.NeverReported);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.SimpleAssignmentExpression));
    }
}

/// <summary>Registers an operation action on simple assignments and does nothing in it.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoOpOperationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(ReferenceAnalyzers.NeverReported);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => start.RegisterOperationAction(_ => { }, OperationKind.SimpleAssignment));
    }
}

/// <summary>
/// Registers what ours registers and reports, on the assignment they are on, the diagnostics ours reported in a first
/// run (same ids and locations), looked up by position: the cost of reporting them, without any analysis. The driver
/// checks each reported diagnostic for a SuppressMessage attribute on the symbols declared around it, with a fresh
/// semantic model: for a diagnostic inside <c>var x = ...</c>, that binds the whole method again, nullable analysis included.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReportOnlyAnalyzer : DiagnosticAnalyzer
{
    private readonly Dictionary<(string Path, int Start, int Length), DiagnosticDescriptor> _at = new();
    private readonly ImmutableArray<DiagnosticDescriptor> _descriptors;

    public ReportOnlyAnalyzer(ImmutableArray<Diagnostic> ours)
    {
        var byId = new Dictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (var diagnostic in ours)
        {
            if (!byId.TryGetValue(diagnostic.Id, out var descriptor))
            {
                descriptor = new DiagnosticDescriptor(diagnostic.Id, diagnostic.Id, "{0}", "Usage", DiagnosticSeverity.Warning, isEnabledByDefault: true);
                byId.Add(diagnostic.Id, descriptor);
            }

            var span = diagnostic.Location.SourceSpan;
            _at[(diagnostic.Location.SourceTree!.FilePath, span.Start, span.Length)] = descriptor;
        }

        _descriptors = byId.Values.ToImmutableArray();
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _descriptors;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => start.RegisterSyntaxNodeAction(ReportIfKnown, SyntaxKind.SimpleAssignmentExpression));
    }

    private void ReportIfKnown(SyntaxNodeAnalysisContext context)
    {
        // Ours reports on the whole assignment or on its value.
        ReportIfKnown(context, context.Node);
        ReportIfKnown(context, ((AssignmentExpressionSyntax)context.Node).Right);
    }

    private void ReportIfKnown(SyntaxNodeAnalysisContext context, SyntaxNode node)
    {
        if (_at.TryGetValue((node.SyntaxTree.FilePath, node.Span.Start, node.Span.Length), out var descriptor))
        {
            context.ReportDiagnostic(Diagnostic.Create(descriptor, node.GetLocation(), "the same diagnostic"));
        }
    }
}

#pragma warning restore RS1025, RS1026, RS1036, RS2008
