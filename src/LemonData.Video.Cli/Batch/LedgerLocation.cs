using System.IO;

namespace LemonData.Video.Cli.Batch;

/// <summary>Where a batch's ledger is: <c>--ledger</c>, else <c>.lemondata-batch.db</c> in <c>--out-dir</c> (the contract's default).</summary>
internal static class LedgerLocation
{
    public const string DefaultFileName = ".lemondata-batch.db";

    public static string Resolve(CliContext context, string? outDir, string? ledger)
    {
        if (ledger is not null)
        {
            return Path.GetFullPath(Path.Combine(context.WorkingDirectory, ledger));
        }

        return Path.Combine(Path.GetFullPath(Path.Combine(context.WorkingDirectory, outDir ?? ".")), DefaultFileName);
    }
}
