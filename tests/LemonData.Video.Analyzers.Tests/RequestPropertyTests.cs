extern alias Analyzers;

using System;
using System.Linq;
using ContractLists = Analyzers::LemonData.Video.Analyzers.Configuration.ContractLists;
using RequestParameters = Analyzers::LemonData.Video.VideoRequestParameters;
using RequestProperty = Analyzers::LemonData.Video.Analyzers.Requests.RequestProperty;
using RuleSet = Analyzers::LemonData.Video.Analyzers.RuleSet;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>The properties the analyzer reads are the request's, and the name gate lets through only those a rule can use.</summary>
public class RequestPropertyTests
{
    private static readonly string[] LimitsAndCapabilities =
        ["Model", "Prompt", "ImageUrl", "Image", "StartImage", "EndImage", "Duration", "Fps", "CfgScale", "MotionStrength"];

    [Fact]
    public void Every_property_of_the_document_is_a_request_property()
    {
        // A property added to the document and forgotten here would never be checked by LDV0015.
        Assert.Equal(RequestParameters.PropertyNames.Order(StringComparer.Ordinal), Enum.GetNames<RequestProperty>().Order(StringComparer.Ordinal));
        Assert.Equal(typeof(VideoGenerationRequest).GetProperties().Select(property => property.Name).Order(StringComparer.Ordinal), Enum.GetNames<RequestProperty>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Without_contract_lists_the_gate_admits_the_names_of_the_limits_and_capabilities_only()
    {
        var gate = RuleSet.GateFor(ContractLists.None);
        Assert.Equal(LimitsAndCapabilities.Order(StringComparer.Ordinal), Enum.GetNames<RequestProperty>().Where(gate.Admits).Order(StringComparer.Ordinal));

        // Durations are read by LDV0009, which reads Duration anyway.
        Assert.Equal(LimitsAndCapabilities.Order(StringComparer.Ordinal), Enum.GetNames<RequestProperty>().Where(RuleSet.GateFor(ContractLists.Durations).Admits).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_list_admits_the_names_its_rule_reads()
    {
        Assert.Equal(
            LimitsAndCapabilities.Append("Resolution").Order(StringComparer.Ordinal),
            Enum.GetNames<RequestProperty>().Where(RuleSet.GateFor(ContractLists.Resolutions).Admits).Order(StringComparer.Ordinal));
        Assert.Equal(
            LimitsAndCapabilities.Append("AspectRatio").Order(StringComparer.Ordinal),
            Enum.GetNames<RequestProperty>().Where(RuleSet.GateFor(ContractLists.AspectRatios).Admits).Order(StringComparer.Ordinal));

        // supported_parameters: every property but User, which no rule reads (LDV0015 never reports it).
        Assert.Equal(
            Enum.GetNames<RequestProperty>().Where(name => name != "User").Order(StringComparer.Ordinal),
            Enum.GetNames<RequestProperty>().Where(RuleSet.GateFor(ContractLists.SupportedParameters).Admits).Order(StringComparer.Ordinal));
        Assert.False(RuleSet.GateFor(ContractLists.All).Admits("User"));
        Assert.False(RuleSet.GateFor(ContractLists.All).Admits("Name"));
    }
}
