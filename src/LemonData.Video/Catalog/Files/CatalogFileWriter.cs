using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LemonData.Video;

/// <summary>
/// Writes <c>lemondata-models.json</c> as <see cref="CatalogFileReader"/> reads it: models sorted by id, a fixed member
/// order, each list on one line, LF line ends and a final newline, so a synced file reviews well in a diff and reads back
/// unchanged.
/// </summary>
internal static class CatalogFileWriter
{
    public static string Write(IEnumerable<VideoModelInfo> models, string? source, DateTimeOffset? syncedAt)
    {
        var sorted = new List<VideoModelInfo>(models);
        sorted.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));

        var builder = new StringBuilder();
        builder.Append("{\n");
        builder.Append("  \"format\": ").Append(Quote(CatalogFileReader.Format));
        if (syncedAt is { } at)
        {
            builder.Append(",\n  \"synced_at\": ").Append(Quote(at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        }

        if (source is not null)
        {
            builder.Append(",\n  \"source\": ").Append(Quote(source));
        }

        builder.Append(",\n  \"models\": [");
        for (var i = 0; i < sorted.Count; i++)
        {
            builder.Append(i == 0 ? "\n" : ",\n");
            WriteModel(builder, sorted[i]);
        }

        builder.Append(sorted.Count == 0 ? "]\n}\n" : "\n  ]\n}\n");
        return builder.ToString();
    }

    private static void WriteModel(StringBuilder builder, VideoModelInfo model)
    {
        builder.Append("    {\n");
        builder.Append("      \"id\": ").Append(Quote(model.Id));
        builder.Append(",\n      \"provider\": ").Append(Quote(model.Provider));
        WriteList(builder, "capabilities", VideoOperations.ToCapabilityTokens(model.Capabilities));
        if (model.Operations.Count > 0)
        {
            WriteList(builder, "operations", model.Operations);
        }

        if (model.Durations is { } durations)
        {
            builder.Append(",\n      \"durations\": [");
            for (var i = 0; i < durations.Count; i++)
            {
                builder.Append(i == 0 ? string.Empty : ", ").Append(durations[i].ToString(CultureInfo.InvariantCulture));
            }

            builder.Append(']');
        }

        WriteOptionalList(builder, "resolutions", model.Resolutions);
        WriteOptionalList(builder, "aspect_ratios", model.AspectRatios);
        WriteOptionalList(builder, "supported_parameters", model.SupportedParameters);
        builder.Append("\n    }");
    }

    private static void WriteOptionalList(StringBuilder builder, string name, IReadOnlyList<string>? values)
    {
        if (values is not null)
        {
            WriteList(builder, name, values);
        }
    }

    private static void WriteList(StringBuilder builder, string name, IReadOnlyList<string> values)
    {
        builder.Append(",\n      ").Append(Quote(name)).Append(": [");
        for (var i = 0; i < values.Count; i++)
        {
            builder.Append(i == 0 ? string.Empty : ", ").Append(Quote(values[i]));
        }

        builder.Append(']');
    }

    private static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
