using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.PackageTests.Support;

/// <summary>What one <c>dotnet</c> command did.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, TimeSpan Elapsed, string StandardOutput, string StandardError)
{
    /// <summary>The command, its exit code and time, and the end of what it printed: for a test's output or a failure message.</summary>
    public string Describe(int maxLines = 200)
    {
        var text = new StringBuilder();
        text.AppendLine("$ " + CommandLine);
        text.AppendLine($"exit code {ExitCode} after {Elapsed.TotalSeconds:F1} s");
        AppendTail(text, "stdout", StandardOutput, maxLines);
        AppendTail(text, "stderr", StandardError, maxLines);
        return text.ToString();
    }

    private static void AppendTail(StringBuilder text, string name, string output, int maxLines)
    {
        var lines = output.Split('\n');
        if (lines.Length > maxLines)
        {
            text.AppendLine($"--- {name} (last {maxLines} of {lines.Length} lines) ---");
            lines = lines[^maxLines..];
        }
        else
        {
            text.AppendLine($"--- {name} ---");
        }

        foreach (var line in lines)
        {
            text.AppendLine(line.TrimEnd('\r'));
        }
    }
}

/// <summary>
/// Runs the <c>dotnet</c> that runs the tests, with a time limit, telemetry and the logo off, and no MSBuild node,
/// MSBuild server or compiler server left running afterwards.
/// </summary>
internal static class DotNet
{
    /// <summary>The dotnet executable: the host that runs these tests when the SDK says which one it is.</summary>
    public static string Executable { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>The switches that keep a build from leaving processes behind.</summary>
    public static IReadOnlyList<string> NoLingeringProcesses { get; } = new[] { "-nodeReuse:false", "--disable-build-servers", "-p:UseSharedCompilation=false" };

    /// <summary>Applies the environment of every dotnet command to <paramref name="environment"/>.</summary>
    public static void Configure(IDictionary<string, string?> environment)
    {
        // What the test host inherited from the `dotnet test` that started it must not steer the child's MSBuild.
        foreach (var name in environment.Keys.Where(name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            environment.Remove(name);
        }

        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
    }

    public static async Task<ProcessResult> RunAsync(string workingDirectory, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Configure(start.Environment);
        var commandLine = "dotnet " + string.Join(" ", start.ArgumentList.Select(a => a.Contains(' ') ? "\"" + a + "\"" : a));

        var output = new StringBuilder();
        var error = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (error)
                {
                    error.AppendLine(e.Data);
                }
            }
        };

        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            throw new TimeoutException(
                $"Timed out after {timeout.TotalSeconds:F0} s:{Environment.NewLine}"
                + new ProcessResult(commandLine, -1, stopwatch.Elapsed, Snapshot(output), Snapshot(error)).Describe());
        }

        // WaitForExitAsync returns once the output streams are drained.
        return new ProcessResult(commandLine, process.ExitCode, stopwatch.Elapsed, Snapshot(output), Snapshot(error));
    }

    private static string Snapshot(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }
}
