using System;
using System.Text.RegularExpressions;

namespace LemonData.Video.Batch;

/// <summary>Where in the database a <see cref="PostgresVideoJobLedger"/> keeps its tables, and how long a worker's lease lasts.</summary>
public sealed class PostgresVideoJobLedgerOptions
{
    private static readonly Regex PlainIdentifier = new("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant);

    private string _schema = "lemondata_batch";
    private TimeSpan _leaseDuration = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The PostgreSQL schema that holds the ledger's tables (default <c>lemondata_batch</c>), created when missing: one
    /// batch per schema. Lowercase letters, digits and underscores, starting with a letter or an underscore.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not a plain lowercase identifier.</exception>
    public string Schema
    {
        get => _schema;
        set => _schema = value is not null && PlainIdentifier.IsMatch(value)
            ? value
            : throw new ArgumentException("The schema must be a plain lowercase identifier (letters, digits, underscores; at most 63 characters): '" + value + "'.", nameof(Schema));
    }

    /// <summary>
    /// How long a worker holds its jobs without renewing its lease (default 30 s); it renews every third of that while it
    /// runs. Once a worker's lease has expired, its Submitting jobs become OutcomeUnknown and its tasks are taken over by
    /// the other workers. Shorter: a dead worker's tasks are taken over sooner; too short for the database's pauses, a
    /// live but slow worker may be judged dead.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is under 100 ms.</exception>
    public TimeSpan LeaseDuration
    {
        get => _leaseDuration;
        set => _leaseDuration = value >= TimeSpan.FromMilliseconds(100)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(LeaseDuration), value, "LeaseDuration must be at least 100 ms.");
    }
}
