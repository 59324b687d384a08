using System.CommandLine;

namespace LemonData.Video.Cli.Commands;

/// <summary><c>batch</c>: many paid videos from a <c>jobs.jsonl</c>, on a ledger that makes a batch resumable and never pays twice.</summary>
internal static class BatchCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var command = new Command(
            "batch",
            "Generate many videos from a jobs.jsonl file, each created at most once, resumable after any crash (the ledger is <out-dir>/.lemondata-batch.db).");
        command.Add(BatchRunCommand.Create(context, globals));
        command.Add(BatchStatusCommand.Create(context, globals));
        return command;
    }
}
