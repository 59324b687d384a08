using System;
using LemonData.Video.Testing;

namespace LemonData.Video.Tests.Telemetry;

/// <summary>Clients for the telemetry tests: on the simulator, with delays short enough that a generation takes a blink.</summary>
internal static class TelemetryClients
{
    public static LemonDataSimulator StartSimulator(TimeSpan processingTime) =>
        LemonDataSimulator.Start(new LemonDataSimulatorOptions { ProcessingTime = processingTime });

    public static LemonDataVideoClient For(LemonDataSimulator simulator, Action<LemonDataVideoClientOptions>? configure = null)
    {
        var options = new LemonDataVideoClientOptions
        {
            Endpoint = simulator.Endpoint,
            PollInterval = TimeSpan.FromMilliseconds(20),
            RetryDelay = TimeSpan.FromMilliseconds(5),
        };
        configure?.Invoke(options);
        return new LemonDataVideoClient(simulator.ApiKey, options);
    }
}
