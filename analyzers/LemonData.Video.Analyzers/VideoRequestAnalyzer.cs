using System;
using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LemonData.Video.Analyzers;

/// <summary>
/// What every LemonData.Video analyzer shares: nothing runs in a compilation without the SDK's request type,
/// nothing runs in generated code, and no exception ever leaves a callback (it would surface as AD0001 on the
/// user's build; a missed warning is the lesser harm).
/// </summary>
public abstract class VideoRequestAnalyzer : DiagnosticAnalyzer
{
    private protected VideoRequestAnalyzer()
    {
    }

    /// <summary>
    /// Sees the exceptions the callbacks swallow. Only the analyzer's own tests set it: swallowing keeps a bug from
    /// breaking a user's build, and this keeps it from hiding in a test that expects silence.
    /// </summary>
    internal static Action<Exception>? SwallowedExceptionObserver { get; set; }

    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    /// <summary>
    /// Looks at one assignment of a request property. Every diagnostic is reported from the assignment it is
    /// about, inside the operation being analyzed: a diagnostic reported elsewhere would be non-local, which the
    /// IDE neither shows as the user types nor offers a fix for. A rule that combines properties asks for the
    /// whole request (<see cref="WriteContext.GetRequest"/>) and reports on the write that decides it.
    /// </summary>
    private protected abstract void AnalyzeWrite(in WriteContext context);

    private void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var sdk = VideoSdk.For(context.Compilation);
        if (sdk is null)
        {
            return;
        }

        context.RegisterOperationAction(operationContext => OnAssignment(operationContext, sdk), OperationKind.SimpleAssignment);
    }

    private void OnAssignment(OperationAnalysisContext context, VideoSdk sdk)
    {
        try
        {
            if (context.Operation is ISimpleAssignmentOperation assignment && PropertyWrite.TryCreate(assignment, sdk) is { } write)
            {
                AnalyzeWrite(new WriteContext(context, sdk, write));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Deliberately silent for the user: see the class summary.
            SwallowedExceptionObserver?.Invoke(exception);
        }
    }

    /// <summary>One assignment of a request property.</summary>
    private protected readonly struct WriteContext
    {
        public WriteContext(OperationAnalysisContext context, VideoSdk sdk, PropertyWrite write)
        {
            Context = context;
            Sdk = sdk;
            Write = write;
        }

        public OperationAnalysisContext Context { get; }

        public VideoSdk Sdk { get; }

        public PropertyWrite Write { get; }

        /// <summary>The whole request this assignment is part of, or null where the analyzer cannot see it whole.</summary>
        public RequestView? GetRequest() => RequestView.ForAssignment(Write.Assignment, Sdk, Context.CancellationToken);

        /// <summary>
        /// The request, when this assignment is the last write of its property in it: the write whose value the
        /// request is sent with, so that a combination is reported once, on the write that decides it.
        /// </summary>
        public RequestView? GetRequestDecidedHere()
        {
            var request = GetRequest();
            return request?[Write.Property]?.Assignment == Write.Assignment ? request : null;
        }

        /// <summary>
        /// The model <paramref name="request"/> is sent with, when it is known and the combination rules apply to
        /// it: as the client's validation does, a model that is set but not in the catalog is left to LDV0001,
        /// because a model newer than the SDK may well accept the combination.
        /// </summary>
        public static bool TryGetCheckedModel(RequestView request, out string? model) =>
            request.TryGetModel(out model) && (model is null || VideoModelCatalog.Contains(model));

        public void Report(DiagnosticDescriptor descriptor, SyntaxNode node, VideoRuleViolation? violation, ImmutableDictionary<string, string?>? properties = null) =>
            Diagnostics.Report(Context, descriptor, node, violation, properties);
    }

    private static class Diagnostics
    {
        public static void Report(
            OperationAnalysisContext context,
            DiagnosticDescriptor descriptor,
            SyntaxNode node,
            VideoRuleViolation? violation,
            ImmutableDictionary<string, string?>? properties)
        {
            // The id check keeps a rule from ever reporting another rule's finding under its own id.
            if (violation is not { } found || found.DiagnosticId != descriptor.Id)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(descriptor, node.GetLocation(), properties, found.Message));
        }
    }
}
