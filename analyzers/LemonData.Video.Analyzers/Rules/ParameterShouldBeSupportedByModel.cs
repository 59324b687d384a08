using System.Collections.Immutable;
using LemonData.Video.Analyzers.Configuration;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers;

/// <summary>
/// LDV0015: a property is set whose wire name is not in the model's <c>supported_parameters</c>, so the service would
/// ignore it silently; reported on the assignment. Never for <c>Model</c>, <c>Prompt</c> and <c>User</c>, and <c>Image</c>
/// counts as <c>image_url</c> (the shared rule decides both). A combination of the property with the model: it fires only
/// where the analyzer sees the whole request, on the last write of the property, and only for a model whose list is
/// known (a catalog file's entry).
/// </summary>
internal sealed class ParameterShouldBeSupportedByModel : RequestRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.LDV0015_UnsupportedParameter;

    public override ImmutableArray<RequestProperty> Properties { get; } = AllBut(RequestProperty.Model, RequestProperty.Prompt, RequestProperty.User);

    public override ContractLists RequiredLists => ContractLists.SupportedParameters;

    public override void Analyze(ref WriteContext context)
    {
        var write = context.Write;
        if (!write.IsDefinitelySet
            || !context.ModelMayHaveContract()
            || context.GetRequestDecidedHere() is not { } request
            || !context.TryGetModelWithInfo(request, out var model, out var info))
        {
            return;
        }

        context.Report(Descriptor, write.AssignmentSyntax, VideoRequestRules.CheckSupportedParameter(model, info, write.Property.ToString()));
    }

    private static ImmutableArray<RequestProperty> AllBut(params RequestProperty[] excluded)
    {
        var properties = ImmutableArray.CreateBuilder<RequestProperty>();
        for (var property = 0; property < RequestProperties.Count; property++)
        {
            if (System.Array.IndexOf(excluded, (RequestProperty)property) < 0)
            {
                properties.Add((RequestProperty)property);
            }
        }

        return properties.ToImmutable();
    }
}
