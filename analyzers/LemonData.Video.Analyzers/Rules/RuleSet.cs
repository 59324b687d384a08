using System.Collections.Generic;
using System.Collections.Immutable;
using LemonData.Video.Analyzers.Configuration;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers;

/// <summary>Every rule, and which rules look at which property: the analyzer calls a rule only for its own properties.</summary>
internal static class RuleSet
{
    /// <summary>Every rule, one per diagnostic id, in id order.</summary>
    public static ImmutableArray<RequestRule> All { get; } = ImmutableArray.Create<RequestRule>(
        new ModelShouldBeInCatalog(),
        new ImageShouldNotBeSetOnTextOnlyModel(),
        new KeyframesShouldBeOnKeyframeModel(),
        new ImageToVideoModelShouldHaveImage(),
        new ImageAndImageUrlShouldNotBothBeSet(),
        new FpsShouldBeInRange(),
        new CfgScaleShouldBeInRange(),
        new MotionStrengthShouldBeInRange(),
        new DurationShouldBeSupportedByModel(),
        new ImageShouldBeBase64DataUrl(),
        new PromptShouldNotBeEmpty(),
        new ResolutionShouldBeOfferedByModel(),
        new AspectRatioShouldBeOfferedByModel(),
        new ParameterShouldBeSupportedByModel());

    /// <summary>The descriptors of every rule.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = DescriptorsOf(All);

    // Indexed by RequestProperty: an array lookup per assignment instead of asking every rule.
    private static readonly RequestRule[][] ByProperty = IndexByProperty(All);

    // Indexed by ContractLists: one gate per combination of lists, built once.
    private static readonly PropertyNameGate[] Gates = BuildGates();

    /// <summary>The rules that look at assignments of <paramref name="property"/>.</summary>
    public static RequestRule[] For(RequestProperty property) => ByProperty[(int)property];

    /// <summary>The names of the properties some rule reads in a compilation whose catalog has <paramref name="lists"/>.</summary>
    public static PropertyNameGate GateFor(ContractLists lists) => Gates[(int)(lists & ContractLists.All)];

    /// <summary>Whether <paramref name="rule"/> can fire in a compilation whose catalog has <paramref name="lists"/>.</summary>
    public static bool Applies(RequestRule rule, ContractLists lists) =>
        rule.RequiredLists == ContractLists.None || (rule.RequiredLists & lists) != ContractLists.None;

    private static ImmutableArray<DiagnosticDescriptor> DescriptorsOf(ImmutableArray<RequestRule> rules)
    {
        var descriptors = ImmutableArray.CreateBuilder<DiagnosticDescriptor>(rules.Length);
        foreach (var rule in rules)
        {
            descriptors.Add(rule.Descriptor);
        }

        return descriptors.MoveToImmutable();
    }

    private static RequestRule[][] IndexByProperty(ImmutableArray<RequestRule> rules)
    {
        var index = new RequestRule[RequestProperties.Count][];
        for (var property = 0; property < index.Length; property++)
        {
            var builder = ImmutableArray.CreateBuilder<RequestRule>();
            foreach (var rule in rules)
            {
                if (rule.Properties.Contains((RequestProperty)property))
                {
                    builder.Add(rule);
                }
            }

            index[property] = builder.ToArray();
        }

        return index;
    }

    private static PropertyNameGate[] BuildGates()
    {
        var gates = new PropertyNameGate[(int)ContractLists.All + 1];
        for (var lists = 0; lists < gates.Length; lists++)
        {
            var read = new List<RequestProperty>();
            for (var property = 0; property < RequestProperties.Count; property++)
            {
                foreach (var rule in ByProperty[property])
                {
                    if (Applies(rule, (ContractLists)lists))
                    {
                        read.Add((RequestProperty)property);
                        break;
                    }
                }
            }

            gates[lists] = new PropertyNameGate(read);
        }

        return gates;
    }
}
