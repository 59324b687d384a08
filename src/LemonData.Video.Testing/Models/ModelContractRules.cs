using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace LemonData.Video.Testing;

/// <summary>
/// A create checked against its model's lists (<c>durations</c>, <c>resolutions</c>, <c>aspect_ratios</c> of
/// <c>GET /v1/models/{model}</c>): a value outside a known list is a bad field; a list that is unknown checks nothing.
/// <c>supported_parameters</c> checks nothing either: the service silently ignores a parameter a model does not read,
/// and a simulator that refused it would hide the very surprise a client must guard against.
/// </summary>
internal static class ModelContractRules
{
    public static void Check(JsonElement root, VideoModelInfo model, List<KeyValuePair<string, string>> errors)
    {
        if (model.Durations is { } durations && Unreported("duration", errors)
            && ServiceRules.Present(root, "duration", out var duration) && duration.TryGetInt32(out var seconds)
            && !durations.Contains(seconds))
        {
            errors.Add(NotListed("duration", seconds.ToString(CultureInfo.InvariantCulture), model, string.Join(", ", durations.Select(value => value.ToString(CultureInfo.InvariantCulture)))));
        }

        CheckString(root, "resolution", model.Resolutions, model, errors);
        CheckString(root, "aspect_ratio", model.AspectRatios, model, errors);
    }

    // Compared exactly: the lists are the service's own spellings, and a client that sends another spelling cannot
    // know whether the service would read it.
    private static void CheckString(JsonElement root, string name, IReadOnlyList<string>? allowed, VideoModelInfo model, List<KeyValuePair<string, string>> errors)
    {
        if (allowed is not null && Unreported(name, errors)
            && ServiceRules.Present(root, name, out var value) && value.ValueKind == JsonValueKind.String
            && !allowed.Contains(value.GetString()!, StringComparer.Ordinal))
        {
            errors.Add(NotListed(name, "\"" + value.GetString() + "\"", model, string.Join(", ", allowed)));
        }
    }

    // A field already wrong in itself (a duration of 0, a resolution that is a number) is reported once, for that.
    private static bool Unreported(string name, List<KeyValuePair<string, string>> errors) =>
        !errors.Exists(error => error.Key == name);

    private static KeyValuePair<string, string> NotListed(string name, string sent, VideoModelInfo model, string allowed) =>
        ServiceRules.Error(name, "must be one of " + allowed + " for " + model.Id + ", but it is " + sent);
}
