using System;
using Microsoft.AspNetCore.Http;

namespace LemonData.Video.Testing;

/// <summary>The service's key check: any bearer key that starts with <c>sk-</c> is accepted, nothing else.</summary>
internal static class ApiKeys
{
    /// <summary>The request's key, or null when it has none or a malformed one.</summary>
    public static string? BearerKey(HttpRequest request, out bool hasAuthorization)
    {
        var header = request.Headers.Authorization.ToString();
        hasAuthorization = header.Length > 0;
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var key = header.Substring(Scheme.Length).Trim();
        return key.Length > 3 && key.StartsWith("sk-", StringComparison.Ordinal) ? key : null;
    }

    /// <summary>The 401, worded for a missing key or a wrong one.</summary>
    public static SimResponse Unauthorized(bool hasAuthorization) => SimResponse.Json(401, WireJson.Error(
        hasAuthorization
            ? "Invalid API key provided. Send 'Authorization: Bearer sk-...'."
            : "Missing API key. Send it as 'Authorization: Bearer sk-...'.",
        "authentication_error",
        "invalid_api_key"));
}
