using System;
using System.Collections.Generic;

namespace LemonData.Video.Analyzers.Requests;

/// <summary>
/// The syntactic check every assignment of a compilation passes through before the semantic model is asked anything:
/// whether the assigned name is one a rule reads. A fixed set of names per compilation (<c>RuleSet.GateFor</c>), so that
/// a compilation without a catalog file admits only the names of the API's limits and capabilities, as before there
/// were contracts, and a common name such as <c>User</c>, which no rule reads, never costs a binding.
/// </summary>
internal sealed class PropertyNameGate
{
    private readonly HashSet<string> names;

    public PropertyNameGate(IEnumerable<RequestProperty> properties)
    {
        names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            names.Add(property.ToString());
        }
    }

    /// <summary>Whether an assignment to a member named <paramref name="name"/> may be one a rule reads.</summary>
    public bool Admits(string name) => names.Contains(name);
}
