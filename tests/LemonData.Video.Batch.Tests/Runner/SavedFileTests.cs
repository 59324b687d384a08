using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Batch.Tests.Support;
using LemonData.Video.Testing;

namespace LemonData.Video.Batch.Tests.Runner;

/// <summary>Downloaded means the file on disk is the one recorded: a later run saves again a file that is gone or changed.</summary>
public class SavedFileTests
{
    [Fact]
    public async Task A_missing_or_changed_file_is_downloaded_again_without_a_create_and_an_intact_one_is_left_alone()
    {
        using var folder = new TempFolder();
        await using var simulator = LemonDataSimulator.Start();
        var client = BatchClients.For(simulator);
        var jobs = TestJobs.Many(folder.Path, 3);
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        Assert.True((await new VideoBatchRunner(client, ledger).RunAsync(jobs)).IsComplete);

        File.Delete(jobs[0].OutputPath);
        var bytes = File.ReadAllBytes(jobs[1].OutputPath);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(jobs[1].OutputPath, bytes);
        var untouched = File.GetLastWriteTimeUtc(jobs[2].OutputPath);
        var requestsBefore = simulator.Requests.Count;

        var summary = await new VideoBatchRunner(client, ledger).RunAsync(jobs);

        Assert.True(summary.IsComplete, summary.ToString());
        Assert.Equal(0, summary.CreatesSent);
        var served = LemonDataSimulator.SampleVideo.ToArray();
        Assert.Equal(served, File.ReadAllBytes(jobs[0].OutputPath));
        Assert.Equal(served, File.ReadAllBytes(jobs[1].OutputPath));
        Assert.Equal(untouched, File.GetLastWriteTimeUtc(jobs[2].OutputPath));
        Assert.Equal(2, simulator.Requests.Skip(requestsBefore).Count(request => request.Path.StartsWith("/files/")));
    }

    [Fact]
    public async Task A_task_with_several_videos_saves_each_beside_the_first_and_records_them_all()
    {
        using var folder = new TempFolder();
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { OutputsPerTask = 3 });
        await using var ledger = await SqliteVideoJobLedger.OpenAsync(folder.LedgerPath);
        var jobs = TestJobs.Many(folder.Path, 1);

        await new VideoBatchRunner(BatchClients.For(simulator), ledger).RunAsync(jobs);

        var job = (await ledger.FindAsync(jobs[0].Key))!;
        var folderOfVideos = Path.GetDirectoryName(Path.GetFullPath(jobs[0].OutputPath))!;
        Assert.Equal(
            new[] { "job-0001.mp4", "job-0001-2.mp4", "job-0001-3.mp4" },
            job.Files.Select(file => Path.GetRelativePath(folderOfVideos, file.Path)));
        Assert.All(job.Files, file => Assert.Equal(LemonDataSimulator.SampleVideo.ToArray(), File.ReadAllBytes(file.Path)));
    }
}
