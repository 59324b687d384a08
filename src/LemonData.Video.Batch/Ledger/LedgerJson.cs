using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LemonData.Video.Batch;

/// <summary>
/// How a ledger stores a request (its wire JSON, as it would be sent: readable with any SQLite tool, and comparable as text
/// so that a job changed after it was sent is noticed) and its lists of URLs and files.
/// </summary>
internal static class LedgerJson
{
    public static string Request(VideoGenerationRequest request) =>
        JsonSerializer.Serialize(request, LedgerJsonContext.Default.VideoGenerationRequest);

    public static VideoGenerationRequest ReadRequest(string json) =>
        JsonSerializer.Deserialize(json, LedgerJsonContext.Default.VideoGenerationRequest)
        ?? throw new JsonException("The stored request is null.");

    public static string Urls(IReadOnlyList<string> urls) =>
        JsonSerializer.Serialize(new List<string>(urls), LedgerJsonContext.Default.ListString);

    public static IReadOnlyList<string> ReadUrls(string? json) =>
        json is null ? Array.Empty<string>() : JsonSerializer.Deserialize(json, LedgerJsonContext.Default.ListString) ?? (IReadOnlyList<string>)Array.Empty<string>();

    public static string Files(IReadOnlyList<VideoJobFile> files)
    {
        var rows = new List<StoredFile>(files.Count);
        foreach (var file in files)
        {
            rows.Add(new StoredFile { Path = file.Path, Bytes = file.Bytes, Sha256 = file.Sha256 });
        }

        return JsonSerializer.Serialize(rows, LedgerJsonContext.Default.ListStoredFile);
    }

    public static IReadOnlyList<VideoJobFile> ReadFiles(string? json)
    {
        if (json is null)
        {
            return Array.Empty<VideoJobFile>();
        }

        var rows = JsonSerializer.Deserialize(json, LedgerJsonContext.Default.ListStoredFile) ?? new List<StoredFile>();
        var files = new VideoJobFile[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            files[i] = new VideoJobFile(rows[i].Path ?? string.Empty, rows[i].Bytes, rows[i].Sha256 ?? string.Empty);
        }

        return files;
    }
}

internal sealed class StoredFile
{
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    [JsonPropertyName("bytes")]
    public long Bytes { get; set; }

    [JsonPropertyName("sha256")]
    public string? Sha256 { get; set; }
}

[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(VideoGenerationRequest))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<StoredFile>))]
internal sealed partial class LedgerJsonContext : JsonSerializerContext
{
}
