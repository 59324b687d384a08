using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace LemonData.Video.Testing;

/// <summary>
/// How the service checks a create, as its documentation describes it (not as the SDK's client-side rules do):
/// the body must be a JSON object with a non-empty <c>prompt</c>; <c>fps</c>, <c>duration</c>, <c>cfg_scale</c> and
/// <c>motion_strength</c> within the API's limits (<see cref="VideoLimits"/>); known fields must have their type; unknown
/// fields are ignored. For a known model, <c>duration</c>, <c>resolution</c> and <c>aspect_ratio</c> must be among its
/// lists where the lists are known; a parameter outside its <c>supported_parameters</c> is ignored, as the service
/// silently ignores it. Every bad field is listed in <c>validation_errors</c>. A model the simulator does not know is a
/// 404 <c>model_not_found</c> with <c>did_you_mean</c>, checked after the fields.
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
    public static SimResponse? CheckCreate(byte[] body, SimulatedModels models, out string model)
    {
        model = DefaultModel;
        bool known;
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

            CheckInteger(root, "fps", VideoLimits.MinFps, VideoLimits.MaxFps, errors);
            CheckInteger(root, "duration", VideoLimits.MinDuration, VideoLimits.MaxDuration, errors);
            CheckInteger(root, "seed", long.MinValue, long.MaxValue, errors);
            CheckInteger(root, "extend_at", 0, long.MaxValue, errors);
            CheckNumber(root, "cfg_scale", VideoLimits.MinCfgScale, VideoLimits.MaxCfgScale, errors);
            CheckNumber(root, "motion_strength", VideoLimits.MinMotionStrength, VideoLimits.MaxMotionStrength, errors);
            CheckBoolean(root, "output_audio", errors);
            CheckBoolean(root, "watermark", errors);
            CheckImageDataUrl(root, errors);
            if (root.TryGetProperty("model", out var modelElement) && modelElement.ValueKind == JsonValueKind.String)
            {
                model = modelElement.GetString()!;
            }

            known = models.TryGet(model, out var info);
            if (known)
            {
                ModelContractRules.Check(root, info, errors);
            }

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
        }

        if (!known)
        {
            return ModelNotFound(model, models);
        }

        return null;
    }

    /// <summary>The 404 for a model id the simulator does not know, with the closest id it knows.</summary>
    public static SimResponse ModelNotFound(string model, SimulatedModels models) => SimResponse.Json(404, WireJson.Error(
        "Model '" + model + "' not found.",
        "invalid_request_error",
        "model_not_found",
        param: "model",
        didYouMean: models.Closest(model)));

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
    internal static bool Present(JsonElement root, string name, out JsonElement value) =>
        root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    internal static KeyValuePair<string, string> Error(string field, string message) => new(field, message);

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
