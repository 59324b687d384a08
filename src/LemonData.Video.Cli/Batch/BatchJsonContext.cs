using System.Text.Json.Serialization;

namespace LemonData.Video.Cli.Batch;

/// <summary>
/// Reads a job's request from its line in the wire names, without reflection (the tool is published with NativeAOT).
/// Its own context because the SDK's is internal; the property names come from the same generated model.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VideoGenerationRequest))]
internal sealed partial class BatchJsonContext : JsonSerializerContext
{
}
