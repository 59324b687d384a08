using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using LemonData.Video.Testing;

namespace LemonData.Video.Benchmarks.Batch;

/// <summary>
/// The simulator in a process of its own (this program, started with <c>--serve-simulator</c>), so that the memory the
/// batch benchmark measures is the runner's, not the simulator's record of every request it served.
/// </summary>
public sealed class SimulatorProcess : IDisposable
{
    public const string ServeArgument = "--serve-simulator";

    private const string Listening = "LISTENING ";

    private readonly Process _process;

    private SimulatorProcess(Process process, Uri endpoint, string apiKey)
    {
        _process = process;
        Endpoint = endpoint;
        ApiKey = apiKey;
    }

    public Uri Endpoint { get; }

    public string ApiKey { get; }

    /// <summary>
    /// Starts a simulator whose tasks complete at their first read (instant timings); with <paramref name="downloadDelay"/>,
    /// every download is answered that much later (a video host that serves each connection slowly).
    /// </summary>
    public static SimulatorProcess Start(TimeSpan? downloadDelay = null)
    {
        var program = typeof(SimulatorProcess).Assembly.Location;
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // Run as `dotnet Benchmarks.dll` or as the apphost: either way the same program, serving.
        if (Path.GetFileName(Environment.ProcessPath!) is "dotnet" or "dotnet.exe")
        {
            start.ArgumentList.Add(program);
        }

        start.ArgumentList.Add(ServeArgument);
        if (downloadDelay is { } delay)
        {
            start.ArgumentList.Add(((int)delay.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var process = Process.Start(start)!;
        while (true)
        {
            var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The simulator process ended before it said where it listens.");
            if (line.StartsWith(Listening, StringComparison.Ordinal))
            {
                var parts = line.Substring(Listening.Length).Split(' ');
                return new SimulatorProcess(process, new Uri(parts[0]), parts[1]);
            }
        }
    }

    /// <summary>The child's side: serves until its standard input closes.</summary>
    public static async Task<int> ServeAsync(int downloadDelayMs)
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { PollsPerStage = 0 });
        if (downloadDelayMs > 0)
        {
            simulator.Script.InjectFaults(new SimulatorFaultPlan(1.0, seed: 1, SimulatorFaultKind.SlowAnswer)
            {
                Target = SimulatorTarget.Download,
                SlowAnswerDelay = TimeSpan.FromMilliseconds(downloadDelayMs),
            });
        }

        Console.WriteLine(Listening + simulator.Endpoint + " " + simulator.ApiKey);
        Console.Out.Flush();
        await Console.In.ReadToEndAsync();
        return 0;
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5000))
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
