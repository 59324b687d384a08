using System;
using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LemonData.Video.Analyzers;

/// <summary>
/// The LemonData.Video analyzer: every rule (<see cref="RuleSet"/>) in one pass. One analyzer with one operation
/// action, because the cost of an analyzer is mostly what each registered callback repeats: with a callback per rule,
/// every rule found the request, read its constants and followed its local again. Here each assignment of a request
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
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => RuleSet.Descriptors;

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

        // Every diagnostic is reported from the assignment it is about, inside the operation being analyzed: a
        // diagnostic reported elsewhere would be non-local, which the IDE neither shows as the user types nor offers
        // a fix for. So the one action is on assignments; the request they belong to is shared through its cache.
        context.RegisterOperationAction(operationContext => OnAssignment(operationContext, sdk), OperationKind.SimpleAssignment);
    }

    private static void OnAssignment(OperationAnalysisContext context, VideoSdk sdk)
    {
        // The hot path of every assignment in the compilation: two type tests and one symbol comparison reject
        // all that do not write a property of the SDK's request.
        if (context.Operation is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
            || !sdk.TryGetProperty(target.Property, out var property))
        {
            return;
        }

        try
        {
            var write = PropertyWrite.TryCreate(assignment, property);
            if (write is null)
            {
                return;
            }

            var writeContext = new WriteContext(context, sdk, write);
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
