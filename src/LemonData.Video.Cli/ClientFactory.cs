using System;
using System.Globalization;
using System.IO;
using LemonData.Video.Testing;

namespace LemonData.Video.Cli;

/// <summary>What a command asked of the client: where to send requests and how to poll.</summary>
/// <remarks>
/// <see cref="Catalog"/>: the models the tool checks requests against (a <c>lemondata-models.json</c>, else the snapshot);
/// the client then looks every model without lists up on the service (<see cref="ModelLookup.AllModels"/>) before a paid
/// job is sent.
/// </remarks>
internal sealed record ClientSettings(bool Simulate, Uri? EndpointFlag, TimeSpan? PollInterval = null, TimeSpan? WaitTimeout = null, VideoModelCatalog? Catalog = null);

/// <summary>
/// Makes the client a command talks through. With <c>LEMONDATA_API_KEY</c>: the real service at
/// <c>--endpoint</c>, <c>LEMONDATA_BASE_URL</c> or the default address. Without a key, or with
/// <c>--simulate</c>: the built-in simulator, started in this process, announced in one line.
/// </summary>
internal static class ClientFactory
{
    /// <summary>How long a task of the built-in simulator takes, in milliseconds (default 4000; 0 = instant). For tests and demos.</summary>
    public const string SimulatorProcessingTimeVariable = "LEMONDATA_SIMULATOR_PROCESSING_MS";

    /// <summary>Long enough to watch the progress bar move, short enough for a first try.</summary>
    public static readonly TimeSpan DefaultSimulatorProcessingTime = TimeSpan.FromSeconds(4);

    /// <summary>The simulator is on this machine: polling it often costs nothing.</summary>
    public static readonly TimeSpan SimulatorPollInterval = TimeSpan.FromMilliseconds(500);

    public static ClientSession Create(CliContext context, ClientSettings settings, TextWriter notices)
    {
        var apiKey = context.Get(LemonDataVideoClientOptions.ApiKeyEnvironmentVariable);
        if (settings.Simulate || apiKey is null)
        {
            return StartBuiltInSimulator(context, settings, notices, apiKey is null);
        }

        var endpoint = settings.EndpointFlag ?? EndpointFromEnvironment(context) ?? LemonDataVideoClientOptions.DefaultEndpoint;
        var options = NewOptions(endpoint, apiKey, settings);
        return new ClientSession(new LemonDataVideoClient(apiKey, options), simulator: null, settings.EndpointFlag, endpoint);
    }

    private static ClientSession StartBuiltInSimulator(CliContext context, ClientSettings settings, TextWriter notices, bool noKey)
    {
        var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { ProcessingTime = SimulatorProcessingTime(context) });
        try
        {
            var options = NewOptions(simulator.Endpoint, simulator.ApiKey, settings with { PollInterval = settings.PollInterval ?? SimulatorPollInterval });
            var reason = noKey ? LemonDataVideoClientOptions.ApiKeyEnvironmentVariable + " is not set" : "--simulate";
            notices.WriteLine("Simulator: " + reason + ", using the offline simulator at " + simulator.Endpoint + " (free).");
            notices.Flush();
            return new ClientSession(new LemonDataVideoClient(simulator.ApiKey, options), simulator, endpointFlag: null, simulator.Endpoint);
        }
        catch
        {
            simulator.Dispose();
            throw;
        }
    }

    private static LemonDataVideoClientOptions NewOptions(Uri endpoint, string apiKey, ClientSettings settings)
    {
        // Endpoint and key are always set here, so the SDK never falls back to the process's own
        // environment variables: what this run was given (or a test's dictionary) is what counts.
        var options = new LemonDataVideoClientOptions
        {
            Endpoint = endpoint,
            ApiKey = apiKey,
            ModelCatalog = settings.Catalog,

            // A tool run sends one paid job: one GET of the model's contract first is cheap insurance.
            ModelLookup = ModelLookup.AllModels,
        };
        if (settings.PollInterval is { } pollInterval)
        {
            options.PollInterval = pollInterval;
            if (options.MaxPollInterval < pollInterval)
            {
                options.MaxPollInterval = pollInterval;
            }
        }

        if (settings.WaitTimeout is { } waitTimeout)
        {
            options.WaitTimeout = waitTimeout;
        }

        return options;
    }

    private static Uri? EndpointFromEnvironment(CliContext context)
    {
        var value = context.Get(LemonDataVideoClientOptions.EndpointEnvironmentVariable);
        if (value is null)
        {
            return null;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        throw new InvalidInputException(
            LemonDataVideoClientOptions.EndpointEnvironmentVariable + " must be an absolute http or https address, for example https://api.lemondata.cc; it is '" + value + "'.");
    }

    private static TimeSpan SimulatorProcessingTime(CliContext context)
    {
        var value = context.Get(SimulatorProcessingTimeVariable);
        if (value is null)
        {
            return DefaultSimulatorProcessingTime;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        throw new InvalidInputException(SimulatorProcessingTimeVariable + " must be a whole number of milliseconds (0 = instant); it is '" + value + "'.");
    }
}
