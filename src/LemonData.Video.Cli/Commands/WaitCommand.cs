using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Cli.Output;

namespace LemonData.Video.Cli.Commands;

/// <summary><c>wait &lt;task-id&gt;</c>: pick up a task again (after Ctrl+C, a timeout or a crash), wait for it, save it with <c>--out</c>.</summary>
internal static class WaitCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var taskId = new Argument<string>("task-id") { Description = "The id printed by generate (for example video_abc123 or ldtask_...)." };
        var wait = new WaitOptions();
        var command = new Command("wait", "Resume a task: wait for it with progress (after Ctrl+C, a timeout or a crash) and save it with --out.");
        command.Add(taskId);
        wait.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = new CommandRun(context, globals, parseResult);
            return run.ExecuteAsync(() => RunAsync(run, parseResult.GetValue(taskId)!, parseResult, wait, cancellationToken));
        });
        return command;
    }

    private static async Task<int> RunAsync(CommandRun run, string taskId, ParseResult parseResult, WaitOptions waitOptions, CancellationToken cancellationToken)
    {
        run.Track(taskId);
        run.OutPath = parseResult.GetValue(waitOptions.Out);
        var outFullPath = run.OutPath is null ? null : OutputFile.Check(run.OutPath);
        run.WaitTimeout = waitOptions.WaitTimeoutFrom(parseResult);
        cancellationToken.ThrowIfCancellationRequested();

        await using var session = run.OpenSession(waitOptions.PollIntervalFrom(parseResult), run.WaitTimeout);
        TaskSummary.Notice(run.Notices, "Waiting for task " + taskId + ".");
        return await VideoJob.WaitAndSaveAsync(
            run,
            session,
            progress => session.Client.WaitForCompletionAsync(taskId, progress, cancellationToken),
            outFullPath,
            cancellationToken).ConfigureAwait(false);
    }
}
