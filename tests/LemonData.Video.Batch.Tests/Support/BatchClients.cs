using System;
using LemonData.Video.Testing;

namespace LemonData.Video.Batch.Tests.Support;

/// <summary>Real SDK clients pointed at a simulator, with delays small enough for tests.</summary>
internal static class BatchClients
{
    public static LemonDataVideoClient For(LemonDataSimulator simulator, Action<LemonDataVideoClientOptions>? configure = null)
    {
        var options = new LemonDataVideoClientOptions
        {
            Endpoint = simulator.Endpoint,
            PollInterval = TimeSpan.FromMilliseconds(5),
            RetryDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryDelay = TimeSpan.FromSeconds(2),
            WaitTimeout = TimeSpan.FromSeconds(20),
            AttemptTimeout = TimeSpan.FromSeconds(10),
            MaxRetries = 5,
        };
        configure?.Invoke(options);
        return new LemonDataVideoClient(simulator.ApiKey, options);
    }
}
