using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using LemonData.Video;

namespace LemonData.Video.Testing.Tests.Support;

/// <summary>Real SDK clients pointed at a simulator, with delays small enough for tests.</summary>
internal static class Clients
{
    public static LemonDataVideoClient For(LemonDataSimulator simulator, Action<LemonDataVideoClientOptions>? configure = null)
    {
        var options = new LemonDataVideoClientOptions
        {
            Endpoint = simulator.Endpoint,
            PollInterval = TimeSpan.FromMilliseconds(5),
            RetryDelay = TimeSpan.FromMilliseconds(5),
            WaitTimeout = TimeSpan.FromSeconds(20),
            AttemptTimeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return new LemonDataVideoClient(simulator.ApiKey, options);
    }

    public static VideoGenerationRequest Request(string? model = null) => new() { Model = model, Prompt = "A cat walking through a garden" };

    /// <summary>The GET requests that read a task (either path), in order.</summary>
    public static IReadOnlyList<SimulatorRequest> Polls(this LemonDataSimulator simulator) =>
        simulator.Requests.Where(request => request.Method == "GET"
            && (request.Path.StartsWith("/v1/tasks/", StringComparison.Ordinal) || request.Path.StartsWith("/v1/videos/generations/", StringComparison.Ordinal))).ToList();

    public static IReadOnlyList<SimulatorRequest> Creates(this LemonDataSimulator simulator) =>
        simulator.Requests.Where(request => request.Method == "POST" && request.Path == "/v1/videos/generations").ToList();
}

/// <summary>An IProgress that records synchronously (Progress&lt;T&gt; posts to a context and may report late).</summary>
internal sealed class RecordingProgress : IProgress<VideoTask>
{
    private readonly ConcurrentQueue<VideoTask> _seen = new();

    public IReadOnlyList<VideoTask> Seen => _seen.ToArray();

    public void Report(VideoTask value) => _seen.Enqueue(value);
}
