using System.CommandLine;
using LemonData.Video.Cli.Batch;

namespace LemonData.Video.Cli.Commands;

/// <summary>Where a batch's ledger is, for <c>batch run</c> and <c>batch status</c>: a file, or a shared PostgreSQL database and its schema.</summary>
internal sealed class LedgerOptions
{
    /// <param name="fileDescription">What <c>--ledger</c> means for the command (its default differs).</param>
    /// <param name="connectionDefault">When <c>LEMONDATA_BATCH_LEDGER</c> stands in for <c>--ledger-connection</c>.</param>
    public LedgerOptions(string fileDescription, string connectionDefault)
    {
        File = new Option<string?>("--ledger") { Description = fileDescription, HelpName = "file" };
        Connection = new Option<string?>("--ledger-connection")
        {
            Description = "A PostgreSQL connection string: the ledger is shared, and every batch run given it (same jobs file) works on the batch as one more worker. "
                + "Default: " + BatchLedger.ConnectionVariable + ", " + connectionDefault + ".",
            HelpName = "postgres",
        };
    }

    public Option<string?> File { get; }

    public Option<string?> Connection { get; }

    public Option<string?> Schema { get; } = new("--ledger-schema")
    {
        Description = "With a shared ledger: the PostgreSQL schema that holds this batch (default lemondata_batch); one batch per schema.",
        HelpName = "name",
    };

    public void AddTo(Command command)
    {
        command.Add(File);
        command.Add(Connection);
        command.Add(Schema);
    }
}
