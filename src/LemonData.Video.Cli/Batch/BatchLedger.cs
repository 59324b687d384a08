using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Batch;

namespace LemonData.Video.Cli.Batch;

/// <summary>
/// The ledger a <c>batch</c> command works on: a SQLite file (<c>--ledger</c>, else <c>&lt;out-dir&gt;/.lemondata-batch.db</c>)
/// or a PostgreSQL database shared by many workers (<c>--ledger-connection</c>, else <c>LEMONDATA_BATCH_LEDGER</c>), with the
/// words that name it in messages (a file's path; a database's host, database and schema, never its password).
/// </summary>
internal sealed class BatchLedger : IAsyncDisposable
{
    /// <summary>The variable that holds a shared ledger's connection string when <c>--ledger-connection</c> is not given.</summary>
    public const string ConnectionVariable = "LEMONDATA_BATCH_LEDGER";

    private BatchLedger(IVideoJobLedger ledger, string description, string statusArguments, bool isShared)
    {
        Ledger = ledger;
        Description = description;
        StatusArguments = statusArguments;
        IsShared = isShared;
    }

    public IVideoJobLedger Ledger { get; }

    /// <summary>Where it is, for messages: the file's path, or "PostgreSQL ledger on host ... schema ...".</summary>
    public string Description { get; }

    /// <summary>What to give <c>batch status</c> to read the same ledger (a shared one's connection is not repeated: it may hold a password).</summary>
    public string StatusArguments { get; }

    /// <summary>A PostgreSQL ledger that other workers may be running at the same time.</summary>
    public bool IsShared { get; }

    /// <summary>Opens the ledger the command line and the environment choose.</summary>
    /// <param name="mustExist">For reading only (<c>batch status</c>): a missing SQLite file is an error, not a new ledger.</param>
    /// <param name="useEnvironment">Whether <c>LEMONDATA_BATCH_LEDGER</c> may stand in for <c>--ledger-connection</c>.</param>
    /// <param name="lease">A shared ledger's lease (<c>--lease</c>); null for the default. Refused with a file ledger, which has no other workers.</param>
    /// <param name="schema">A shared ledger's schema (<c>--ledger-schema</c>: one batch per schema); null for the default.</param>
    /// <exception cref="InvalidInputException">Both a file and a connection were given, or the file does not exist when it must.</exception>
    /// <exception cref="VideoJobLedgerException">The ledger cannot be opened (the message says why and names it).</exception>
    public static async Task<BatchLedger> OpenAsync(CliContext context, string? outDir, string? ledgerFile, string? connectionFlag, bool mustExist, bool useEnvironment, TimeSpan? lease, string? schema, CancellationToken cancellationToken)
    {
        if (ledgerFile is not null && connectionFlag is not null)
        {
            throw new InvalidInputException("Give --ledger (a SQLite file) or --ledger-connection (a PostgreSQL database), not both.");
        }

        // The variable stands in for --ledger-connection, unless a file ledger is asked for on the command line.
        var connection = connectionFlag ?? (useEnvironment && ledgerFile is null && context.Get(ConnectionVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null);
        if (connection is not null)
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new InvalidInputException("--ledger-connection is empty: give a PostgreSQL connection string, for example \"Host=db;Database=videos;Username=batch\".");
            }

            var options = new PostgresVideoJobLedgerOptions();
            if (lease is { } duration)
            {
                options.LeaseDuration = duration;
            }

            if (schema is not null)
            {
                try
                {
                    options.Schema = schema;
                }
                catch (ArgumentException invalid)
                {
                    throw new InvalidInputException("--ledger-schema '" + schema + "' cannot name a schema: " + invalid.Message);
                }
            }

            var shared = await PostgresVideoJobLedger.OpenAsync(connection, options, cancellationToken).ConfigureAwait(false);
            var from = (connectionFlag is null ? "--ledger-connection \"$" + ConnectionVariable + "\"" : "--ledger-connection <the same connection string>")
                + (schema is null ? string.Empty : " --ledger-schema " + schema);
            return new BatchLedger(shared, shared.ToString(), from, isShared: true);
        }

        if (lease is not null || schema is not null)
        {
            throw new InvalidInputException((lease is not null ? "--lease" : "--ledger-schema") + " applies to a shared ledger (--ledger-connection or " + ConnectionVariable + "); a ledger file has one run at a time.");
        }

        var path = LedgerLocation.Resolve(context, outDir, ledgerFile);

        // Opening a ledger creates one where there is none; a status must not leave an empty ledger behind a typo.
        if (mustExist && !File.Exists(path))
        {
            throw new InvalidInputException("There is no batch ledger at '" + path + "'. Give the --out-dir of a batch run, or its --ledger (or --ledger-connection for a shared one).");
        }

        var file = await SqliteVideoJobLedger.OpenAsync(path, cancellationToken).ConfigureAwait(false);
        return new BatchLedger(file, file.Path, "--ledger " + file.Path, isShared: false);
    }

    // Both ledgers the command opens are disposable; the interface does not say so, since a caller's own ledger may not be.
    public ValueTask DisposeAsync() => ((IAsyncDisposable)Ledger).DisposeAsync();
}
