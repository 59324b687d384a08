using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;

namespace LemonData.Video.Cli;

/// <summary>
/// Where one run of the tool reads and writes: its two output streams, its environment variables and
/// whether each stream is a terminal. <see cref="Program.Main"/> passes the console; tests pass
/// <see cref="StringWriter"/>s and a dictionary, so a test never depends on the machine's variables.
/// </summary>
internal sealed class CliContext
{
    private readonly IReadOnlyDictionary<string, string?> _environment;

    public CliContext(TextWriter stdout, TextWriter stderr, IDictionary<string, string?>? environment, bool stdoutIsTerminal, bool stderrIsTerminal, string? workingDirectory = null)
    {
        WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory();
        Stdout = stdout ?? throw new ArgumentNullException(nameof(stdout));
        Stderr = stderr ?? throw new ArgumentNullException(nameof(stderr));
        _environment = environment is null ? ReadProcessEnvironment() : new Dictionary<string, string?>(environment, StringComparer.Ordinal);

        // A CI log is not a terminal even when a pseudo-terminal is attached, and TERM=dumb cannot redraw.
        var interactive = !IsSet("CI") && !IsSet("TF_BUILD") && !IsSet("GITHUB_ACTIONS") && !string.Equals(Get("TERM"), "dumb", StringComparison.Ordinal);
        StdoutIsTerminal = stdoutIsTerminal && interactive;
        StderrIsTerminal = stderrIsTerminal && interactive;
    }

    /// <summary>Results: the human summary, or the single JSON document with <c>--json</c>.</summary>
    public TextWriter Stdout { get; }

    /// <summary>Errors; with <c>--json</c>, also progress and notices.</summary>
    public TextWriter Stderr { get; }

    public bool StdoutIsTerminal { get; }

    public bool StderrIsTerminal { get; }

    public IReadOnlyDictionary<string, string?> Environment => _environment;

    /// <summary>The folder relative paths are read from, and where <c>lemondata-models.json</c> is looked for.</summary>
    public string WorkingDirectory { get; }

    /// <summary>An environment variable, or <see langword="null"/> when unset or blank.</summary>
    public string? Get(string name) =>
        _environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value!.Trim() : null;

    private bool IsSet(string name) => Get(name) is { } value && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase) && value != "0";

    private static Dictionary<string, string?> ReadProcessEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        return variables;
    }
}
