using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using LemonData.Video;
using LemonData.Video.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// The extension methods live where IServiceCollection lives, as Microsoft's own do, so that
// `services.AddLemonDataVideoClient()` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="LemonDataVideoClient"/> in a service container.</summary>
/// <example>
/// <code>
/// // appsettings.json: { "LemonData": { "PollInterval": "00:00:05" } }, the key in user secrets or LEMONDATA_API_KEY.
/// builder.Services.AddLemonDataVideoClient();
///
/// // Or from code, on top of the configuration:
/// builder.Services.AddLemonDataVideoClient(options => options.WaitTimeout = TimeSpan.FromMinutes(20))
///     .AddStandardResilienceHandler(); // safe: creates are never sent twice (see the README)
///
/// app.MapPost("/videos", async (LemonDataVideoClient videos, string prompt) =>
///     await videos.CreateVideoAsync(new VideoGenerationRequest { Prompt = prompt }));
/// </code>
/// </example>
public static class LemonDataVideoServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LemonDataVideoClient"/> (transient, through <see cref="IHttpClientFactory"/>), with options
    /// from the <c>LemonData</c> section of the container's <see cref="IConfiguration"/> when there is one.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <returns>The client's <see cref="IHttpClientBuilder"/>, to add handlers or configure its primary handler.</returns>
    public static IHttpClientBuilder AddLemonDataVideoClient(this IServiceCollection services) =>
        services.AddLemonDataVideoClient(configure: null);

    /// <summary>
    /// Registers <see cref="LemonDataVideoClient"/> (transient, through <see cref="IHttpClientFactory"/>), with options
    /// from the <c>LemonData</c> section of the container's <see cref="IConfiguration"/>, then from <paramref name="configure"/>.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="configure">Sets options in code; runs after the configuration section, so it wins.</param>
    /// <returns>The client's <see cref="IHttpClientBuilder"/>, to add handlers or configure its primary handler.</returns>
    public static IHttpClientBuilder AddLemonDataVideoClient(this IServiceCollection services, Action<LemonDataVideoClientOptions>? configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var options = services.AddOptions<LemonDataVideoClientOptions>();
        options.Configure<IServiceProvider>((target, provider) =>
        {
            if (provider.GetService<IConfiguration>() is { } configuration)
            {
                LemonDataVideoConfiguration.Apply(configuration.GetSection(LemonDataVideoConfiguration.SectionName), target);
            }
        });
        return Register(services, options, configure);
    }

    /// <summary>
    /// Registers <see cref="LemonDataVideoClient"/> (transient, through <see cref="IHttpClientFactory"/>), with options
    /// from <paramref name="configuration"/> (a section such as <c>configuration.GetSection("Video")</c>), then from
    /// <paramref name="configure"/>.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="configuration">The section that holds the options (<c>ApiKey</c>, <c>Endpoint</c>, <c>PollInterval</c>, ...).</param>
    /// <param name="configure">Sets options in code; runs after the configuration section, so it wins.</param>
    /// <returns>The client's <see cref="IHttpClientBuilder"/>, to add handlers or configure its primary handler.</returns>
    public static IHttpClientBuilder AddLemonDataVideoClient(this IServiceCollection services, IConfiguration configuration, Action<LemonDataVideoClientOptions>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        var options = services.AddOptions<LemonDataVideoClientOptions>();
        options.Configure(target => LemonDataVideoConfiguration.Apply(configuration, target));
        return Register(services, options, configure);
    }

    private static IHttpClientBuilder Register(IServiceCollection services, OptionsBuilder<LemonDataVideoClientOptions> options, Action<LemonDataVideoClientOptions>? configure)
    {
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // The container's logging, unless the application chose a logger factory itself.
        options.PostConfigure<IServiceProvider>((target, provider) => target.LoggerFactory ??= provider.GetService<ILoggerFactory>());

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LemonDataVideoClientOptions>, LemonDataVideoOptionsValidator>());

        // Innermost, after every handler the application adds: see CreateResendGuardFilter.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, CreateResendGuardFilter>());

        return services.AddHttpClient(LemonDataVideoHttpClient.Name)
            .ConfigureHttpClient(http =>
            {
                // Each attempt is timed by the SDK (AttemptTimeout); a download may legitimately take long.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .AddTypedClient((http, provider) => CreateClient(http, provider));
    }

    // The client copies what it needs from the options when it is created, so a change of configuration
    // (IOptionsMonitor) reaches the next client the container hands out.
    private static LemonDataVideoClient CreateClient(HttpClient http, IServiceProvider provider) =>
        new(http, provider.GetRequiredService<IOptionsMonitor<LemonDataVideoClientOptions>>().CurrentValue);

    private static HttpMessageHandler CreatePrimaryHandler()
    {
#if NET8_0_OR_GREATER
        // The factory recycles handlers (DNS changes are picked up), so no PooledConnectionLifetime here.
        return new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };
#else
        return new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate };
#endif
    }
}
