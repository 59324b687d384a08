using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;
using LemonData.Video.Batch.Tests.Support;
using LemonData.Video.Testing;
using Microsoft.Data.Sqlite;

namespace LemonData.Video.Batch.Tests.Ledger;

/// <summary>One run at a time on an SQLite ledger; a claim left by a dead process is taken over.</summary>
public class RunClaimTests
{
    [Fact]
    public async Task A_second_claim_is_refused_at_once_naming_the_holders_pid_host_and_start_time()
    {
        using var folder = new TempFolder();
        await using var first = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        await using var second = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        var claim = await first.ClaimAsync();

        var clock = Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<VideoJobLedgerLockedException>(() => second.ClaimAsync());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "refused at once, not after a lock timeout");

        Assert.Equal(Environment.ProcessId, refused.Holder.ProcessId);
        Assert.Equal(Environment.MachineName, refused.Holder.Host);
        Assert.Contains(folder.LedgerPath, refused.Message);
        Assert.Contains("process " + Environment.ProcessId, refused.Message);
        Assert.Contains(Environment.MachineName, refused.Message);
        Assert.Contains(refused.Holder.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), refused.Message);

        // Released, the ledger is free again.
        await claim.DisposeAsync();
        Assert.Null(await second.ReadHolderAsync());
        await using var next = await second.ClaimAsync();
    }

    [Fact]
    public async Task A_second_runner_on_the_same_file_refuses_before_sending_anything()
    {
        using var folder = new TempFolder();
        await using var simulator = LemonDataSimulator.Start();
        await using var first = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        await using var claim = await first.ClaimAsync();

        await using var second = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        var runner = new VideoBatchRunner(BatchClients.For(simulator), second);
        await Assert.ThrowsAsync<VideoJobLedgerLockedException>(() => runner.RunAsync(TestJobs.Many(folder.Path, 3)));

        Assert.Equal(0, simulator.CreatesReceived);
        Assert.Empty(await LedgerContents.AllAsync(second));
    }

    [Fact]
    public async Task A_claim_left_by_a_process_that_has_exited_is_taken_over()
    {
        using var folder = new TempFolder();
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        WriteClaim(folder.LedgerPath, DeadProcessId(), Environment.MachineName, processStartedAt: null);
        Assert.NotNull(await ledger.ReadHolderAsync());

        await using var claim = await ledger.ClaimAsync();
        Assert.Equal(Environment.ProcessId, (await ledger.ReadHolderAsync())!.ProcessId);
    }

    [Fact]
    public async Task A_claim_whose_process_id_now_belongs_to_another_process_is_taken_over()
    {
        using var folder = new TempFolder();
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);

        // Our own id, but a start time that is not ours: the holder died and its id was given to this process.
        WriteClaim(folder.LedgerPath, Environment.ProcessId, Environment.MachineName, DateTimeOffset.UtcNow.AddDays(-3));

        await using var claim = await ledger.ClaimAsync();
    }

    [Fact]
    public async Task A_claim_from_another_host_is_never_judged_from_here()
    {
        using var folder = new TempFolder();
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        WriteClaim(folder.LedgerPath, DeadProcessId(), "another-host-" + Guid.NewGuid().ToString("N"), processStartedAt: null);

        var refused = await Assert.ThrowsAsync<VideoJobLedgerLockedException>(() => ledger.ClaimAsync());
        Assert.StartsWith("another-host-", refused.Holder.Host);
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }

    private static void WriteClaim(string path, int processId, string host, DateTimeOffset? processStartedAt)
    {
        using var connection = new SqliteConnection("Data Source=" + path + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR REPLACE INTO run_claim (id, claim_id, process_id, host, process_started_at, started_at)
            VALUES (1, 'left-behind', $pid, $host, $processStartedAt, $startedAt);
            """;
        command.Parameters.AddWithValue("$pid", processId);
        command.Parameters.AddWithValue("$host", host);
        command.Parameters.AddWithValue("$processStartedAt", (object?)processStartedAt?.ToString("O", CultureInfo.InvariantCulture) ?? DBNull.Value);
        command.Parameters.AddWithValue("$startedAt", DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O", CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }
}
