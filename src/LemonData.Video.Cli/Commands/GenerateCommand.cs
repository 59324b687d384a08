using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Cli.Input;
using LemonData.Video.Cli.Output;

namespace LemonData.Video.Cli.Commands;

/// <summary><c>generate</c>: submit a video, wait for it with progress, save it with <c>--out</c>.</summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var request = new RequestOptions();
        var wait = new WaitOptions();
        var models = new ModelsFileOption();
        var command = new Command("generate", "Generate a video: submit it, show progress until it is done, save it with --out.");
        request.AddTo(command);
        wait.AddTo(command);
        models.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = new CommandRun(context, globals, parseResult);
            return run.ExecuteAsync(() => RunAsync(run, parseResult, request, wait, models, cancellationToken));
        });
        return command;
    }

    private static async Task<int> RunAsync(CommandRun run, ParseResult parseResult, RequestOptions requestOptions, WaitOptions waitOptions, ModelsFileOption modelsFile, CancellationToken cancellationToken)
    {
        // Everything that can be checked here is checked before a paid task exists.
        var request = requestOptions.BuildRequest(parseResult);
        run.OutPath = parseResult.GetValue(waitOptions.Out);
        var outFullPath = run.OutPath is null ? null : OutputFile.Check(run.OutPath);
        run.WaitTimeout = waitOptions.WaitTimeoutFrom(parseResult);
        var models = modelsFile.Resolve(parseResult, run.Context);
        await RequestPreflight.ThrowIfInvalidAsync(request, models.Catalog, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        // The client checks the request again, after asking the service about a model without lists, and sends it once.
        await using var session = run.OpenSession(waitOptions.PollIntervalFrom(parseResult), run.WaitTimeout, models.Catalog);

        // The SDK validates the request again and sends it exactly once.
        run.Submitting = true;
        var created = await session.Client.CreateVideoAsync(request, cancellationToken).ConfigureAwait(false);
        run.Submitting = false;
        run.Saw(created);
        TaskSummary.Notice(run.Notices, "Submitted task " + created.Id + " (model " + (created.Model ?? request.Model ?? VideoModels.Default) + ").");

        return await VideoJob.WaitAndSaveAsync(
            run,
            session,
            progress =>
            {
                progress.Report(created);
                return session.Client.WaitForCompletionAsync(created, progress, cancellationToken);
            },
            outFullPath,
            cancellationToken).ConfigureAwait(false);
    }
}
