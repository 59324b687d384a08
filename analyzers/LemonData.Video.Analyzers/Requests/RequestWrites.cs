using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers.Requests;

/// <summary>The writes of one request as the analyzer reads them in order: what <see cref="RequestView"/> is made of.</summary>
internal sealed class RequestWrites
{
    private readonly PropertyWrite?[] last = new PropertyWrite?[RequestProperties.Count];
    // A handful of writes per request: a list compared by reference costs less than hashing each node.
    private readonly List<SyntaxNode> assignments = new();
    private bool[]? unknown;

    /// <summary>The last write of <paramref name="property"/>, or null when there is none or the property is unknown.</summary>
    public PropertyWrite? this[RequestProperty property] => last[(int)property];

    /// <summary>Whether a write the analyzer could not place may have set <paramref name="property"/> last.</summary>
    public bool IsUnknown(RequestProperty property) => unknown is not null && unknown[(int)property];

    /// <summary>Whether <paramref name="assignment"/> is one of the writes read.</summary>
    public bool Contains(SyntaxNode assignment)
    {
        foreach (var written in assignments)
        {
            if (written == assignment)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A write in straight-line order: the property's value from here on.</summary>
    public void Record(PropertyWrite write)
    {
        last[(int)write.Property] = write;
        assignments.Add(write.AssignmentSyntax);
        if (unknown is not null)
        {
            unknown[(int)write.Property] = false;
        }
    }

    /// <summary>
    /// A write of <paramref name="property"/> the analyzer cannot place (in a branch, a loop, an expression): the property
    /// may or may not have that value, so no earlier write decides it, until a later straight-line write does.
    /// </summary>
    public void MarkUnknown(RequestProperty property)
    {
        last[(int)property] = null;
        (unknown ??= new bool[RequestProperties.Count])[(int)property] = true;
    }
}
