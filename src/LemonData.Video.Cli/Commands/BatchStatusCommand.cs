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
        var ledger = new LedgerOptions("The ledger file, when it is not in --out-dir.", "when --ledger and --out-dir are not given");
        var command = new Command("status", "Show a batch's counts per state and the jobs that need a person (reads the ledger only; exit code 0 when it was read).");
        command.Add(outDir);
        ledger.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = new CommandRun(context, globals, parseResult);
            return run.ExecuteAsync(() => RunAsync(run, parseResult.GetValue(outDir), parseResult.GetValue(ledger.File), parseResult.GetValue(ledger.Connection), parseResult.GetValue(ledger.Schema), cancellationToken));
        });
        return command;
    }

    private static async Task<int> RunAsync(CommandRun run, string? outDir, string? ledgerFile, string? ledgerConnection, string? ledgerSchema, CancellationToken cancellationToken)
    {
        if (outDir is not null && (ledgerFile is not null || ledgerConnection is not null))
        {
            throw new InvalidInputException("Give --out-dir, --ledger or --ledger-connection, only one.");
        }

        // An --out-dir names a file ledger: LEMONDATA_BATCH_LEDGER is not read then.
        await using var opened = await BatchLedger.OpenAsync(run.Context, outDir, ledgerFile, ledgerConnection, mustExist: true, useEnvironment: outDir is null, lease: null, ledgerSchema, cancellationToken).ConfigureAwait(false);
        var ledger = opened.Ledger;
        var counts = await ledger.CountAsync(cancellationToken).ConfigureAwait(false);
        if (run.Json)
        {
            await BatchStatusReport.WriteJsonAsync(run.Context.Stdout, ledger, counts, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await BatchStatusReport.WriteTextAsync(run.Context.Stdout, opened, counts, cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
