using System.Collections.Immutable;
using LemonData.Video.Analyzers.Configuration;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers;

/// <summary>LDV0014: <c>AspectRatio</c> is a constant that is not one of the model's <c>aspect_ratios</c> (silent where the list is unknown).</summary>
internal sealed class AspectRatioShouldBeOfferedByModel : OfferedValueRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.LDV0014_UnsupportedAspectRatio;

    public override ImmutableArray<RequestProperty> Properties { get; } = ImmutableArray.Create(RequestProperty.AspectRatio);

    public override ContractLists RequiredLists => ContractLists.AspectRatios;

    private protected override VideoRuleViolation? Check(string? model, VideoModelInfo info, string value) =>
        VideoRequestRules.CheckAspectRatio(model, info, value);

    private protected override string? Nearest(VideoModelInfo info, string value) =>
        info.AspectRatios is { Count: > 0 } offered ? OfferedValues.NearestAspectRatio(offered, value) : null;
}
