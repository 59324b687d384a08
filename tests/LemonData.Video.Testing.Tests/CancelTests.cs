using System.Net.Http;
using System.Threading.Tasks;
using LemonData.Video;
using LemonData.Video.Testing.Tests.Support;

namespace LemonData.Video.Testing.Tests;

/// <summary>DELETE /v1/tasks/{id}: only queued tasks of Seedance models, generation C only.</summary>
public class CancelTests
{
    [Fact]
    public async Task A_queued_seedance_task_is_cancelled_and_reads_failed_with_cancelled()
    {
        await using var simulator = LemonDataSimulator.Start();
        var client = Clients.For(simulator);
        var created = await client.CreateVideoAsync(Clients.Request(VideoModels.Seedance15Pro));

        var cancelled = await client.CancelVideoTaskAsync(created.Id);

        Assert.Equal(VideoTaskStatus.Failed, cancelled.Status);
        Assert.True(cancelled.IsCancelled);
        var failure = await Assert.ThrowsAsync<VideoGenerationFailedException>(() => client.WaitForCompletionAsync(created.Id));
        Assert.True(failure.Task.IsCancelled);

        // A second DELETE (say, a retry whose first answer was lost) answers the same.
        Assert.True((await client.CancelVideoTaskAsync(created.Id)).IsCancelled);
        var body = Raw.Parse(await Raw.GetStringAsync(simulator, "/v1/tasks/" + created.Id));
        Assert.True(body.GetProperty("cancelled").GetBoolean());
        Assert.Equal("cancelled", body.GetProperty("cancellation_status").GetString());
    }

    [Fact]
    public async Task A_task_of_another_family_cannot_be_cancelled()
    {
        await using var simulator = LemonDataSimulator.Start();
        var client = Clients.For(simulator);
        var created = await client.CreateVideoAsync(Clients.Request(VideoModels.Sora2));

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CancelVideoTaskAsync(created.Id));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("unsupported_task_cancel", error.ErrorCode);
        Assert.Equal(VideoTaskStatus.Completed, (await client.WaitForCompletionAsync(created.Id)).Status);
    }

    [Fact]
    public async Task A_seedance_task_that_left_the_queue_cannot_be_cancelled()
    {
        await using var simulator = LemonDataSimulator.Start();
        var client = Clients.For(simulator);
        var created = await client.CreateVideoAsync(Clients.Request(VideoModels.Seedance20));
        Assert.Equal(VideoTaskStatus.Pending, (await client.GetVideoTaskAsync(created.Id)).Status);
        Assert.Equal(VideoTaskStatus.Processing, (await client.GetVideoTaskAsync(created.Id)).Status);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CancelVideoTaskAsync(created.Id));

        Assert.Equal(409, error.StatusCode);
        Assert.Equal("task_not_cancellable", error.ErrorCode);
    }

    [Fact]
    public async Task Cancelling_an_unknown_task_is_a_404_and_another_keys_task_a_403()
    {
        await using var simulator = LemonDataSimulator.Start();
        var client = Clients.For(simulator);
        var created = await client.CreateVideoAsync(Clients.Request(VideoModels.Seedance15Pro));

        var unknown = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CancelVideoTaskAsync("ldtask_unknown"));
        Assert.Equal(404, unknown.StatusCode);
        Assert.Equal("async_task_not_found", unknown.ErrorCode);

        var (status, body, _) = await Raw.SendAsync(simulator, HttpMethod.Delete, "/v1/tasks/" + created.Id, key: "sk-someone-else");
        Assert.Equal(403, status);
        Assert.Equal("forbidden", Raw.Parse(body).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Generation_A_has_no_cancel()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { Generation = SimulatedApiGeneration.A });
        var client = Clients.For(simulator);
        var created = await client.CreateVideoAsync(Clients.Request(VideoModels.Seedance15Pro));

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CancelVideoTaskAsync(created.Id));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("not_found", error.ErrorCode);
    }
}
