using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;

namespace LemonData.Video.Tests.Samples;

[Collection(EnvironmentVariables.Collection)]
public sealed class ReadmeTests
{
    [Fact]
    public void The_readme_quick_start_is_the_compiled_sample()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var sample = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "LemonData.Video.Tests", "Samples", "QuickStart.cs"));

        Assert.Contains(Normalize(Region(sample)), Normalize(readme));
    }

    [Fact]
    public async Task The_quick_start_generates_and_downloads_a_video()
    {
        using var service = new FakeLemonDataService();
        service.GivenCreate("""{"id":"ldtask_q","poll_url":"/v1/tasks/ldtask_q","status":"pending"}""");
        service.GivenSequence("/v1/tasks/ldtask_q", """{"id":"ldtask_q","status":"completed","video_url":"URL"}""".Replace("URL", service.Url("/cdn/q.mp4")));
        service.Given("GET", "/cdn/q.mp4", 200, "video-bytes");
        var output = Path.Combine(Path.GetTempPath(), "quickstart-" + Guid.NewGuid().ToString("N") + ".mp4");
        using var key = EnvironmentVariables.Set("LEMONDATA_API_KEY", FakeLemonDataService.ApiKey);
        try
        {
            await QuickStart.RunAsync(new LemonDataVideoClientOptions { Endpoint = service.Endpoint, PollInterval = TimeSpan.FromMilliseconds(5) }, output);

            Assert.Equal("video-bytes", File.ReadAllText(output));
            Assert.Single(service.RequestsTo("POST", "/v1/videos/generations"));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void The_readme_watch_sample_is_the_compiled_sample()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var sample = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "LemonData.Video.Tests", "Samples", "WatchAndSaveEverySample.cs"));

        Assert.Contains(Normalize(Region(sample, "watch")), Normalize(readme));
    }

    [Fact]
    public async Task The_watch_sample_follows_the_task_and_saves_every_video()
    {
        using var service = new FakeLemonDataService();
        service.GivenSequence(
            "/v1/tasks/ldtask_w",
            """{"id":"ldtask_w","status":"processing","progress":50}""",
            """{"id":"ldtask_w","status":"completed","billing_transaction_id":"btx_1","videos":[{"url":"URL1"},{"url":"URL2"}]}""".Replace("URL1", service.Url("/cdn/w1.mp4")).Replace("URL2", service.Url("/cdn/w2.mp4")));
        service.Given("GET", "/cdn/w1.mp4", 200, "first");
        service.Given("GET", "/cdn/w2.mp4", 200, "second");
        var folder = Directory.CreateTempSubdirectory("watch-sample-").FullName;
        try
        {
            await WatchAndSaveEverySample.RunAsync(service.CreateClient(), new VideoTask("ldtask_w", VideoTaskStatus.Pending), folder);

            Assert.Equal("first", File.ReadAllText(Path.Combine(folder, "video-1.mp4")));
            Assert.Equal("second", File.ReadAllText(Path.Combine(folder, "video-2.mp4")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Generated.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Generated.sln not found above " + AppContext.BaseDirectory);
    }

    private static string Region(string source, string name = "quick-start")
    {
        var start = source.IndexOf("// region: " + name, StringComparison.Ordinal);
        var end = source.IndexOf("// endregion", StringComparison.Ordinal);
        return source.Substring(start, end - start).Split('\n', 2)[1];
    }

    // Indentation differs between the sample (inside a method) and the README.
    private static string Normalize(string text) =>
        string.Join("\n", text.Replace("\r", string.Empty).Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));
}
