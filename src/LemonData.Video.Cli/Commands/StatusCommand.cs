using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Cli.Output;

namespace LemonData.Video.Cli.Commands;

/// <summary><c>status &lt;task-id&gt;</c>: read a task once and print it. Exits 0 whenever the task could be read.</summary>
internal static class StatusCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var taskId = new Argument<string>("task-id") { Description = "The task id." };
        var command = new Command("status", "Show a task's current state once (exit code 0 whatever the state; see the status field).");
        command.Add(taskId);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = new CommandRun(context, globals, parseResult);
            return run.ExecuteAsync(() => RunAsync(run, parseResult.GetValue(taskId)!, cancellationToken));
        });
        return command;
    }

    private static async Task<int> RunAsync(CommandRun run, string taskId, CancellationToken cancellationToken)
    {
        run.Track(taskId);
        await using var session = run.OpenSession();
        var task = await session.Client.GetVideoTaskAsync(taskId, cancellationToken).ConfigureAwait(false);
        run.Saw(task);
        TaskSummary.Status(run, task);
        return ExitCodes.Success;
    }
}
