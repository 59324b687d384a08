using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Cli.Tests.Processes;

/// <summary>
/// <c>lemondata-video</c> as a real process (the build this test project references, run by the same <c>dotnet</c>), with
/// the signals a user's machine sends it: SIGKILL (a crash, the OOM killer, a pulled plug) and SIGINT (Ctrl+C).
/// </summary>
internal sealed class ToolProcess : IDisposable
{
    private const int SigInt = 2;

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _firstChange = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ToolProcess(Process process) => _process = process;

    /// <summary>Everything written to stdout so far.</summary>
    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    /// <summary>Everything written to stderr so far.</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Completes when the tool prints its first line about a job (a line <c>id: State</c>): the run is under way.</summary>
    public Task FirstJobChange => _firstChange.Task;

    public bool HasExited => _process.HasExited;

    /// <summary>Stdout and stderr together.</summary>
    public string AllOutput() => Stdout + Stderr;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the tool with <paramref name="args"/>; the environment is this process's without any LEMONDATA_ variable, plus <paramref name="environment"/>.</summary>
    public static ToolProcess Start(IReadOnlyDictionary<string, string?> environment, string workingDirectory, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "lemondata-video.dll");
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in new List<string>(start.Environment.Keys))
        {
            if (name.StartsWith("LEMONDATA_", StringComparison.Ordinal))
            {
                start.Environment.Remove(name);
            }
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var tool = new ToolProcess(process);
        process.OutputDataReceived += (_, line) => tool.Append(tool._stdout, line.Data, isStdout: true);
        process.ErrorDataReceived += (_, line) => tool.Append(tool._stderr, line.Data, isStdout: false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return tool;
    }

    /// <summary>SIGKILL: the process ends at once, with no chance to clean up (what a crash looks like to the ledger).</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGINT, as Ctrl+C in a terminal sends it.</summary>
    public void Interrupt()
    {
        if (kill(_process.Id, SigInt) != 0)
        {
            throw new InvalidOperationException("kill(" + _process.Id + ", SIGINT) failed: errno " + Marshal.GetLastPInvokeError());
        }
    }

    /// <summary>Waits for the process to end, at most <paramref name="timeout"/> (then kills it and fails).</summary>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException("lemondata-video did not end within " + timeout + ".\n--- stdout ---\n" + Stdout + "\n--- stderr ---\n" + Stderr);
        }

        // The asynchronous readers deliver the last lines after the exit; this waits for them.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    public override string ToString() => "--- stdout ---\n" + Stdout + "\n--- stderr ---\n" + Stderr;

    // The dotnet that runs these tests: the SDK names it in DOTNET_HOST_PATH during `dotnet test`.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private void Append(StringBuilder into, string? line, bool isStdout)
    {
        if (line is null)
        {
            return;
        }

        lock (into)
        {
            into.AppendLine(line);
        }

        // A job's change reads "[elapsed] <id>: <State>..." (plain progress: one line per change when redirected).
        if (isStdout && line.StartsWith('[') && line.Contains("] ", StringComparison.Ordinal))
        {
            _firstChange.TrySetResult();
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
