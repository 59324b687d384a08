using System;

namespace LemonData.Video;

/// <summary>
/// The service's base address. Always ends with '/', and paths are joined to it without a leading
/// '/': otherwise <c>https://gw.example.com/lemondata</c> would silently lose <c>lemondata</c>
/// (relative URI resolution replaces the last segment), the classic generated-client pitfall.
/// </summary>
internal sealed class ApiEndpoint
{
    public ApiEndpoint(Uri endpoint)
    {
        if (endpoint is null)
        {
            throw new ArgumentNullException(nameof(endpoint));
        }

        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException(
                "Endpoint must be an absolute http or https address, for example https://api.lemondata.cc; got '" + endpoint + "'.",
                nameof(endpoint));
        }

        var text = endpoint.GetLeftPart(UriPartial.Path);
        BaseAddress = new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/", UriKind.Absolute);
        _baseText = BaseAddress.AbsoluteUri;
    }

    private readonly string _baseText;

    public Uri BaseAddress { get; }

    /// <summary>
    /// Refuses a plain-HTTP endpoint off this machine unless the caller opted in: the API key would cross
    /// the network in clear text.
    /// </summary>
    public void RequireSecureTransport(bool allowInsecureHttp)
    {
        if (BaseAddress.Scheme == Uri.UriSchemeHttp && !BaseAddress.IsLoopback && !allowInsecureHttp)
        {
            throw new ArgumentException(
                "Endpoint '" + BaseAddress + "' uses plain http, which would send the API key unencrypted. Use https, "
                + "or set LemonDataVideoClientOptions.AllowInsecureHttp = true if this network is trusted (loopback addresses are always allowed).",
                "options");
        }
    }

    /// <summary>Joins a path of the API (with or without a leading '/') to the base address, keeping its path.</summary>
    public Uri Resolve(string relativePath) => new(BaseAddress, relativePath.TrimStart('/'));

    /// <summary>
    /// Joins one of the API's own paths (<see cref="WireOperation.PathFor"/>: no leading '/', no scheme, no dot
    /// segment, the task id escaped) to the base address. For such a path the text of the base followed by the path
    /// is exactly what <see cref="Resolve"/> gives, and it is parsed once instead of twice: every task read builds one.
    /// </summary>
    public Uri ResolveApiPath(string apiPath) => new(_baseText + apiPath, UriKind.Absolute);

    /// <summary>
    /// Resolves the service's <c>poll_url</c>. A relative path is joined to the base address; an absolute
    /// address is accepted only on the endpoint's own origin, because the API key is sent with polls.
    /// </summary>
    public bool TryResolvePollUrl(string? pollUrl, out Uri uri)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(pollUrl))
        {
            return false;
        }

        var trimmed = pollUrl!.Trim();
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute)
            && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp))
        {
            if (!IsSameOrigin(absolute))
            {
                return false;
            }

            uri = absolute;
            return true;
        }

        if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.IndexOf("://", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        // What is left is joined to the base address. A text that cannot be ("http:") or that turns into another
        // origin (a UNC path becomes file://) names no path of this service: not followed, like another origin,
        // rather than failing every read of the task.
        if (!Uri.TryCreate(BaseAddress, trimmed.TrimStart('/'), out var joined) || !IsSameOrigin(joined))
        {
            return false;
        }

        uri = joined;
        return true;
    }

    public bool IsSameOrigin(Uri uri) =>
        uri.IsAbsoluteUri
        && string.Equals(uri.Scheme, BaseAddress.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Host, BaseAddress.Host, StringComparison.OrdinalIgnoreCase)
        && uri.Port == BaseAddress.Port;
}
