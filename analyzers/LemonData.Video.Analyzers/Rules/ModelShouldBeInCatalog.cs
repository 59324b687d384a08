using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers;

/// <summary>
/// LDV0001: <c>Model</c> is a constant that is not an id of the catalog (the snapshot, or <c>lemondata-models.json</c>),
/// nor one the user declared in <c>lemondata_video.extra_models</c>.
/// </summary>
internal sealed class ModelShouldBeInCatalog : RequestRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.LDV0001_UnknownModel;

    public override ImmutableArray<RequestProperty> Properties { get; } = ImmutableArray.Create(RequestProperty.Model);

    public override void Analyze(ref WriteContext context)
    {
        var write = context.Write;
        var catalog = context.Models.Catalog;
        if (write.StringValue is not string model
            || VideoRequestRules.CheckModel(model, catalog, serviceModelIds: null, serviceSaidNotFound: false) is not { } violation
            || context.TryGetModelInfo(model, out _))
        {
            // In the catalog or the catalog file, or declared in lemondata_video.extra_models for this file: a model newer than the SDK.
            return;
        }

        // For an empty id the rule suggests leaving Model unset, not the nearest id: there is nothing to replace it with.
        // The fix offers the id the message names: of the catalog file too.
        var properties = model.Trim().Length == 0
            ? null
            : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.SuggestedModel, VideoRequestRules.FindClosestModelId(model, catalog, serviceModelIds: null));
        context.Report(Descriptor, write.ValueSyntax, violation, properties);
    }
}
