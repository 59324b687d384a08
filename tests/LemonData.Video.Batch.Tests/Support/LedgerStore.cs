using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace LemonData.Video.Batch.Tests.Support;

/// <summary>
/// Where one test's ledger lives (an SQLite file, a PostgreSQL schema), opened as many times as the test asks: each
/// instance opened is closed when the store is disposed, and the store's folder (for the videos) deleted.
/// </summary>
internal abstract class LedgerStore : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _open = new();

    internal TempFolder Folder { get; } = new();

    public string Path => Folder.Path;

    public async Task<IVideoJobLedger> OpenAsync()
    {
        var ledger = await OpenNewAsync();
        lock (_open)
        {
            _open.Add((IAsyncDisposable)ledger);
        }

        return ledger;
    }

    /// <summary>Closes one instance (as a process that ends does), so that the test can open the store again.</summary>
    public async Task CloseAsync(IVideoJobLedger ledger)
    {
        lock (_open)
        {
            _open.Remove((IAsyncDisposable)ledger);
        }

        await ((IAsyncDisposable)ledger).DisposeAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        IAsyncDisposable[] open;
        lock (_open)
        {
            open = _open.ToArray();
        }

        foreach (var ledger in open)
        {
            await ledger.DisposeAsync();
        }

        Folder.Dispose();
    }

    protected abstract Task<IVideoJobLedger> OpenNewAsync();
}

internal sealed class SqliteLedgerStore : LedgerStore
{
    protected override async Task<IVideoJobLedger> OpenNewAsync() => await SqliteVideoJobLedger.OpenAsync(Folder.LedgerPath);
}

internal sealed class PostgresLedgerStore : LedgerStore
{
    private readonly PostgresTestDatabase _database = PostgresTestDatabase.Create();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    protected override async Task<IVideoJobLedger> OpenNewAsync() => await _database.OpenAsync();
}
