using System.Text.Json.Serialization;

namespace LemonData.Video;

/// <summary>
/// Source-generated serialization for the wire types: no reflection, so the SDK trims and runs
/// under NativeAOT. Numbers sent as strings are read too (some pages quote <c>progress</c>).
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(VideoGenerationRequest))]
[JsonSerializable(typeof(VideoTaskResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(ModelList))]
[JsonSerializable(typeof(ModelEntry))]
internal sealed partial class LemonDataJsonContext : JsonSerializerContext
{
}
