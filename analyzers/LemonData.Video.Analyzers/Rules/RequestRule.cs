using System.Collections.Immutable;
using LemonData.Video.Analyzers.Configuration;
using LemonData.Video.Analyzers.Requests;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers;

/// <summary>
/// One rule of the analyzer, as a plain check: <see cref="VideoRequestAnalyzer"/> reads an assignment once and hands
/// it to the rules of its property. A rule reads no syntax and asks the semantic model nothing: what it needs is in
/// the <see cref="WriteContext"/> (the write, and the whole request when it asks for it, built once for all rules).
/// </summary>
internal abstract class RequestRule
{
    /// <summary>The one diagnostic the rule reports.</summary>
    public abstract DiagnosticDescriptor Descriptor { get; }

    /// <summary>The properties whose assignments the rule looks at: the analyzer calls it for no other.</summary>
    public abstract ImmutableArray<RequestProperty> Properties { get; }

    /// <summary>
    /// The lists of a model's contract the rule reads: the analyzer calls it only in a compilation where some model of the
    /// catalog has one of them (with no catalog file, none does), so a rule of a list costs nothing where it cannot fire.
    /// </summary>
    public virtual ContractLists RequiredLists => ContractLists.None;

    /// <summary>Checks one assignment of one of <see cref="Properties"/>, and reports through the context.</summary>
    public abstract void Analyze(ref WriteContext context);
}
