using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Cli.Output;

namespace LemonData.Video.Cli.Commands;

/// <summary><c>download &lt;task-id&gt; --out &lt;file&gt;</c>: save the video of a completed task, without waiting.</summary>
internal static class DownloadCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var taskId = new Argument<string>("task-id") { Description = "The id of a completed task." };
        var wait = new WaitOptions(outRequired: true);
        var command = new Command("download", "Save the video of a completed task (a task still running exits 4: use wait --out).");
        command.Add(taskId);
        command.Add(wait.Out);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = new CommandRun(context, globals, parseResult);
            return run.ExecuteAsync(() => RunAsync(run, parseResult.GetValue(taskId)!, parseResult.GetValue(wait.Out)!, cancellationToken));
        });
        return command;
    }

    private static async Task<int> RunAsync(CommandRun run, string taskId, string outPath, CancellationToken cancellationToken)
    {
        run.Track(taskId);
        run.OutPath = outPath;
        var outFullPath = OutputFile.Check(outPath);
        cancellationToken.ThrowIfCancellationRequested();

        await using var session = run.OpenSession();
        var task = await session.Client.GetVideoTaskAsync(taskId, cancellationToken).ConfigureAwait(false);
        run.Saw(task);
        if (task.Status == VideoTaskStatus.Failed)
        {
            throw new VideoGenerationFailedException(task);
        }

        if (task.Status != VideoTaskStatus.Completed)
        {
            return NotFinished(run, task);
        }

        return await VideoJob.WaitAndSaveAsync(run, session, _ => Task.FromResult(task), outFullPath, cancellationToken).ConfigureAwait(false);
    }

    private static int NotFinished(CommandRun run, VideoTask task)
    {
        var message = "task " + task.Id + " is " + TaskText.StatusWithProgress(task) + ": it has no video yet.";
        run.Context.Stderr.WriteLine("error: " + message);
        run.Context.Stderr.WriteLine("Wait for it and save it with:");
        run.Context.Stderr.WriteLine("  " + run.ResumeCommand);
        run.Context.Stderr.Flush();
        if (run.Json)
        {
            JsonOutput.Begin(ExitCodes.NotFinished)
                .Task(task)
                .Simulated(run.BuiltInSimulator)
                .Error("not_finished", message)
                .Resume(run.ResumeCommand)
                .WriteTo(run.Context.Stdout);
        }

        return ExitCodes.NotFinished;
    }
}
