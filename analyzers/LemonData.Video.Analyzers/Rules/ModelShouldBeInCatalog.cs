using System.Collections.Immutable;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers;

/// <summary>LDV0001: <c>Model</c> is a constant that is not an id of the catalog, nor one the user declared in <c>lemondata_video.extra_models</c>.</summary>
internal sealed class ModelShouldBeInCatalog : RequestRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.LDV0001_UnknownModel;

    public override ImmutableArray<RequestProperty> Properties { get; } = ImmutableArray.Create(RequestProperty.Model);

    public override void Analyze(ref WriteContext context)
    {
        var write = context.Write;
        if (write.StringValue is not string model
            || VideoRequestRules.CheckModel(model) is not { } violation
            || context.TryGetModelInfo(model, out _))
        {
            // In the catalog, or declared in lemondata_video.extra_models for this file: a model newer than the SDK.
            return;
        }

        // For an empty id the rule suggests leaving Model unset, not the nearest id: there is nothing to replace it with.
        var properties = model.Trim().Length == 0
            ? null
            : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.SuggestedModel, ModelIdSuggestions.FindClosest(model));
        context.Report(Descriptor, write.ValueSyntax, violation, properties);
    }
}
