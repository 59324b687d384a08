using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace LemonData.Video.Testing.Tests.Support;

/// <summary>Plain HTTP against a simulator, to check wire shapes the SDK would hide.</summary>
internal static class Raw
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<(int Status, string Body, HttpResponseMessage Response)> SendAsync(
        LemonDataSimulator simulator, HttpMethod method, string path, string? json = null, string? key = "default")
    {
        using var request = new HttpRequestMessage(method, new Uri(simulator.Endpoint, path));
        var bearer = key == "default" ? simulator.ApiKey : key;
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, body, response);
    }

    public static async Task<string> GetStringAsync(LemonDataSimulator simulator, string path)
    {
        var (status, body, _) = await SendAsync(simulator, HttpMethod.Get, path);
        Assert.Equal(200, status);
        return body;
    }

    public static async Task<JsonElement> CreateAsync(LemonDataSimulator simulator, string json = "{\"prompt\":\"A cat\"}")
    {
        var (status, body, _) = await SendAsync(simulator, HttpMethod.Post, "/v1/videos/generations", json);
        Assert.True(status == 200, "create answered " + status + ": " + body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static JsonElement Parse(string body) => JsonDocument.Parse(body).RootElement.Clone();
}
