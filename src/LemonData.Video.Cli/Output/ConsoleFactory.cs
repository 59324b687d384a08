using System;
using System.Collections.Generic;
using System.IO;
using Spectre.Console;

namespace LemonData.Video.Cli.Output;

/// <summary>
/// Spectre.Console consoles over the tool's own writers. On a terminal: colors, redrawing, the
/// terminal's width. Elsewhere (a file, a pipe, a test's <see cref="StringWriter"/>, CI): no escape
/// codes at all, and a width wide enough that tables are not folded.
/// </summary>
internal static class ConsoleFactory
{
    private const int RedirectedWidth = 160;

    public static IAnsiConsole Create(TextWriter writer, bool isTerminal, IReadOnlyDictionary<string, string?> environment)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in environment)
        {
            if (value is not null)
            {
                variables[name] = value;
            }
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Yes : InteractionSupport.No,
            EnvironmentVariables = variables,
        });

        if (!isTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    /// <summary>The live bar on a terminal, plain lines elsewhere.</summary>
    public static IProgressView CreateProgressView(TextWriter writer, bool isTerminal, IReadOnlyDictionary<string, string?> environment) =>
        isTerminal ? new LiveProgressView(Create(writer, isTerminal: true, environment)) : new PlainProgressView(writer);
}
