using System;
using System.Collections.Generic;
using System.Linq;

namespace LemonData.Video.Cli.Batch;

/// <summary>
/// The request's JSON property names, read from the generated model's serialization metadata: a field added to the
/// OpenAPI document is accepted in <c>jobs.jsonl</c> without touching this file.
/// </summary>
internal static class WireNames
{
    private static readonly HashSet<string> RequestFields =
        new(BatchJsonContext.Default.VideoGenerationRequest.Properties.Select(property => property.Name), StringComparer.Ordinal);

    public static string List { get; } = string.Join(", ", RequestFields.Order(StringComparer.Ordinal));

    public static bool IsRequestField(string name) => RequestFields.Contains(name);

    /// <summary>" (did you mean 'aspect_ratio'?)" for a name written in another case or style, else empty.</summary>
    public static string Suggestion(string name)
    {
        var simple = Simplify(name);
        foreach (var field in RequestFields)
        {
            if (Simplify(field) == simple)
            {
                return " (did you mean '" + field + "'?)";
            }
        }

        return string.Empty;
    }

    private static string Simplify(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
