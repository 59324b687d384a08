using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Batch;
using LemonData.Video.Cli.Batch;
using LemonData.Video.Cli.Input;

namespace LemonData.Video.Cli.Commands;

/// <summary>
/// <c>batch run &lt;jobs.jsonl&gt; --out-dir &lt;dir&gt;</c>: checks every line, then runs the batch on its ledger. The same
/// command again resumes it: finished jobs are left alone, and nothing is ever created twice.
/// </summary>
internal static class BatchRunCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var jobsFile = new Argument<string>("jobs.jsonl")
        {
            Description = "One job per line: the request in its wire names (model, prompt, duration, ...), plus optional \"id\" (the job key; "
                + "default: a hash of the request) and \"out\" (a file name inside --out-dir; default <id>.mp4).",
        };
        var outDir = new Option<string>("--out-dir") { Description = "The folder the videos are saved to (created if needed).", HelpName = "dir", Required = true };
        var ledger = new LedgerOptions("The ledger file (default: <out-dir>/" + LedgerLocation.DefaultFileName + ").", "when --ledger is not given");
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "At most this many tasks in flight on the service.",
            HelpName = "n",
            DefaultValueFactory = _ => new VideoBatchOptions().MaxConcurrentTasks,
        };
        var maxJobs = new Option<int?>("--max-jobs") { Description = "Create at most this many jobs in this run; the rest wait for the next run (exit code 4).", HelpName = "n" };
        var resubmitUnknown = new Option<bool>("--resubmit-unknown")
        {
            Description = "Send again the jobs whose create's outcome is unknown (OutcomeUnknown). Each may then be paid twice: check the account's tasks first.",
        };
        var retryRefused = new Option<bool>("--retry-refused") { Description = "Send again the jobs the service refused (Refused), after fixing what it refused them for." };
        var skipInvalid = new Option<bool>("--skip-invalid")
        {
            Description = "Leave out the lines of jobs.jsonl that cannot be run (each listed with its problem) and run the others; without it, one bad line stops the batch before anything is sent.",
        };
        var wait = new WaitOptions();
        var models = new ModelsFileOption();

        var command = new Command("run", "Run the jobs of a jobs.jsonl file; run the same command again to resume.");
        command.Add(jobsFile);
        command.Add(outDir);
        ledger.AddTo(command);
        var lease = new Option<double?>("--lease")
        {
            Description = "With a shared ledger: how long a worker's hold on its tasks outlives it, in seconds (default 30). A worker that dies "
                + "(killed, a machine lost) has its tasks taken over by the others this long after its last sign of life.",
            HelpName = "seconds",
        };
        command.Add(lease);
        command.Add(concurrency);
        command.Add(maxJobs);
        command.Add(resubmitUnknown);
        command.Add(retryRefused);
        command.Add(skipInvalid);
        command.Add(wait.PollInterval);
        models.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = new CommandRun(context, globals, parseResult);
            var arguments = new BatchRunArguments(
                parseResult.GetValue(jobsFile)!,
                parseResult.GetValue(outDir)!,
                parseResult.GetValue(ledger.File),
                parseResult.GetValue(ledger.Connection),
                parseResult.GetValue(lease),
                parseResult.GetValue(ledger.Schema),
                parseResult.GetValue(concurrency),
                parseResult.GetValue(maxJobs),
                parseResult.GetValue(resubmitUnknown),
                parseResult.GetValue(retryRefused),
                parseResult.GetValue(skipInvalid),
                wait.PollIntervalFrom(parseResult));
            return run.ExecuteAsync(() => RunAsync(run, arguments, () => models.Resolve(parseResult, context), cancellationToken));
        });
        return command;
    }

    private static async Task<int> RunAsync(CommandRun run, BatchRunArguments arguments, Func<ModelCatalogChoice> resolveModels, CancellationToken cancellationToken)
    {
        var models = resolveModels();
        var options = arguments.ToOptions();
        var context = run.Context;
        var outDir = Path.GetFullPath(Path.Combine(context.WorkingDirectory, arguments.OutDir));
        var jobsPath = Path.GetFullPath(Path.Combine(context.WorkingDirectory, arguments.JobsFile));

        // Every line is checked before the ledger, the simulator or a connection is opened: a bad file costs nothing.
        var jobsFile = JobsFile.Check(jobsPath, outDir, models.Catalog, arguments.SkipInvalid);
        BatchRunReport.Skipped(run, jobsFile);
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(outDir);

        await using var ledger = await BatchLedger.OpenAsync(context, arguments.OutDir, arguments.Ledger, arguments.LedgerConnection, mustExist: false, useEnvironment: true, arguments.LeaseDuration(), arguments.LedgerSchema, cancellationToken).ConfigureAwait(false);
        await using var session = run.OpenSession(arguments.PollInterval, waitTimeout: null, models.Catalog);
        await LedgerService.RequireSameAsync(ledger, session.IsBuiltInSimulator, cancellationToken).ConfigureAwait(false);

        var runner = new VideoBatchRunner(session.Client, ledger.Ledger, options);
        VideoBatchSummary summary;
        var progress = BatchProgressFactory.Create(run);
        var changes = new ChangeWatch(progress);
        try
        {
            summary = await runner.RunAsync(jobsFile.Jobs(), changes, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            (progress as IDisposable)?.Dispose();
            return BatchRunReport.Interrupted(run, ledger);
        }
        catch (VideoJobLedgerException failure) when (changes.Seen && failure is not VideoJobLedgerLockedException)
        {
            // The ledger failed under a run that had already moved jobs: what it recorded stands, and the next run resumes.
            (progress as IDisposable)?.Dispose();
            return BatchRunReport.LedgerFailed(run, ledger, failure);
        }

        (progress as IDisposable)?.Dispose();
        var exitCode = BatchExitCode.From(summary);
        BatchRunReport.Finished(run, summary, ledger, exitCode, jobsFile.SkippedLines);
        return exitCode;
    }
}
