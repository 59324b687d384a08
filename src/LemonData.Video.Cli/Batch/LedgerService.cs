using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Batch;

namespace LemonData.Video.Cli.Batch;

/// <summary>
/// Keeps a batch on the service it was started on. The built-in simulator's tasks and videos are not real, and its task
/// ids mean nothing to the service (nor the service's to a simulator), so a ledger started one way is never continued
/// the other: the run stops before anything is sent and says how to go on.
/// </summary>
internal static class LedgerService
{
    public const string Simulator = "simulator";
    public const string Service = "service";

    /// <exception cref="InvalidInputException">The ledger was started against the other one.</exception>
    public static async Task RequireSameAsync(BatchLedger ledger, bool builtInSimulator, CancellationToken cancellationToken)
    {
        var now = builtInSimulator ? Simulator : Service;
        var recorded = await ledger.Ledger.BindServiceAsync(now, cancellationToken).ConfigureAwait(false);
        if (recorded == now)
        {
            return;
        }

        throw new InvalidInputException(recorded == Simulator
            ? "The batch ledger '" + ledger.Description + "' was run against the offline simulator: its tasks and videos are simulated, and its task ids mean nothing "
              + "to the LemonData service. This run has LEMONDATA_API_KEY and would use the service, so nothing was sent. For the real batch use another "
              + "--out-dir or --ledger; to go on with the simulated one, add --simulate."
            : "The batch ledger '" + ledger.Description + "' was run against the LemonData service, but this run would use the offline simulator "
              + "(LEMONDATA_API_KEY is not set, or --simulate was given), whose task ids mean nothing to the service. Nothing was sent. Set LEMONDATA_API_KEY (without --simulate) to resume this batch.");
    }
}
