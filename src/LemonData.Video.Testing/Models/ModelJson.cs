using System.Collections.Generic;
using System.Text.Json;

namespace LemonData.Video.Testing;

/// <summary>
/// The models as <c>GET /v1/models</c> and <c>GET /v1/models/{model}</c> answer them: OpenAI-style entries
/// (<c>id</c>, <c>object</c>, <c>created</c>, <c>owned_by</c>) with the service's metadata in a vendor object, and, in
/// the detail only, the model's request contract inside it.
/// </summary>
internal static class ModelJson
{
    // When the service added a model is nothing the simulator knows; a fixed date (2026-01-01) keeps answers reproducible.
    private const long Created = 1767225600;

    /// <summary><c>{"object":"list","data":[entry, ...]}</c>; the entries carry no per-model lists, as the service's list does not.</summary>
    public static byte[] List(SimulatedApiGeneration generation, IEnumerable<VideoModelInfo> models) => WireJson.Write(writer =>
    {
        writer.WriteString("object", "list");
        writer.WriteStartArray("data");
        foreach (var model in models)
        {
            writer.WriteStartObject();
            WriteEntry(writer, generation, model, withContract: false);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    /// <summary>One entry with its contract: the lists that are known, an unknown one left out (never written empty).</summary>
    public static byte[] Detail(SimulatedApiGeneration generation, VideoModelInfo model) =>
        WireJson.Write(writer => WriteEntry(writer, generation, model, withContract: true));

    private static void WriteEntry(Utf8JsonWriter writer, SimulatedApiGeneration generation, VideoModelInfo model, bool withContract)
    {
        writer.WriteString("id", model.Id);
        writer.WriteString("object", "model");
        writer.WriteNumber("created", Created);
        writer.WriteString("owned_by", model.Provider);

        // The vendor object and its contract were renamed with the rebrand to TokenLab (generation C).
        var rebranded = generation == SimulatedApiGeneration.C;
        writer.WriteStartObject(rebranded ? "tokenlab" : "lemondata");
        writer.WriteString("category", "video");
        writer.WriteString("pricing_unit", "per_video");
        WriteStrings(writer, "supported_operations", model.Operations);
        WriteCapabilityFlags(writer, model.Capabilities);
        writer.WriteStartObject("lifecycle");
        writer.WriteString("stage", "ga");
        writer.WriteEndObject();
        if (withContract)
        {
            writer.WriteStartObject(rebranded ? "request_format_details" : "public_contract");
            if (model.Durations is { } durations)
            {
                writer.WriteStartArray("durations");
                foreach (var seconds in durations)
                {
                    writer.WriteNumberValue(seconds);
                }

                writer.WriteEndArray();
            }

            WriteStrings(writer, "resolutions", model.Resolutions);
            WriteStrings(writer, "aspect_ratios", model.AspectRatios);
            WriteStrings(writer, "supported_parameters", model.SupportedParameters);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteCapabilityFlags(Utf8JsonWriter writer, VideoCapabilities capabilities)
    {
        writer.WriteStartObject("capability_flags");
        writer.WriteBoolean("text_to_video", (capabilities & VideoCapabilities.TextToVideo) != 0);
        writer.WriteBoolean("image_to_video", (capabilities & VideoCapabilities.ImageToVideo) != 0);
        writer.WriteBoolean("keyframes", (capabilities & VideoCapabilities.Keyframes) != 0);
        writer.WriteBoolean("extend", (capabilities & VideoCapabilities.Extend) != 0);
        writer.WriteBoolean("edit", (capabilities & VideoCapabilities.Edit) != 0);
        writer.WriteBoolean("effects", (capabilities & VideoCapabilities.Effects) != 0);
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
