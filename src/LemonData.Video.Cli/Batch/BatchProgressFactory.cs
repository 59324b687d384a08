using System;
using LemonData.Video.Batch;
using LemonData.Video.Cli.Commands;

namespace LemonData.Video.Cli.Batch;

/// <summary>Which progress a batch run shows: JSON lines under <c>--json</c>, the live line on a terminal, plain lines elsewhere.</summary>
internal static class BatchProgressFactory
{
    public static IProgress<VideoBatchProgress> Create(CommandRun run)
    {
        if (run.Json)
        {
            return new JsonBatchProgress(run.Context.Stderr);
        }

        return run.NoticesIsTerminal ? new LiveBatchProgress(run.Notices) : new PlainBatchProgress(run.Notices);
    }
}
