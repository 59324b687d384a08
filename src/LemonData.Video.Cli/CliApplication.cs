using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Cli.Commands;
using LemonData.Video.Cli.Output;

namespace LemonData.Video.Cli;

/// <summary>The command tree of <c>lemondata-video</c>, and how one command line is parsed and run.</summary>
internal static class CliApplication
{
    public static RootCommand BuildRootCommand(CliContext context)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand(
            "lemondata-video: generate videos with LemonData. Set LEMONDATA_API_KEY for the real service; "
            + "without it, commands run against a built-in offline simulator.\n"
            + "Example: lemondata-video generate --prompt \"A cat walking through a garden\" --out cat.mp4");
        globals.AddTo(root);
        root.Add(GenerateCommand.Create(context, globals));
        root.Add(StatusCommand.Create(context, globals));
        root.Add(WaitCommand.Create(context, globals));
        root.Add(DownloadCommand.Create(context, globals));
        root.Add(ModelsCommand.Create(context, globals));
        root.Add(BatchCommand.Create(context, globals));

        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction standard)
            {
                help.Action = new ExtendedHelpAction(standard);
            }
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        var root = BuildRootCommand(context);

        // No command: the help, and the invalid-input code (nothing was asked).
        var parseResult = root.Parse(args.Length == 0 ? new[] { "--help" } : args);
        var configuration = new InvocationConfiguration
        {
            Output = context.Stdout,
            Error = context.Stderr,
            EnableDefaultExceptionHandler = false,

            // Program.Main handles Ctrl+C itself, so that the token reaches the command and it can say how to resume.
            ProcessTerminationTimeout = null,
        };

        if (parseResult.Errors.Count > 0 && parseResult.Action is ParseErrorAction)
        {
            return ReportParseErrors(parseResult, context);
        }

        var exitCode = await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        return args.Length == 0 ? ExitCodes.InvalidInput : exitCode;
    }

    private static int ReportParseErrors(ParseResult parseResult, CliContext context)
    {
        var stderr = context.Stderr;
        foreach (var error in parseResult.Errors)
        {
            stderr.WriteLine("error: " + error.Message);
        }

        var commandPath = string.Join(" ", parseResult.CommandResult.Command.Name == parseResult.RootCommandResult.Command.Name
            ? new[] { ResumeCommand.ToolName }
            : new[] { ResumeCommand.ToolName, parseResult.CommandResult.Command.Name });
        stderr.WriteLine("Run '" + commandPath + " --help' for the options. Nothing was sent.");
        stderr.Flush();

        if (parseResult.GetValue<bool>("--json"))
        {
            var message = string.Join(" ", parseResult.Errors.Select(error => error.Message));
            JsonOutput.Begin(ExitCodes.InvalidInput)
                .Error("invalid_arguments", message, writer => JsonOutput.WriteStrings(writer, "errors", parseResult.Errors.Select(error => error.Message)))
                .WriteTo(context.Stdout);
        }

        return ExitCodes.InvalidInput;
    }
}
