#nullable enable

using System;
using System.Collections.Generic;
using System.Globalization;

namespace LemonData.Video;

/// <summary>
/// Reads <c>lemondata-models.json</c> (format <c>lemondata-video-models/1</c>) into model descriptions, over the snapshot:
/// an entry with a snapshot id keeps the snapshot's family and hard facts the file does not restate. One reader for the
/// client (<c>VideoModelCatalog.Load</c>) and the analyzer, so the two read a file the same way.
/// </summary>
/// <remarks>
/// Unknown members are ignored, a list that is absent or <c>null</c> is unknown (never empty), and an unknown capability
/// token is ignored (a newer file may name a newer capability). A bad entry is reported and skipped; the rest apply.
/// </remarks>
internal static class CatalogFileReader
{
    public const string Format = "lemondata-video-models/1";

    public static CatalogFileContent Read(string text)
    {
        var models = new List<VideoModelInfo>();
        var problems = new List<CatalogFileProblem>();
        CatalogJsonValue root;
        try
        {
            root = CatalogJson.Parse(text);
        }
        catch (CatalogJsonException exception)
        {
            problems.Add(new CatalogFileProblem(exception.Line, null, "The file is not valid JSON: " + exception.Message + ".", skipsEntry: false));
            return new CatalogFileContent(models, problems, null, null);
        }

        if (root.Kind != CatalogJsonKind.Object)
        {
            problems.Add(Fatal(root, null, "The file must be a JSON object with \"format\": \"" + Format + "\" and a \"models\" array, but it is " + root.Describe() + "."));
            return new CatalogFileContent(models, problems, null, null);
        }

        var format = root["format"];
        if (format is null || format.Kind != CatalogJsonKind.String || format.Text != Format)
        {
            var found = format is null ? "missing" : format.Describe();
            problems.Add(Fatal(format ?? root, "format", "\"format\" must be \"" + Format + "\" (the only format this SDK reads), but it is " + found
                + ". A file from a newer SDK needs that SDK; else write it again with 'lemondata-video models sync'."));
            return new CatalogFileContent(models, problems, null, null);
        }

        var source = ReadOptionalString(root, "source", problems);
        DateTimeOffset? syncedAt = null;
        if (ReadOptionalString(root, "synced_at", problems) is { } syncedText)
        {
            if (DateTimeOffset.TryParse(syncedText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                syncedAt = parsed;
            }
            else
            {
                problems.Add(new CatalogFileProblem(root["synced_at"]!.Line, "synced_at", "\"synced_at\" must be a date and time such as \"2026-12-02T10:00:00Z\", but it is \"" + syncedText + "\".", skipsEntry: true));
            }
        }

        var list = root["models"];
        if (list is null || list.Kind != CatalogJsonKind.Array)
        {
            problems.Add(Fatal(list ?? root, "models", "\"models\" must be an array of model entries, but it is " + (list is null ? "missing" : list.Describe()) + "."));
            return new CatalogFileContent(models, problems, source, syncedAt);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < list.Items!.Count; index++)
        {
            var path = "models[" + index.ToString(CultureInfo.InvariantCulture) + "]";
            if (ReadEntry(list.Items[index], path, problems) is { } model)
            {
                if (seen.Add(model.Id))
                {
                    models.Add(model);
                }
                else
                {
                    problems.Add(new CatalogFileProblem(list.Items[index].Line, path + ".id", "The model '" + model.Id + "' is listed twice; this entry is skipped. Keep one entry per id.", skipsEntry: true));
                }
            }
        }

        return new CatalogFileContent(models, problems, source, syncedAt);
    }

    private static VideoModelInfo? ReadEntry(CatalogJsonValue entry, string path, List<CatalogFileProblem> problems)
    {
        if (entry.Kind != CatalogJsonKind.Object)
        {
            problems.Add(Skip(entry, path, path + " must be an object with at least an \"id\", but it is " + entry.Describe() + "."));
            return null;
        }

        var idValue = entry["id"];
        if (idValue is null || idValue.Kind != CatalogJsonKind.String || !IsModelId(idValue.Text!))
        {
            problems.Add(Skip(idValue ?? entry, path + ".id", path + ".id must be a model id such as \"seedance-2.0-fast\" (not empty, no spaces), but it is "
                + (idValue is null ? "missing" : idValue.Describe()) + "."));
            return null;
        }

        var id = idValue.Text!;
        var before = problems.Count;
        var provider = ReadEntryString(entry, "provider", path, problems);
        var capabilities = ReadCapabilities(entry, path, problems);
        var operations = ReadStrings(entry, "operations", path, problems);
        var durations = ReadDurations(entry, path, problems);
        var resolutions = ReadStrings(entry, "resolutions", path, problems);
        var aspectRatios = ReadStrings(entry, "aspect_ratios", path, problems);
        var parameters = ReadStrings(entry, "supported_parameters", path, problems);
        if (problems.Count > before)
        {
            return null;
        }

        // Capabilities written out and those the operations mean together: the union, so a file never makes a rule stricter
        // than the service's own operations.
        var allCapabilities = (capabilities ?? VideoCapabilities.None) | VideoOperations.ToCapabilities(operations);
        VideoModelCatalog.Snapshot.TryGetModel(id, out var known);
        return new VideoModelInfo(
            id,
            provider ?? known?.Provider ?? "unknown",
            known?.Family ?? id,
            allCapabilities,
            durations is null ? known?.FixedDurationSeconds : null,
            known?.TypicalMaxDurationSeconds,
            known?.Note,
            new VideoModelContract(operations, durations, resolutions, aspectRatios, parameters));
    }

    private static VideoCapabilities? ReadCapabilities(CatalogJsonValue entry, string path, List<CatalogFileProblem> problems)
    {
        var tokens = ReadStrings(entry, "capabilities", path, problems);
        if (tokens is null)
        {
            return null;
        }

        var capabilities = VideoCapabilities.None;
        foreach (var token in tokens)
        {
            if (VideoOperations.TryParseCapabilityToken(token, out var capability))
            {
                capabilities |= capability;
            }
        }

        return capabilities;
    }

    private static List<int>? ReadDurations(CatalogJsonValue entry, string path, List<CatalogFileProblem> problems)
    {
        var list = ReadList(entry, "durations", path, problems);
        if (list is null)
        {
            return null;
        }

        var durations = new List<int>(list.Items!.Count);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            if (!item.TryGetInt32(out var seconds) || seconds < VideoLimits.MinDuration || seconds > VideoLimits.MaxDuration)
            {
                problems.Add(Skip(item, Item(path, "durations", i), "Every duration must be a whole number of seconds from "
                    + VideoLimits.MinDuration.ToString(CultureInfo.InvariantCulture) + " to " + VideoLimits.MaxDuration.ToString(CultureInfo.InvariantCulture)
                    + ", but this one is " + item.Describe() + "; the entry is skipped."));
                return null;
            }

            if (!durations.Contains(seconds))
            {
                durations.Add(seconds);
            }
        }

        return durations;
    }

    private static List<string>? ReadStrings(CatalogJsonValue entry, string name, string path, List<CatalogFileProblem> problems)
    {
        var list = ReadList(entry, name, path, problems);
        if (list is null)
        {
            return null;
        }

        var values = new List<string>(list.Items!.Count);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            if (item.Kind != CatalogJsonKind.String || item.Text!.Trim().Length == 0)
            {
                problems.Add(Skip(item, Item(path, name, i), "Every value of \"" + name + "\" must be a non-empty string, but this one is " + item.Describe() + "; the entry is skipped."));
                return null;
            }

            if (!values.Contains(item.Text))
            {
                values.Add(item.Text);
            }
        }

        return values;
    }

    // Absent or null: unknown. Anything else but an array is a mistake worth a line.
    private static CatalogJsonValue? ReadList(CatalogJsonValue entry, string name, string path, List<CatalogFileProblem> problems)
    {
        var value = entry[name];
        if (value is null || value.Kind == CatalogJsonKind.Null)
        {
            return null;
        }

        if (value.Kind != CatalogJsonKind.Array)
        {
            problems.Add(Skip(value, path + "." + name, "\"" + name + "\" must be an array (or left out when unknown), but it is " + value.Describe() + "; the entry is skipped."));
            return null;
        }

        return value;
    }

    private static string? ReadEntryString(CatalogJsonValue entry, string name, string path, List<CatalogFileProblem> problems)
    {
        var value = entry[name];
        if (value is null || value.Kind == CatalogJsonKind.Null)
        {
            return null;
        }

        if (value.Kind != CatalogJsonKind.String)
        {
            problems.Add(Skip(value, path + "." + name, "\"" + name + "\" must be a string, but it is " + value.Describe() + "; the entry is skipped."));
            return null;
        }

        return value.Text;
    }

    private static string? ReadOptionalString(CatalogJsonValue root, string name, List<CatalogFileProblem> problems)
    {
        var value = root[name];
        if (value is null || value.Kind == CatalogJsonKind.Null)
        {
            return null;
        }

        if (value.Kind != CatalogJsonKind.String)
        {
            problems.Add(new CatalogFileProblem(value.Line, name, "\"" + name + "\" must be a string, but it is " + value.Describe() + ".", skipsEntry: true));
            return null;
        }

        return value.Text;
    }

    private static bool IsModelId(string id)
    {
        if (id.Length == 0)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Item(string path, string name, int index) => path + "." + name + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static CatalogFileProblem Skip(CatalogJsonValue at, string field, string message) =>
        new(at.Line, field, message, skipsEntry: true);

    private static CatalogFileProblem Fatal(CatalogJsonValue at, string? field, string message) =>
        new(at.Line, field, message, skipsEntry: false);
}
