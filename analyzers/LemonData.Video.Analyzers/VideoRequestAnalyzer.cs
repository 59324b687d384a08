using System;
using System.Collections.Immutable;
using System.Threading;
using LemonData.Video.Analyzers.Configuration;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LemonData.Video.Analyzers;

/// <summary>
/// The LemonData.Video analyzer: every rule (<see cref="RuleSet"/>) in one pass. One analyzer with one action,
/// because the cost of an analyzer is mostly what each registered callback repeats: with a callback per rule, every
/// rule found the request, read its constants and followed its local again. Here each assignment of a request
/// property is read once, the request it belongs to is built once (<see cref="RequestView"/>, cached per creation),
/// and the rules are plain checks of that.
/// </summary>
/// <remarks>
/// Nothing is registered in a compilation that does not reference the SDK, nothing runs in generated code, and no
/// exception ever leaves a callback (it would surface as AD0001 on the user's build; a missed warning is the lesser harm).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class VideoRequestAnalyzer : DiagnosticAnalyzer
{
    /// <summary>
    /// Sees the exceptions the callbacks swallow. Only the analyzer's own tests set it: swallowing keeps a bug from
    /// breaking a user's build, and this keeps it from hiding in a test that expects silence.
    /// </summary>
    internal static Action<Exception>? SwallowedExceptionObserver { get; set; }

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = RuleSet.Descriptors.Add(Descriptors.LDV0012_InvalidExtraModel);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        // Resolved once per compilation: the callback compares symbols, it never looks a name up.
        var sdk = VideoSdk.TryCreate(context.Compilation);
        if (sdk is null)
        {
            return;
        }

        // A syntax node action, not an operation action: an operation action makes Roslyn build the operation tree of
        // every method body in the compilation (measured: about a fifth of a build's analysis time on a corpus of
        // request code, and all of it in code without requests). Here a method's tree is built only when the syntax
        // shows an assignment to a member named like a request property, and only that assignment is looked at.
        // Every diagnostic is reported from the assignment it is about: a diagnostic reported elsewhere would be
        // non-local, which the IDE neither shows as the user types nor offers a fix for.
        var extraModels = new ExtraModelsOption(context.Options.AnalyzerConfigOptionsProvider);
        context.RegisterSyntaxNodeAction(syntaxContext => OnAssignment(syntaxContext, sdk, extraModels), SyntaxKind.SimpleAssignmentExpression);

        // The configuration has no place in the source: a malformed entry is reported once, when the compilation ends.
        var problems = FindProblems(extraModels, context.Compilation, context.CancellationToken);
        if (!problems.IsEmpty)
        {
            context.RegisterCompilationEndAction(endContext => ReportProblems(endContext, problems));
        }
    }

    private static ImmutableArray<ExtraModelProblem> FindProblems(ExtraModelsOption extraModels, Compilation compilation, CancellationToken cancellationToken)
    {
        try
        {
            return extraModels.FindProblems(compilation, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            SwallowedExceptionObserver?.Invoke(exception);
            return ImmutableArray<ExtraModelProblem>.Empty;
        }
    }

    private static void ReportProblems(CompilationAnalysisContext context, ImmutableArray<ExtraModelProblem> problems)
    {
        foreach (var problem in problems)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.LDV0012_InvalidExtraModel, Location.None, problem.Message));
        }
    }

    private static void OnAssignment(SyntaxNodeAnalysisContext context, VideoSdk sdk, ExtraModelsOption extraModels)
    {
        // The hot path of every assignment in the compilation: a name comparison rejects nearly all of them before the
        // semantic model is asked anything, and one symbol comparison the rest that do not write the SDK's request.
        if (AssignedMember.NameOf(((AssignmentExpressionSyntax)context.Node).Left) is not { } name || !VideoSdk.IsPropertyName(name))
        {
            return;
        }

        try
        {
            if (context.SemanticModel.GetOperation(context.Node, context.CancellationToken)
                    is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                || !sdk.TryGetProperty(target.Property, out var property)
                || PropertyWrite.TryCreate(assignment, property) is not { } write)
            {
                return;
            }

            var writeContext = new WriteContext(context, sdk, extraModels, write);
            foreach (var rule in RuleSet.For(property))
            {
                Run(rule, ref writeContext);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Deliberately silent for the user: see the class remarks.
            SwallowedExceptionObserver?.Invoke(exception);
        }
    }

    // One rule at a time, so that a bug in one rule never silences the others on the same assignment.
    private static void Run(RequestRule rule, ref WriteContext context)
    {
        try
        {
            rule.Analyze(ref context);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            SwallowedExceptionObserver?.Invoke(exception);
        }
    }
}
