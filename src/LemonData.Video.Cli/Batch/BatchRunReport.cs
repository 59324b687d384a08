using System.Globalization;
using LemonData.Video.Batch;
using LemonData.Video.Cli.Commands;
using LemonData.Video.Cli.Output;

namespace LemonData.Video.Cli.Batch;

/// <summary>What <c>batch run</c> prints when it ends: a summary for people, or its JSON document.</summary>
internal static class BatchRunReport
{
    /// <summary>The lines <c>--skip-invalid</c> left out, each with its problem, on stderr before the run starts.</summary>
    public static void Skipped(CommandRun run, JobsFile jobsFile)
    {
        if (jobsFile.Skipped.Count == 0)
        {
            return;
        }

        var stderr = run.Context.Stderr;
        stderr.WriteLine("--skip-invalid: " + jobsFile.SkippedLines.ToString(CultureInfo.InvariantCulture) + " lines left out; running the other "
            + jobsFile.JobCount.ToString(CultureInfo.InvariantCulture) + " jobs. The lines left out:");
        foreach (var problem in jobsFile.Skipped)
        {
            stderr.WriteLine("  " + problem);
        }

        stderr.Flush();
    }

    public static void Finished(CommandRun run, VideoBatchSummary summary, BatchLedger ledger, int exitCode, int skippedLines)
    {
        if (run.Json)
        {
            var document = JsonOutput.Begin(exitCode);
            var writer = document.Writer;
            writer.WriteBoolean("finished", summary.IsFinished);
            writer.WriteBoolean("complete", summary.IsComplete);
            writer.WriteNumber("total", summary.Total);
            BatchJson.WriteCounts(writer, summary.Counts);
            writer.WriteNumber("created", summary.CreatesSent);
            writer.WriteNumber("interrupted_submissions", summary.InterruptedSubmissions);
            writer.WriteNumber("skipped_lines", skippedLines);
            writer.WriteString("stop_reason", summary.StopReason.ToString());
            if (summary.StopMessage is not null)
            {
                writer.WriteString("stop_message", summary.StopMessage);
            }

            if (summary.BalanceUsd is { } balance)
            {
                writer.WriteNumber("balance_usd", balance);
            }

            JsonOutput.WriteStrings(writer, "problems", summary.Problems);
            writer.WriteNumber("elapsed_seconds", System.Math.Round(summary.Elapsed.TotalSeconds, 3));
            writer.WriteString("ledger", ledger.Description);
            document.Simulated(run.BuiltInSimulator).WriteTo(run.Context.Stdout);
            return;
        }

        var stdout = run.Context.Stdout;
        stdout.WriteLine("Batch " + (summary.IsComplete ? "complete" : summary.IsFinished ? "finished" : "not finished") + ": "
            + BatchText.Counts(summary.Counts) + " (" + summary.Total.ToString(CultureInfo.InvariantCulture) + " jobs).");
        stdout.WriteLine("This run created " + summary.CreatesSent.ToString(CultureInfo.InvariantCulture) + " tasks in " + BatchText.Elapsed(summary.Elapsed) + ".");
        if (skippedLines > 0)
        {
            stdout.WriteLine(skippedLines.ToString(CultureInfo.InvariantCulture) + " lines were left out by --skip-invalid (listed at the start); they are not in the ledger.");
        }

        if (summary.InterruptedSubmissions > 0)
        {
            stdout.WriteLine(summary.InterruptedSubmissions.ToString(CultureInfo.InvariantCulture)
                + " jobs were found mid-create from an earlier run and are now OutcomeUnknown: they are never sent again on their own.");
        }

        if (summary.StopReason != VideoBatchStopReason.None)
        {
            stdout.WriteLine("New creates stopped: " + StopText(summary) + (summary.StopMessage is null ? string.Empty : " (" + summary.StopMessage + ")") + ".");
        }

        foreach (var problem in summary.Problems)
        {
            stdout.WriteLine("  " + problem);
        }

        // The built-in simulator lives in this process: tasks an interrupted simulated run created died with it, and the
        // next simulator does not know their ids. Say so, rather than let "run again" loop on them.
        if (run.BuiltInSimulator && summary.Count(VideoJobState.Created) + summary.Count(VideoJobState.Completed) > 0)
        {
            stdout.WriteLine("(Simulated tasks end with the run that made them: jobs left Created or Completed by an interrupted simulated run "
                + "cannot finish. Start the simulated batch again with another --out-dir.)");
        }

        if (!summary.IsComplete)
        {
            stdout.WriteLine(summary.IsFinished
                ? "Some jobs need a person: " + ResumeCommand.ToolName + " batch status " + ledger.StatusArguments
                : "Run the same command again to go on; " + ResumeCommand.ToolName + " batch status " + ledger.StatusArguments + " lists what needs a person.");
        }

        stdout.WriteLine("Ledger: " + ledger.Description);
        stdout.Flush();
    }

    public static int Interrupted(CommandRun run, BatchLedger ledger)
    {
        var message = "Interrupted: the ledger " + ledger.Description + " is intact; run the same command again to resume.";
        return Stopped(run, ledger, ExitCodes.Cancelled, "interrupted", message);
    }

    /// <summary>The ledger failed after the run had moved jobs (a database gone, a disk full): not finished, exit 4.</summary>
    public static int LedgerFailed(CommandRun run, BatchLedger ledger, VideoJobLedgerException failure)
    {
        // Either the ledger failed (a database gone, a disk full) or it refused this worker's write (its lease on a shared
        // ledger lapsed, and another worker took its jobs over): the ledger's own message says which.
        var message = "Batch not finished: the ledger stopped working mid-run. " + failure.Message
            + " Every change recorded before it stands; once the ledger is back, run the same command again to resume"
            + " (a job whose create was on its way is then OutcomeUnknown, never sent twice).";
        return Stopped(run, ledger, ExitCodes.NotFinished, "ledger_failed", message);
    }

    private static int Stopped(CommandRun run, BatchLedger ledger, int exitCode, string kind, string message)
    {
        run.Context.Stderr.WriteLine(message);
        run.Context.Stderr.Flush();
        if (run.Json)
        {
            var document = JsonOutput.Begin(exitCode);
            document.Writer.WriteString("ledger", ledger.Description);
            document.Error(kind, message).WriteTo(run.Context.Stdout);
        }

        return exitCode;
    }

    private static string StopText(VideoBatchSummary summary) => summary.StopReason switch
    {
        VideoBatchStopReason.MaxJobsReached => "--max-jobs reached; the other planned jobs wait for the next run",
        VideoBatchStopReason.InsufficientBalance => "the balance cannot pay for more videos"
            + (summary.BalanceUsd is { } balance ? " (balance " + balance.ToString("0.00", CultureInfo.InvariantCulture) + " USD)" : string.Empty),
        VideoBatchStopReason.RateLimited => "the service kept answering 429 past the retries",
        VideoBatchStopReason.Unauthorized => "the service refused the API key (401)",
        VideoBatchStopReason.ServiceUnreachable => "the service could not be reached",
        _ => summary.StopReason.ToString(),
    };
}
