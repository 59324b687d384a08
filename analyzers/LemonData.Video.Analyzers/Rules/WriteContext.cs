using System.Collections.Immutable;
using LemonData.Video.Analyzers.Configuration;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LemonData.Video.Analyzers;

/// <summary>
/// One assignment of a request property, as every rule of that property sees it. Passed by reference from rule to
/// rule, so that the whole request, when a rule asks for it, is looked up once for all of them.
/// </summary>
internal struct WriteContext
{
    private readonly SyntaxNodeAnalysisContext context;
    private readonly VideoSdk sdk;
    private readonly RequestView? syntaxView;
    private RequestView? request;
    private bool requestLookedUp;

    /// <param name="view">
    /// The request as <see cref="SyntaxRequests"/> read it with the write, when it could (then final: the operation tree is
    /// never asked); null to look the request up in the operation tree when a rule first asks for it.
    /// </param>
    public WriteContext(SyntaxNodeAnalysisContext context, VideoSdk sdk, KnownModels models, PropertyWrite write, RequestView? view)
    {
        this.context = context;
        this.sdk = sdk;
        Models = models;
        Write = write;
        syntaxView = view;
        request = view;
        requestLookedUp = view is not null;
    }

    public PropertyWrite Write { get; }

    /// <summary>The models the analyzer knows in this compilation: the catalog (with the catalog file) and the declared ones.</summary>
    public KnownModels Models { get; }

    /// <summary>The whole request this assignment is part of, or null where the analyzer cannot see it whole.</summary>
    public RequestView? GetRequest()
    {
        if (!requestLookedUp)
        {
            // An element of a deconstruction is never part of a request the analyzer sees whole.
            request = !Write.IsDeconstructionElement
                && context.SemanticModel.GetOperation(Write.AssignmentSyntax, context.CancellationToken) is ISimpleAssignmentOperation assignment
                ? RequestView.ForAssignment(assignment, sdk, context.CancellationToken)
                : null;
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
        return whole?[Write.Property]?.AssignmentSyntax == Write.AssignmentSyntax ? whole : null;
    }

    /// <summary>
    /// False when the request's model certainly has no contract list a rule could use, found without building the whole
    /// request: this assignment stands in an initializer that is the whole request (not stored in a local whose later
    /// statements could change it), and the initializer's own <c>Model</c> (unset: the default) is a constant of a model
    /// without lists, or is not a constant at all. True otherwise, and the rule then asks for the whole request.
    /// </summary>
    /// <remarks>
    /// Measured: with a catalog file whose models have <c>supported_parameters</c>, LDV0015 reads every property write, and
    /// building the whole request for each creation cost about a tenth of a build's analysis; nearly every request names a
    /// model without lists, which this answers from the initializer's constant alone. It never changes a finding: where it
    /// says false, the whole request would have the same model and the rule would stay silent.
    /// </remarks>
    public readonly bool ModelMayHaveContract()
    {
        if (syntaxView is not null)
        {
            // Read from the syntax, the request is at hand: a model it does not know leaves every contract rule silent.
            return syntaxView.TryGetModel(out var known) && TryGetModelInfo(known, out var knownInfo) && knownInfo.HasContractLists;
        }

        if (Write.IsDeconstructionElement
            || context.SemanticModel.GetOperation(Write.AssignmentSyntax, context.CancellationToken) is not { } written
            || written.Parent is not IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation } initializer
            || IsStoredInLocal(creation))
        {
            return true;
        }

        string? model = null;
        foreach (var member in initializer.Initializers)
        {
            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                && sdk.TryGetProperty(target.Property, out var property)
                && property == RequestProperty.Model)
            {
                if (!assignment.Value.ConstantValue.HasValue || assignment.Value.ConstantValue.Value is not string constant)
                {
                    // Not a constant, or null: the whole request could not name the model either.
                    return false;
                }

                model = constant;
            }
        }

        return TryGetModelInfo(model, out var info) && info.HasContractLists;
    }

    private static bool IsStoredInLocal(IObjectCreationOperation creation)
    {
        IOperation created = creation;
        while (created.Parent is IConversionOperation conversion)
        {
            created = conversion;
        }

        return created.Parent is IVariableInitializerOperation
            || (created.Parent is ISimpleAssignmentOperation { Target: ILocalReferenceOperation });
    }

    /// <summary>
    /// What the analyzer knows of the model <paramref name="model"/> (null: unset, the service's default): the catalog's
    /// entry (the snapshot's, or the catalog file's, which wins), else the one <c>lemondata_video.extra_models</c> declares
    /// for this file. The option is read only for a model the catalog does not have.
    /// </summary>
    public readonly bool TryGetModelInfo(string? model, out VideoModelInfo info) =>
        Models.TryGet(model, context.Node.SyntaxTree, out info);

    /// <summary>
    /// The model <paramref name="request"/> is sent with and what is known of it, for the rules of a model's contract
    /// (LDV0009's durations, LDV0013-LDV0015): as the client's validation does, they read the model's lists whatever its
    /// capabilities, and a model nothing is known of has no lists, so they stay silent.
    /// </summary>
    public readonly bool TryGetModelWithInfo(RequestView request, out string? model, out VideoModelInfo info)
    {
        info = null!;
        return request.TryGetModel(out model) && TryGetModelInfo(model, out info);
    }

    /// <summary>
    /// The model <paramref name="request"/> is sent with, when it is known and the combination rules apply to it: as the
    /// client's validation does, a model that is not in the catalog is left to LDV0001, because a model newer than the
    /// SDK may well accept the combination; unless the user declared its capabilities in <c>lemondata_video.extra_models</c>.
    /// A model declared without capabilities stays unknown here: no rule guesses what it takes.
    /// </summary>
    public readonly bool TryGetCheckedModel(RequestView request, out string? model, out VideoModelInfo info)
    {
        info = null!;
        return request.TryGetModel(out model)
            && TryGetModelInfo(model, out info)
            && info.Capabilities != VideoCapabilities.None;
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
