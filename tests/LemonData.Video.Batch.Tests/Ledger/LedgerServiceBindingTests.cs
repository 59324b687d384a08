using System.Threading.Tasks;
using LemonData.Video.Batch.Tests.Support;

namespace LemonData.Video.Batch.Tests.Ledger;

/// <summary>The service a ledger was first run against is part of the file, so a batch is never continued elsewhere.</summary>
public class LedgerServiceBindingTests
{
    [Fact]
    public async Task The_first_service_is_recorded_and_kept_across_reopening()
    {
        using var folder = new TempFolder();
        await using (var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath))
        {
            await ledger.PlanAsync(TestJobs.Many(folder.Path, 2));
            Assert.Equal("simulator", await ledger.BindServiceAsync("simulator"));
            Assert.Equal("simulator", await ledger.BindServiceAsync("service"));
        }

        await using (var reopened = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath))
        {
            Assert.Equal("simulator", await reopened.BindServiceAsync("service"));
            Assert.Equal(2, (await reopened.CountAsync())[VideoJobState.Planned]);
        }
    }
}
