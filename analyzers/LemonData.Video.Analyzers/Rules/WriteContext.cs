using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LemonData.Video.Analyzers;

/// <summary>
/// One assignment of a request property, as every rule of that property sees it. Passed by reference from rule to
/// rule, so that the whole request, when a rule asks for it, is looked up once for all of them.
/// </summary>
internal struct WriteContext
{
    private readonly SyntaxNodeAnalysisContext context;
    private readonly VideoSdk sdk;
    private RequestView? request;
    private bool requestLookedUp;

    public WriteContext(SyntaxNodeAnalysisContext context, VideoSdk sdk, PropertyWrite write)
    {
        this.context = context;
        this.sdk = sdk;
        Write = write;
        request = null;
        requestLookedUp = false;
    }

    public PropertyWrite Write { get; }

    /// <summary>
    /// The model a request is sent with, when it is known and the combination rules apply to it: as the client's
    /// validation does, a model that is set but not in the catalog is left to LDV0001, because a model newer than
    /// the SDK may well accept the combination.
    /// </summary>
    public static bool TryGetCheckedModel(RequestView request, out string? model) =>
        request.TryGetModel(out model) && (model is null || VideoModelCatalog.Contains(model));

    /// <summary>The whole request this assignment is part of, or null where the analyzer cannot see it whole.</summary>
    public RequestView? GetRequest()
    {
        if (!requestLookedUp)
        {
            request = RequestView.ForAssignment(Write.Assignment, sdk, context.CancellationToken);
            requestLookedUp = true;
        }

        return request;
    }

    /// <summary>
    /// The request, when this assignment is the last write of its property in it: the write whose value the
    /// request is sent with, so that a combination is reported once, on the write that decides it.
    /// </summary>
    public RequestView? GetRequestDecidedHere()
    {
        var whole = GetRequest();
        return whole?[Write.Property]?.Assignment == Write.Assignment ? whole : null;
    }

    /// <summary>
    /// Reports <paramref name="violation"/> of the shared rules at <paramref name="node"/>, when there is one and it
    /// is <paramref name="descriptor"/>'s: the id check keeps a rule from ever reporting another rule's finding.
    /// </summary>
    public readonly void Report(DiagnosticDescriptor descriptor, SyntaxNode node, VideoRuleViolation? violation, ImmutableDictionary<string, string?>? properties = null)
    {
        if (violation is not { } found || found.DiagnosticId != descriptor.Id)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(descriptor, node.GetLocation(), properties, found.Message));
    }
}
