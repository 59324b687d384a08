using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace LemonData.Video.Testing;

/// <summary>
/// How the service checks a create, as its documentation describes it (not as the SDK's client-side rules do):
/// the body must be a JSON object with a non-empty <c>prompt</c>; <c>fps</c> 1-120, <c>duration</c> 1-60,
/// <c>cfg_scale</c> 0-20, <c>motion_strength</c> 0-1; known fields must have their type; unknown fields are ignored.
/// An unknown <c>model</c> is a 404 <c>model_not_found</c> with <c>did_you_mean</c>, checked after the fields.
/// </summary>
internal static class ServiceRules
{
    public const string DefaultModel = "sora-2";

    private static readonly string[] StringFields =
    {
        "image_url", "image", "aspect_ratio", "resolution", "negative_prompt", "start_image", "end_image", "user",
        "operation", "reference_image_type", "video_url", "audio_url", "task_id",
    };

    /// <summary>Checks a create body; returns the error answer, or null and the model to use.</summary>
    public static SimResponse? CheckCreate(byte[] body, out string model)
    {
        model = DefaultModel;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return SimResponse.Json(400, WireJson.Error(
                "The request body is not valid JSON.", "invalid_request_error", "invalid_json"));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return SimResponse.Json(400, WireJson.Error(
                    "The request body must be a JSON object.", "invalid_request_error", "invalid_json"));
            }

            var errors = new List<KeyValuePair<string, string>>();
            var missingPrompt = CheckPrompt(root, errors);
            CheckString(root, "model", errors);
            foreach (var field in StringFields)
            {
                CheckString(root, field, errors);
            }

            CheckInteger(root, "fps", 1, 120, errors);
            CheckInteger(root, "duration", 1, 60, errors);
            CheckInteger(root, "seed", long.MinValue, long.MaxValue, errors);
            CheckInteger(root, "extend_at", 0, long.MaxValue, errors);
            CheckNumber(root, "cfg_scale", 0, 20, errors);
            CheckNumber(root, "motion_strength", 0, 1, errors);
            CheckBoolean(root, "output_audio", errors);
            CheckBoolean(root, "watermark", errors);
            CheckImageDataUrl(root, errors);

            if (errors.Count > 0)
            {
                var first = errors[0];
                return SimResponse.Json(400, WireJson.Error(
                    first.Key + " " + first.Value,
                    "invalid_request_error",
                    missingPrompt && first.Key == "prompt" ? "missing_required_parameter" : "invalid_parameter",
                    param: first.Key,
                    validationErrors: errors));
            }

            if (root.TryGetProperty("model", out var modelElement) && modelElement.ValueKind == JsonValueKind.String)
            {
                model = modelElement.GetString()!;
            }
        }

        if (!VideoModelCatalog.Contains(model))
        {
            return SimResponse.Json(404, WireJson.Error(
                "Model '" + model + "' not found.",
                "invalid_request_error",
                "model_not_found",
                param: "model",
                didYouMean: ModelSuggestion.Closest(model)));
        }

        return null;
    }

    private static bool CheckPrompt(JsonElement root, List<KeyValuePair<string, string>> errors)
    {
        if (!root.TryGetProperty("prompt", out var prompt) || prompt.ValueKind == JsonValueKind.Null)
        {
            errors.Add(Error("prompt", "is required"));
            return true;
        }

        if (prompt.ValueKind != JsonValueKind.String)
        {
            errors.Add(Error("prompt", "must be a string"));
        }
        else if (string.IsNullOrWhiteSpace(prompt.GetString()))
        {
            errors.Add(Error("prompt", "must not be empty"));
        }

        return false;
    }

    private static void CheckString(JsonElement root, string name, List<KeyValuePair<string, string>> errors)
    {
        if (Present(root, name, out var value) && value.ValueKind != JsonValueKind.String)
        {
            errors.Add(Error(name, "must be a string"));
        }
    }

    private static void CheckBoolean(JsonElement root, string name, List<KeyValuePair<string, string>> errors)
    {
        if (Present(root, name, out var value) && value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add(Error(name, "must be a boolean"));
        }
    }

    private static void CheckInteger(JsonElement root, string name, long min, long max, List<KeyValuePair<string, string>> errors)
    {
        if (!Present(root, name, out var value))
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            errors.Add(Error(name, "must be an integer"));
        }
        else if (number < min || number > max)
        {
            errors.Add(Error(name, max == long.MaxValue
                ? "must be at least " + Format(min)
                : "must be between " + Format(min) + " and " + Format(max)));
        }
    }

    private static void CheckNumber(JsonElement root, string name, double min, double max, List<KeyValuePair<string, string>> errors)
    {
        if (!Present(root, name, out var value))
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number))
        {
            errors.Add(Error(name, "must be a number"));
        }
        else if (!(number >= min && number <= max))
        {
            errors.Add(Error(name, "must be between " + Format(min) + " and " + Format(max)));
        }
    }

    private static void CheckImageDataUrl(JsonElement root, List<KeyValuePair<string, string>> errors)
    {
        if (Present(root, "image", out var value) && value.ValueKind == JsonValueKind.String)
        {
            var image = value.GetString()!;
            if (!image.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase)
                || image.IndexOf(";base64,", StringComparison.OrdinalIgnoreCase) < 0)
            {
                errors.Add(Error("image", "must be a base64 data URL (data:image/<type>;base64,...)"));
            }
        }
    }

    // A field sent as null counts as not sent.
    private static bool Present(JsonElement root, string name, out JsonElement value) =>
        root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static KeyValuePair<string, string> Error(string field, string message) => new(field, message);

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The catalog id closest to a mistyped one, for <c>did_you_mean</c>.</summary>
internal static class ModelSuggestion
{
    /// <summary>The catalog id with the smallest case-insensitive edit distance (the first listed on a tie).</summary>
    public static string Closest(string model)
    {
        string best = DefaultModel;
        var bestDistance = int.MaxValue;
        foreach (var candidate in VideoModelCatalog.All)
        {
            var distance = Distance(model, candidate.Id);
            if (distance < bestDistance)
            {
                best = candidate.Id;
                bestDistance = distance;
            }
        }

        return best;
    }

    private const string DefaultModel = ServiceRules.DefaultModel;

    private static int Distance(string source, string target)
    {
        // A prompt pasted into the model field is long: its distance to any id is large, and a cap keeps this cheap.
        if (source.Length > 200)
        {
            source = source.Substring(0, 200);
        }

        var previous = new int[target.Length + 1];
        var current = new int[target.Length + 1];
        for (var j = 0; j <= target.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= source.Length; i++)
        {
            current[0] = i;
            var sourceChar = char.ToLowerInvariant(source[i - 1]);
            for (var j = 1; j <= target.Length; j++)
            {
                var cost = sourceChar == char.ToLowerInvariant(target[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[target.Length];
    }
}
