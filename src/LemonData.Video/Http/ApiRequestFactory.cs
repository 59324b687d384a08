using System.Net.Http;
using System.Net.Http.Headers;

namespace LemonData.Video;

/// <summary>
/// Builds the HTTP request of one attempt. The header values are the same for every request, so they are
/// made once and shared: each is immutable once built (the authorization and product values have no setters,
/// and the media types are added as text, which the request parses only if someone reads it).
/// </summary>
internal sealed class ApiRequestFactory
{
    private const string JsonMediaType = "application/json";
    private const string JsonContentType = "application/json; charset=utf-8";

    private static readonly ProductInfoHeaderValue UserAgent = new("LemonData.Video", typeof(ApiRequestFactory).Assembly.GetName().Version?.ToString(3) ?? "0");

    private readonly string? _apiKey;
    private AuthenticationHeaderValue? _authorization;

    public ApiRequestFactory(string? apiKey)
    {
        _apiKey = apiKey;
    }

    public HttpRequestMessage Create(in ApiCall call)
    {
        var request = new HttpRequestMessage(call.Operation.Method, call.Uri);
        if (_apiKey is not null)
        {
            // Built on first use rather than in the constructor, so that a key the header refuses fails where it always did: on the request.
            request.Headers.Authorization = _authorization ??= new AuthenticationHeaderValue("Bearer", _apiKey);
        }

        request.Headers.TryAddWithoutValidation("Accept", JsonMediaType);
        request.Headers.UserAgent.Add(UserAgent);
        if (call.JsonBody is { } body)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", JsonContentType);
        }

        return request;
    }
}
