using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Benchmarks.Sdk;

/// <summary>
/// What a careful user would write without the SDK: HttpClient and System.Text.Json (source-generated, the
/// cheapest form), the same requests, the same JSON read the same way (numbers in quotes accepted, as the SDK
/// does) and the same headers (Authorization, Accept, User-Agent); the status is checked and the answer read
/// into a typed object. No validation, no retries, no attempt timeout, no size limit on the answer: those are
/// what the SDK adds, and what the ratio prices.
/// </summary>
public sealed class BaselineClient
{
    private static readonly ProductInfoHeaderValue UserAgent = new("LemonData.Video", "0.1.0");
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");

    private readonly HttpClient _http;
    private readonly Uri _createUri;
    private readonly string _apiKey;

    public BaselineClient(HttpClient http, Uri endpoint, string apiKey)
    {
        _http = http;
        _createUri = new Uri(endpoint, "v1/videos/generations");
        _apiKey = apiKey;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public async Task<TaskDto> CreateAsync(RequestDto body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _createUri);
        AddHeaders(request);
        request.Content = JsonContent.Create(body, BaselineJsonContext.Default.RequestDto);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(BaselineJsonContext.Default.TaskDto, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("null task");
    }

    public async Task<TaskDto> GetAsync(string taskId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Endpoint, "v1/tasks/" + Uri.EscapeDataString(taskId)));
        AddHeaders(request);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(BaselineJsonContext.Default.TaskDto, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("null task");
    }

    private void AddHeaders(HttpRequestMessage request)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        request.Headers.Accept.Add(AcceptJson);
        request.Headers.UserAgent.Add(UserAgent);
    }
}

public sealed class RequestDto
{
    [JsonPropertyName("model")] public string? Model { get; set; }
    [JsonPropertyName("prompt")] public string Prompt { get; set; } = "";
    [JsonPropertyName("duration")] public int? Duration { get; set; }
    [JsonPropertyName("aspect_ratio")] public string? AspectRatio { get; set; }
}

public sealed class TaskDto
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("model")] public string? Model { get; set; }
    [JsonPropertyName("progress")] public double? Progress { get; set; }
    [JsonPropertyName("poll_url")] public string? PollUrl { get; set; }
    [JsonPropertyName("video_url")] public string? VideoUrl { get; set; }
    [JsonPropertyName("created_at")] public long? CreatedAt { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(RequestDto))]
[JsonSerializable(typeof(TaskDto))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext
{
}
