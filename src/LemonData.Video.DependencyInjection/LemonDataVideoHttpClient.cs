namespace LemonData.Video.DependencyInjection;

/// <summary>The name of the <see cref="System.Net.Http.HttpClient"/> the container builds for <see cref="LemonDataVideoClient"/>.</summary>
public static class LemonDataVideoHttpClient
{
    /// <summary>
    /// The <see cref="System.Net.Http.IHttpClientFactory"/> client name, for configuring it elsewhere
    /// (<c>services.AddHttpClient(LemonDataVideoHttpClient.Name)</c>) or for telling its log lines apart.
    /// </summary>
    public const string Name = "LemonData.Video";
}
