using System;
using System.Collections.Generic;
using LemonData.Video.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LemonData.Video.DependencyInjection.Tests.Support;

/// <summary>Builds containers the way an application does: configuration first, then the registration.</summary>
internal static class Containers
{
    public static IServiceCollection WithConfiguration(IDictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services;
    }

    /// <summary>A container whose "LemonData" section points at <paramref name="simulator"/>, with fast polling.</summary>
    public static IServiceCollection ForSimulator(LemonDataSimulator simulator, int maxRetries = 3) => WithConfiguration(new Dictionary<string, string?>
    {
        ["LemonData:Endpoint"] = simulator.Endpoint.ToString(),
        ["LemonData:ApiKey"] = simulator.ApiKey,
        ["LemonData:PollInterval"] = "00:00:00.050",
        ["LemonData:RetryDelay"] = "00:00:00.010",
        ["LemonData:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public static LemonDataSimulator FastSimulator() =>
        LemonDataSimulator.Start(new LemonDataSimulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(200) });
}
