using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Cli.Output;

namespace LemonData.Video.Cli.Commands;

/// <summary>
/// <c>models sync</c>: writes <c>lemondata-models.json</c> from the service (the simulator without a key): its list of
/// video models, and for each the detail with its durations, resolutions, aspect ratios and supported parameters. The
/// file is sorted and stable, so committing it makes each week's changes a small diff; the analyzer and the client
/// then check requests by it.
/// </summary>
internal static class ModelsSyncCommand
{
    // A few details at a time: quick for 80+ models, and gentle on the service's rate limit.
    private const int ParallelDetails = 4;

    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var outOption = new Option<string?>("--out", "-o")
        {
            Description = "Where to write the file (default: " + VideoModelCatalog.DefaultFileName + " in the current folder). It is replaced whole.",
            HelpName = "file",
        };
        var command = new Command("sync", "Write " + VideoModelCatalog.DefaultFileName + " from the service's model contracts (GET /v1/models and /v1/models/{model}).");
        command.Add(outOption);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = new CommandRun(context, globals, parseResult);
            var path = Path.GetFullPath(Path.Combine(context.WorkingDirectory, parseResult.GetValue(outOption) ?? VideoModelCatalog.DefaultFileName));
            return run.ExecuteAsync(() => SyncAsync(run, path, cancellationToken));
        });
        return command;
    }

    private static async Task<int> SyncAsync(CommandRun run, string path, CancellationToken cancellationToken)
    {
        await using var session = run.OpenSession();
        var client = session.Client;
        var listed = await client.ListVideoModelsAsync(cancellationToken).ConfigureAwait(false);
        var details = await ReadDetailsAsync(client, listed, cancellationToken).ConfigureAwait(false);

        var source = session.IsBuiltInSimulator ? "simulator" : session.Endpoint.ToString().TrimEnd('/');
        WriteAtomically(path, details, source);

        var withLists = 0;
        foreach (var model in details)
        {
            withLists += model.HasContractLists ? 1 : 0;
        }

        if (run.Json)
        {
            var output = JsonOutput.Begin(ExitCodes.Success);
            output.Writer.WriteString("file", path);
            output.Writer.WriteString("source", source);
            output.Writer.WriteNumber("models", details.Count);
            output.Writer.WriteNumber("modelsWithLists", withLists);
            output.WriteTo(run.Context.Stdout);
        }
        else
        {
            run.Context.Stdout.WriteLine(
                "Wrote " + path + ": " + details.Count.ToString(CultureInfo.InvariantCulture) + " models from " + source + ", "
                + withLists.ToString(CultureInfo.InvariantCulture) + " with their lists. Commit it beside your project: the analyzer and the client check requests by it.");
            run.Context.Stdout.Flush();
        }

        return ExitCodes.Success;
    }

    // The detail of each listed model; a model whose detail is gone (404 between the list and the detail) is kept as listed.
    private static async Task<List<VideoModelInfo>> ReadDetailsAsync(LemonDataVideoClient client, IReadOnlyList<VideoModelInfo> listed, CancellationToken cancellationToken)
    {
        var details = new VideoModelInfo[listed.Count];
        using var gate = new SemaphoreSlim(ParallelDetails);
        var reads = new List<Task>(listed.Count);
        for (var i = 0; i < listed.Count; i++)
        {
            var index = i;
            reads.Add(Task.Run(
                async () =>
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        details[index] = await client.GetVideoModelAsync(listed[index].Id, cancellationToken).ConfigureAwait(false);
                    }
                    catch (LemonDataApiException exception) when (exception.StatusCode == 404)
                    {
                        details[index] = listed[index];
                    }
                    finally
                    {
                        gate.Release();
                    }
                },
                cancellationToken));
        }

        await Task.WhenAll(reads).ConfigureAwait(false);
        return new List<VideoModelInfo>(details);
    }

    // Written beside, then moved over: a sync cut short never leaves half a file for the analyzer to report.
    private static void WriteAtomically(string path, IReadOnlyList<VideoModelInfo> models, string source)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                VideoModelCatalog.WriteFile(stream, models, source, DateTimeOffset.UtcNow);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
