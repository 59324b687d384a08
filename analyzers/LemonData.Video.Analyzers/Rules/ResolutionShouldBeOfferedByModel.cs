using System.Collections.Immutable;
using LemonData.Video.Analyzers.Configuration;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers;

/// <summary>LDV0013: <c>Resolution</c> is a constant that is not one of the model's <c>resolutions</c> (silent where the list is unknown).</summary>
internal sealed class ResolutionShouldBeOfferedByModel : OfferedValueRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.LDV0013_UnsupportedResolution;

    public override ImmutableArray<RequestProperty> Properties { get; } = ImmutableArray.Create(RequestProperty.Resolution);

    public override ContractLists RequiredLists => ContractLists.Resolutions;

    private protected override VideoRuleViolation? Check(string? model, VideoModelInfo info, string value) =>
        VideoRequestRules.CheckResolution(model, info, value);

    private protected override string? Nearest(VideoModelInfo info, string value) =>
        info.Resolutions is { Count: > 0 } offered ? OfferedValues.NearestResolution(offered, value) : null;
}
