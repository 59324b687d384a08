using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;

namespace LemonData.Video.Analyzers.Configuration;

/// <summary>
/// Reads a value of <c>lemondata_video.extra_models</c>: entries separated by <c>|</c>, each a model id, optionally
/// followed by <c>:</c> and a comma-separated list of capabilities and <c>duration=&lt;seconds&gt;</c>:
/// <c>acme-video-2: text, image | acme-clip-5: image, duration=5 | acme-preview</c>.
/// </summary>
/// <remarks>
/// Not <c>;</c> between entries: the compiler's .editorconfig reader takes <c>;</c> and <c>#</c> as the start of a
/// comment and drops the rest of the line, so every entry after the first would vanish without a word.
/// </remarks>
internal static class ExtraModelsParser
{
    /// <summary>The syntax, as LDV0012 and the docs state it.</summary>
    public const string ExpectedSyntax =
        "Write entries as 'model-id' or 'model-id: capabilities', separated by '|', with the capabilities text, image, keyframes,"
        + " extend, edit, effects and duration=<seconds> (a fixed clip length), for example"
        + " 'acme-video-2: text, image | acme-clip-5: image, duration=5'.";

    private const char EntrySeparator = '|';
    private const char ListStart = ':';
    private const char ItemSeparator = ',';
    private const string DurationName = "duration";

    // What a declared model reports as its provider: where it was declared.
    private const string Provider = "lemondata_video.extra_models";

    /// <summary>Every entry of <paramref name="value"/>: the models it declares and the entries it cannot use.</summary>
    public static ExtraModels Parse(string value)
    {
        var models = new Dictionary<string, VideoModelInfo>(StringComparer.Ordinal);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = ImmutableArray.CreateBuilder<ExtraModelProblem>();
        foreach (var part in value.Split(EntrySeparator))
        {
            // Empty entries (a '|' at the end, two in a row) are harmless.
            var entry = part.Trim();
            if (entry.Length > 0 && ParseEntry(entry, models, problems) is { } id)
            {
                entries.Add(id, entry);
            }
        }

        return new ExtraModels(models, entries, problems.ToImmutable());
    }

    // The id the entry declares, or null when it declares none.
    private static string? ParseEntry(string entry, Dictionary<string, VideoModelInfo> models, ImmutableArray<ExtraModelProblem>.Builder problems)
    {
        var listStart = entry.IndexOf(ListStart);
        var id = (listStart < 0 ? entry : entry.Substring(0, listStart)).Trim();
        if (FindIdProblem(id) is { } idProblem)
        {
            problems.Add(new ExtraModelProblem(entry, idProblem, isSyntax: true));
            return null;
        }

        if (VideoModelCatalog.Contains(id))
        {
            problems.Add(new ExtraModelProblem(entry, "'" + id + "' is a model of the catalog, whose capabilities apply; remove the entry", isSyntax: false));
            return null;
        }

        if (models.ContainsKey(id))
        {
            problems.Add(new ExtraModelProblem(entry, "'" + id + "' is declared by an earlier entry, which applies", isSyntax: false));
            return null;
        }

        var list = listStart < 0 ? string.Empty : entry.Substring(listStart + 1);
        if (TryParseList(list, out var capabilities, out var fixedDuration, out var listProblem))
        {
            models.Add(id, Declare(id, capabilities, fixedDuration));
            return id;
        }

        // The id is clearly meant to be a model: it is declared, with nothing known about it, so that LDV0001 does not
        // fire on it and no capability rule guesses. LDV0012 says what to fix.
        problems.Add(new ExtraModelProblem(entry, listProblem!, isSyntax: true));
        models.Add(id, Declare(id, VideoCapabilities.None, fixedDurationSeconds: null));
        return id;
    }

    private static string? FindIdProblem(string id)
    {
        if (id.Length == 0)
        {
            return "the model id is missing";
        }

        foreach (var c in id)
        {
            if (char.IsWhiteSpace(c) || c == ItemSeparator || c == '=')
            {
                return "'" + id + "' is not a model id (it has a space, ',' or '='; is a '|' missing between two entries?)";
            }
        }

        return null;
    }

    private static bool HasWhiteSpace(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryParseList(string list, out VideoCapabilities capabilities, out int? fixedDuration, out string? problem)
    {
        capabilities = VideoCapabilities.None;
        fixedDuration = null;
        problem = null;
        if (list.Trim().Length == 0)
        {
            // 'acme-preview' and 'acme-preview:' declare a model whose capabilities are not known.
            return true;
        }

        foreach (var part in list.Split(ItemSeparator))
        {
            var item = part.Trim();
            var equals = item.IndexOf('=');
            if (item.Length == 0)
            {
                problem = "an item of the list is empty (two ',' in a row, or one at the end)";
            }
            else if (equals < 0)
            {
                if (TryParseCapability(item, out var capability))
                {
                    capabilities |= capability;
                }
                else
                {
                    // 'a: text b: image' is two entries without their '|': say so rather than only that 'text b' is no capability.
                    problem = "'" + item + "' is not a capability"
                        + (item.IndexOf(ListStart) >= 0 || HasWhiteSpace(item) ? " (is a '|' missing between two entries?)" : string.Empty);
                }
            }
            else if (!item.Substring(0, equals).Trim().Equals(DurationName, StringComparison.OrdinalIgnoreCase))
            {
                problem = "'" + item + "' is not a capability; only duration takes a value";
            }
            else if (fixedDuration is not null)
            {
                problem = "duration is given twice";
            }
            else if (int.TryParse(item.Substring(equals + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                && seconds >= VideoLimits.MinDuration && seconds <= VideoLimits.MaxDuration)
            {
                fixedDuration = seconds;
            }
            else
            {
                problem = "'" + item + "' is not a duration: it takes a whole number of seconds from "
                    + VideoLimits.MinDuration.ToString(CultureInfo.InvariantCulture) + " to "
                    + VideoLimits.MaxDuration.ToString(CultureInfo.InvariantCulture);
            }

            if (problem is not null)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryParseCapability(string name, out VideoCapabilities capability)
    {
        capability = name.ToUpperInvariant() switch
        {
            "TEXT" => VideoCapabilities.TextToVideo,
            "IMAGE" => VideoCapabilities.ImageToVideo,
            "KEYFRAMES" => VideoCapabilities.Keyframes,
            "EXTEND" => VideoCapabilities.Extend,
            "EDIT" => VideoCapabilities.Edit,
            "EFFECTS" => VideoCapabilities.Effects,
            _ => VideoCapabilities.None,
        };
        return capability != VideoCapabilities.None;
    }

    // Its own id as its family, so that no catalog model counts as its sibling or twin in a rule's suggestion.
    private static VideoModelInfo Declare(string id, VideoCapabilities capabilities, int? fixedDurationSeconds) =>
        new(id, Provider, family: id, capabilities, fixedDurationSeconds, typicalMaxDurationSeconds: null, note: null);
}
