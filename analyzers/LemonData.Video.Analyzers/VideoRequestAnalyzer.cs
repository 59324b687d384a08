using System;
using System.Collections.Generic;
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

    private readonly bool readSyntaxFirst;

    /// <summary>The analyzer as the compiler and the IDE create it.</summary>
    public VideoRequestAnalyzer()
        : this(readSyntaxFirst: true)
    {
    }

    /// <param name="readSyntaxFirst">
    /// False only in the analyzer's own tests: every request is then read from the operation tree, and each test checks
    /// that reading the syntax first (<see cref="SyntaxRequests"/>) finds exactly the same diagnostics.
    /// </param>
    internal VideoRequestAnalyzer(bool readSyntaxFirst) => this.readSyntaxFirst = readSyntaxFirst;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = RuleSet.Descriptors
        .Add(Descriptors.LDV0012_InvalidExtraModel)
        .Add(Descriptors.LDV0016_InvalidModelsFile);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        // Resolved once per compilation: the callback compares symbols, it never looks a name up.
        var sdk = VideoSdk.TryCreate(context.Compilation);
        if (sdk is null)
        {
            return;
        }

        // The catalog file, read once per content: the rules see its models in place of the snapshot's.
        var modelsFile = FindModelsFile(context.Options, context.CancellationToken);
        var extraModels = new ExtraModelsOption(context.Options.AnalyzerConfigOptionsProvider);
        var models = new KnownModels(modelsFile, extraModels);

        // A syntax node action, not an operation action: an operation action makes Roslyn build the operation tree of
        // every method body in the compilation (measured: about a fifth of a build's analysis time on a corpus of
        // request code, and all of it in code without requests). Here a method's tree is built only when the syntax
        // shows an assignment to a member named like a property a rule reads, and only that assignment is looked at.
        // Which names those are depends on the catalog: without a file, no model has a contract list, and the names
        // only the contract rules read (Resolution, Seed, ...) are rejected as cheaply as any other.
        // Every diagnostic is reported from the assignment it is about: a diagnostic reported elsewhere would be
        // non-local, which the IDE neither shows as the user types nor offers a fix for.
        var gate = RuleSet.GateFor(models.Lists);
        var syntaxRequests = readSyntaxFirst ? new SyntaxRequests(sdk, RequestTypeNames.Find(context.Compilation, sdk.RequestType, context.CancellationToken)) : null;
        context.RegisterSyntaxNodeAction(syntaxContext => OnAssignment(syntaxContext, sdk, models, gate, syntaxRequests), SyntaxKind.SimpleAssignmentExpression);

        // The file's problems are reported in the file, from an action on the file itself: once per problem whatever the
        // number of syntax trees, and refreshed by the IDE when the file is edited.
        if (modelsFile.Content is { Problems.Count: > 0 })
        {
            context.RegisterAdditionalFileAction(fileContext => ReportFileProblems(fileContext, modelsFile));
        }

        // The configuration has no place in the source: a malformed entry is reported once, when the compilation ends.
        var problems = FindProblems(extraModels, modelsFile.Catalog, context.Compilation, context.CancellationToken);
        if (!problems.IsEmpty)
        {
            context.RegisterCompilationEndAction(endContext => ReportProblems(endContext, problems));
        }
    }

    private static ModelsFile FindModelsFile(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return ModelsFile.Find(options, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The snapshot, as without a file: a file the analyzer cannot even open is not worth a crash of the build.
            SwallowedExceptionObserver?.Invoke(exception);
            return ModelsFile.None;
        }
    }

    private static void ReportFileProblems(AdditionalFileAnalysisContext context, ModelsFile modelsFile)
    {
        if (!modelsFile.Is(context.AdditionalFile, context.Options.AdditionalFiles))
        {
            return;
        }

        try
        {
            foreach (var problem in modelsFile.Content!.Problems)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.LDV0016_InvalidModelsFile, modelsFile.LocationOf(problem.Line), Describe(problem)));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            SwallowedExceptionObserver?.Invoke(exception);
        }
    }

    // The location gives the file and the line; the message names the field, unless the reader's sentence already does.
    private static string Describe(CatalogFileProblem problem) =>
        problem.Field is null || problem.Message.IndexOf(problem.Field, StringComparison.Ordinal) >= 0
            ? problem.Message
            : problem.Field + ": " + problem.Message;

    private static ImmutableArray<ExtraModelProblem> FindProblems(ExtraModelsOption extraModels, VideoModelCatalog catalog, Compilation compilation, CancellationToken cancellationToken)
    {
        try
        {
            return extraModels.FindProblems(catalog, compilation, cancellationToken);
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

    private static void OnAssignment(SyntaxNodeAnalysisContext context, VideoSdk sdk, KnownModels models, PropertyNameGate gate, SyntaxRequests? syntaxRequests)
    {
        // The hot path of every assignment in the compilation: a name lookup rejects nearly all of them before the
        // semantic model is asked anything; the syntax, with the binder's name lookups, reads nearly all of the rest; the
        // method is bound (its operation tree) only for the shapes the syntax cannot read.
        var node = (AssignmentExpressionSyntax)context.Node;
        var left = node.Left;
        if (left is TupleExpressionSyntax tuple)
        {
            OnDeconstruction(context, tuple, sdk, models, gate);
            return;
        }

        if (AssignedMember.NameOf(left) is not { } name || !gate.Admits(name))
        {
            return;
        }

        try
        {
            if (syntaxRequests is not null && syntaxRequests.Read(context.SemanticModel, node, context.CancellationToken, out var read, out var view))
            {
                if (read is not null)
                {
                    RunRules(context, sdk, models, read, view);
                }

                return;
            }

            if (context.SemanticModel.GetOperation(context.Node, context.CancellationToken)
                    is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                || !sdk.TryGetProperty(target.Property, out var property)
                || PropertyWrite.TryCreate(assignment, property) is not { } write)
            {
                return;
            }

            RunRules(context, sdk, models, write, view: null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Deliberately silent for the user: see the class remarks.
            SwallowedExceptionObserver?.Invoke(exception);
        }
    }

    // (request.Fps, request.Seed) = (500, 7): each element whose value stands in a tuple literal is a write the value
    // rules judge on its own; no element is part of a request the analyzer sees whole, so the combination rules stay silent.
    private static void OnDeconstruction(SyntaxNodeAnalysisContext context, TupleExpressionSyntax left, VideoSdk sdk, KnownModels models, PropertyNameGate gate)
    {
        var admitted = false;
        foreach (var argument in left.Arguments)
        {
            if (AssignedMember.NameOf(argument.Expression) is { } name && gate.Admits(name))
            {
                admitted = true;
                break;
            }
        }

        if (!admitted)
        {
            return;
        }

        try
        {
            if (context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IDeconstructionAssignmentOperation deconstruction)
            {
                return;
            }

            var writes = new List<PropertyWrite>();
            PropertyWrite.AddDeconstructionWrites(deconstruction, sdk, writes);
            foreach (var write in writes)
            {
                RunRules(context, sdk, models, write, view: null);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            SwallowedExceptionObserver?.Invoke(exception);
        }
    }

    private static void RunRules(SyntaxNodeAnalysisContext context, VideoSdk sdk, KnownModels models, PropertyWrite write, RequestView? view)
    {
        var writeContext = new WriteContext(context, sdk, models, write, view);
        foreach (var rule in RuleSet.For(write.Property))
        {
            if (RuleSet.Applies(rule, models.Lists))
            {
                Run(rule, ref writeContext);
            }
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
