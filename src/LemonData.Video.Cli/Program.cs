using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Cli;

/// <summary>The entry point of <c>lemondata-video</c>.</summary>
public static class Program
{
    /// <summary>Runs the tool on the console. The first Ctrl+C (or SIGTERM) stops waiting and prints how to resume; a second one ends the process.</summary>
    public static async Task<int> Main(string[] args)
    {
        using var interrupted = new CancellationTokenSource();
        void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
        {
            if (!interrupted.IsCancellationRequested)
            {
                e.Cancel = true;
                interrupted.Cancel();
            }
        }

        Console.CancelKeyPress += OnCancelKeyPress;
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            interrupted.Cancel();
        });
        try
        {
            var context = new CliContext(
                Console.Out,
                Console.Error,
                environment: null,
                stdoutIsTerminal: !Console.IsOutputRedirected,
                stderrIsTerminal: !Console.IsErrorRedirected);
            return await CliApplication.RunAsync(args, context, interrupted.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= OnCancelKeyPress;
        }
    }

    /// <summary>
    /// Runs the tool in-process, as tests and hosts do: <paramref name="stdout"/> and <paramref name="stderr"/>
    /// are never treated as a terminal (plain progress lines), and <paramref name="environment"/>, when given,
    /// replaces the process's variables entirely (<c>LEMONDATA_API_KEY</c>, <c>LEMONDATA_BASE_URL</c>, ...).
    /// </summary>
    /// <returns>The exit code (see <c>--help</c>).</returns>
    public static Task<int> RunAsync(
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        IDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(args, stdout, stderr, environment, workingDirectory: null, cancellationToken);

    /// <summary>
    /// <see cref="RunAsync(string[], TextWriter, TextWriter, IDictionary{string, string}, CancellationToken)"/> in the folder
    /// <paramref name="workingDirectory"/> (null: the process's), where <c>lemondata-models.json</c> is looked for.
    /// </summary>
    /// <returns>The exit code (see <c>--help</c>).</returns>
    public static Task<int> RunAsync(
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        IDictionary<string, string?>? environment,
        string? workingDirectory,
        CancellationToken cancellationToken = default)
    {
        if (args is null)
        {
            throw new ArgumentNullException(nameof(args));
        }

        var context = new CliContext(stdout, stderr, environment, stdoutIsTerminal: false, stderrIsTerminal: false, workingDirectory);
        return CliApplication.RunAsync(args, context, cancellationToken);
    }
}
