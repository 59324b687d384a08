using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace LemonData.Video;

/// <summary>
/// Builds the HTTP request of one attempt. The header values are the same for every request, so they are
/// made once, as the text that goes on the wire: added without validation, they are stored as they are
/// (no parsed value, no per-request collection), written out unchanged, and parsed only if someone reads them.
/// </summary>
internal sealed class ApiRequestFactory
{
    private const string AcceptJson = "application/json";
    private const string JsonContentType = "application/json; charset=utf-8";

    private static readonly string UserAgent = new ProductInfoHeaderValue(
        "LemonData.Video", typeof(ApiRequestFactory).Assembly.GetName().Version?.ToString(3) ?? "0").ToString();

    private static readonly char[] LineBreaks = { '\r', '\n' };

    private readonly string? _apiKey;

    // "Bearer <key>", or null when the key cannot be sent as plain header text (a line break in it).
    private readonly string? _authorization;

    public ApiRequestFactory(string? apiKey)
    {
        _apiKey = apiKey;
        _authorization = apiKey is not null && apiKey.IndexOfAny(LineBreaks) < 0 ? "Bearer " + apiKey : null;
    }

    /// <summary>The request of <paramref name="call"/>, sent to <paramref name="uri"/>: its own address, or where the service redirected it within its origin.</summary>
    public HttpRequestMessage Create(in ApiCall call, Uri uri)
    {
        var request = new HttpRequestMessage(call.Operation.Method, uri);
        if (_authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        }
        else if (_apiKey is not null)
        {
            // A key with a line break would split the header: the typed value refuses it, as it always did.
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        }

        request.Headers.TryAddWithoutValidation("Accept", AcceptJson);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (call.JsonBody is { } body)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", JsonContentType);
        }

        return request;
    }
}
