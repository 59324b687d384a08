using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;

namespace LemonData.Video.Tests.Integration;

public sealed class ConcurrencyTests : IDisposable
{
    private const int Flows = 32;

    private readonly FakeLemonDataService _service = new();

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task One_client_runs_32_generations_at_once_and_each_gets_its_own_task()
    {
        // The create answer's id is derived from the prompt, and each task needs three polls to finish:
        // processing, processing, completed, with a video URL naming the task.
        _service.GivenDynamic("POST", "/v1/videos/generations", request =>
        {
            using var body = JsonDocument.Parse(request.Body!);
            var prompt = body.RootElement.GetProperty("prompt").GetString()!;
            var id = "ldtask_" + prompt.Substring(prompt.LastIndexOf(' ') + 1);
            return "{\"id\":\"" + id + "\",\"poll_url\":\"/v1/tasks/" + id + "\",\"status\":\"pending\"}";
        });
        var polls = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        _service.GivenDynamicWildcard("GET", "/v1/tasks/*", request =>
        {
            var id = request.Path.Substring("/v1/tasks/".Length);
            var count = polls.AddOrUpdate(id, 1, (_, previous) => previous + 1);
            return count < 3
                ? "{\"id\":\"" + id + "\",\"status\":\"processing\",\"progress\":" + (count * 30) + "}"
                : "{\"id\":\"" + id + "\",\"status\":\"completed\",\"progress\":100,\"video_url\":\"https://cdn.example/" + id + ".mp4\"}";
        });
        var client = _service.CreateClient();
        var progressById = new ConcurrentDictionary<int, ConcurrentQueue<string>>();

        var flows = Enumerable.Range(0, Flows).Select(n => Task.Run(() => client.GenerateVideoAsync(
            new VideoGenerationRequest { Prompt = "Flow number " + n },
            new SynchronousProgress<VideoTask>(state => progressById.GetOrAdd(n, _ => new ConcurrentQueue<string>()).Enqueue(state.Id))))).ToArray();
        var results = await Task.WhenAll(flows);

        for (var n = 0; n < Flows; n++)
        {
            var expectedId = "ldtask_" + n;
            Assert.Equal(expectedId, results[n].Id);
            Assert.Equal(VideoTaskStatus.Completed, results[n].Status);
            Assert.Equal("https://cdn.example/" + expectedId + ".mp4", results[n].VideoUrl);
            Assert.All(progressById[n], id => Assert.Equal(expectedId, id));
            Assert.Equal(4, progressById[n].Count);
            Assert.Equal(3, _service.RequestsTo("GET", "/v1/tasks/" + expectedId).Count);
        }

        Assert.Equal(Flows, _service.RequestsTo("POST", "/v1/videos/generations").Count);
        Assert.Equal(Flows, results.Select(task => task.Id).Distinct().Count());
    }
}
