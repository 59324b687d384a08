using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Batch;
using LemonData.Video.Cli.Batch;

namespace LemonData.Video.Cli.Commands;

/// <summary>
/// <c>batch status</c>: reads a batch's ledger (never the service) and prints the counts per state and every job that
/// needs a person. Safe while a run is going: the ledger's WAL lets it read without stopping the run.
/// </summary>
internal static class BatchStatusCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var outDir = new Option<string?>("--out-dir") { Description = "The batch's folder; its ledger is <out-dir>/" + LedgerLocation.DefaultFileName + ".", HelpName = "dir" };
        var ledger = new Option<string?>("--ledger") { Description = "The ledger file, when it is not in --out-dir.", HelpName = "file" };
        var command = new Command("status", "Show a batch's counts per state and the jobs that need a person (reads the ledger only; exit code 0 when it was read).");
        command.Add(outDir);
        command.Add(ledger);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = new CommandRun(context, globals, parseResult);
            return run.ExecuteAsync(() => RunAsync(run, parseResult.GetValue(outDir), parseResult.GetValue(ledger), cancellationToken));
        });
        return command;
    }

    private static async Task<int> RunAsync(CommandRun run, string? outDir, string? ledgerFile, CancellationToken cancellationToken)
    {
        if (outDir is not null && ledgerFile is not null)
        {
            throw new InvalidInputException("Give --out-dir or --ledger, not both.");
        }

        var path = LedgerLocation.Resolve(run.Context, outDir, ledgerFile);

        // Opening a ledger creates one where there is none; a status must not leave an empty ledger behind a typo.
        if (!File.Exists(path))
        {
            throw new InvalidInputException("There is no batch ledger at '" + path + "'. Give the --out-dir of a batch run, or its --ledger.");
        }

        await using var ledger = await SqliteVideoJobLedger.OpenAsync(path, cancellationToken).ConfigureAwait(false);
        var counts = await ledger.CountAsync(cancellationToken).ConfigureAwait(false);
        if (run.Json)
        {
            await BatchStatusReport.WriteJsonAsync(run.Context.Stdout, ledger, counts, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await BatchStatusReport.WriteTextAsync(run.Context.Stdout, ledger, counts, cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
