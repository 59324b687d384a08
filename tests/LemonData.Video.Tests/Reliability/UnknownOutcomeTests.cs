using System;
using System.Threading.Tasks;
using LemonData.Video.Testing;

namespace LemonData.Video.Tests.Reliability;

/// <summary>
/// A create whose outcome is unknown (no answer in time, an unreadable answer, a connection lost after sending, a 5xx) is
/// never sent again by the client, and its exception says that a task may exist, what to do, and the task's id
/// whenever any part of the answer carried it.
/// </summary>
public sealed class UnknownOutcomeTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(400);

    private static LemonDataVideoClient ClientFor(LemonDataSimulator simulator, TimeSpan? attemptTimeout = null) =>
        new(simulator.ApiKey, new LemonDataVideoClientOptions
        {
            Endpoint = simulator.Endpoint,
            PollInterval = TimeSpan.FromMilliseconds(5),
            RetryDelay = TimeSpan.FromMilliseconds(5),
            MaxRetries = 5, // plenty: none of them may be spent on the create
            AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10),
        });

    private static VideoGenerationRequest Request => new() { Prompt = "A paper boat on a rainy street" };

    [Fact]
    public async Task Create_timing_out_is_not_retried_and_says_a_task_may_exist()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.DelayNext(1, TimeSpan.FromSeconds(5), SimulatorTarget.Create);
        var client = ClientFor(simulator, attemptTimeout: TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GenerateVideoAsync(Request));

        await AssertSentOnceAndFlaggedAsync(simulator, error, expectTaskId: false);
        Assert.Equal(0, error.StatusCode);
        Assert.Contains("attempt timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_answer_garbled_after_the_id_is_not_retried_and_carries_the_id()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.GarbleNext(1, SimulatorTarget.Create); // two thirds of the answer: the id is in it
        var client = ClientFor(simulator);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GenerateVideoAsync(Request));

        await AssertSentOnceAndFlaggedAsync(simulator, error, expectTaskId: true);
        Assert.NotNull(error.ResponseExcerpt);

        // The advice works: the task resumes from the id in the exception.
        var task = await client.WaitForCompletionAsync(error.TaskId!);
        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.Equal(1, simulator.CreatesReceived);
    }

    [Fact]
    public async Task Create_answer_cut_before_the_id_is_not_retried_and_says_to_check_the_tasks()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.TruncateNext(1, keepTaskId: false, breakOffConnection: false, SimulatorTarget.Create);
        var client = ClientFor(simulator);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GenerateVideoAsync(Request));

        await AssertSentOnceAndFlaggedAsync(simulator, error, expectTaskId: false);
        Assert.Equal(200, error.StatusCode);
    }

    [Fact]
    public async Task Create_answer_broken_off_mid_body_after_the_id_is_not_retried_and_carries_the_id()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.TruncateNext(1, keepTaskId: true, breakOffConnection: true, SimulatorTarget.Create);
        var client = ClientFor(simulator);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GenerateVideoAsync(Request));

        await AssertSentOnceAndFlaggedAsync(simulator, error, expectTaskId: true);

        // The headers (200) arrived before the body broke off: the status is known, and reported.
        Assert.Equal(200, error.StatusCode);
    }

    [Fact]
    public async Task Connection_lost_after_the_create_took_effect_is_not_retried_and_says_a_task_may_exist()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.DropNext(1, afterProcessing: true, SimulatorTarget.Create);
        var client = ClientFor(simulator);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GenerateVideoAsync(Request));

        await AssertSentOnceAndFlaggedAsync(simulator, error, expectTaskId: false);
        Assert.Equal(0, error.StatusCode);
    }

    [Fact]
    public async Task Connection_lost_after_sending_is_not_retried_even_when_the_service_did_nothing()
    {
        // The client cannot tell a drop before processing from one after: it must treat both as unknown.
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.DropNext(1, afterProcessing: false, SimulatorTarget.Create);
        var client = ClientFor(simulator);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.True(error.TaskMayExist);
        Assert.Null(error.TaskId);
        await Task.Delay(Settle);
        Assert.Equal(1, simulator.CreatesReceived);
        Assert.Empty(simulator.CreatedTasks);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Create_answered_5xx_is_not_retried_and_says_a_task_may_exist(int status)
    {
        // The simulator makes nothing on a 5xx; a real gateway may fail after the provider accepted the job.
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.ServerErrorNext(1, status, SimulatorTarget.Create);
        var client = ClientFor(simulator);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GenerateVideoAsync(Request));

        Assert.Equal(status, error.StatusCode);
        Assert.True(error.TaskMayExist);
        Assert.Null(error.TaskId);
        Assert.Contains("do not submit the request again blindly; check your tasks first", error.Message, StringComparison.Ordinal);
        await Task.Delay(Settle);
        Assert.Equal(1, simulator.CreatesReceived);
        Assert.Single(simulator.Requests);
    }

    private static async Task AssertSentOnceAndFlaggedAsync(LemonDataSimulator simulator, LemonDataApiException error, bool expectTaskId)
    {
        Assert.True(error.TaskMayExist, "TaskMayExist is false: " + error.Message);
        var created = Assert.Single(simulator.CreatedTasks).CreatedTaskId!;
        if (expectTaskId)
        {
            Assert.Equal(created, error.TaskId);
            Assert.Equal(created, error.GetVideoTaskId());
            Assert.Contains("do not submit the request again", error.Message, StringComparison.Ordinal);
            Assert.Contains("WaitForCompletionAsync(\"" + created + "\")", error.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(error.TaskId);
            Assert.Contains("do not submit the request again blindly; check your tasks first", error.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(simulator.ApiKey, error.ToString(), StringComparison.Ordinal);

        // Never sent again, not even later in the background, and no poll for a task the client does not know.
        await Task.Delay(Settle);
        Assert.Equal(1, simulator.CreatesReceived);
        Assert.Single(simulator.CreatedTasks);
        Assert.Single(simulator.Requests);
    }
}
