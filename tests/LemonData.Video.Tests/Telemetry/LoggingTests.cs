using System;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Testing;
using LemonData.Video.Tests.Support;
using Microsoft.Extensions.Logging;

namespace LemonData.Video.Tests.Telemetry;

/// <summary>What the client logs through <see cref="LemonDataVideoClientOptions.LoggerFactory"/>, against the simulator.</summary>
public sealed class LoggingTests : IAsyncLifetime
{
    private const string Prompt = "a heron standing in fog";

    private readonly CapturedLogs _logs = new();
    private LemonDataSimulator _simulator = null!;

    public Task InitializeAsync()
    {
        _simulator = TelemetryClients.StartSimulator(TimeSpan.FromMilliseconds(200));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task A_generation_logs_each_request_the_creation_each_poll_with_its_next_delay_and_the_completion()
    {
        var task = await Client().GenerateVideoAsync(new VideoGenerationRequest { Prompt = Prompt, Model = VideoModels.Sora2 });

        var logs = Sdk();
        Assert.All(logs, log => Assert.Equal("LemonData.Video", log.Category));
        Assert.Contains(logs, log => log.EventId.Name == "RequestSending" && log.Level == LogLevel.Debug && log.Message.StartsWith("Sending POST ", StringComparison.Ordinal));
        Assert.Contains(logs, log => log.EventId.Name == "RequestAnswered" && Value(log, "StatusCode") is 200);
        var created = Assert.Single(logs, log => log.EventId.Name == "TaskCreated");
        Assert.Equal(LogLevel.Information, created.Level);
        Assert.Equal(task.Id, Value(created, "TaskId"));
        Assert.Equal("sora-2", Value(created, "Model"));
        Assert.Contains(logs, log => log.EventId.Name == "FirstPollDelayed" && Value(log, "NextDelay") is TimeSpan);
        var polls = logs.Where(log => log.EventId.Name == "TaskPolled").ToList();
        Assert.NotEmpty(polls);
        Assert.All(polls, poll =>
        {
            Assert.Equal(task.Id, Value(poll, "TaskId"));
            Assert.IsType<TimeSpan>(Value(poll, "NextDelay"));
            Assert.Contains("next poll in", poll.Message, StringComparison.Ordinal);
        });
        var completed = Assert.Single(logs, log => log.EventId.Name == "TaskCompleted");
        Assert.Equal(polls.Count + 1, Value(completed, "Polls"));
    }

    [Fact]
    public async Task A_retry_is_a_warning_with_the_reason_the_attempt_and_the_delay()
    {
        var client = Client();
        var created = await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = Prompt });
        _simulator.Script.ServerErrorNext(1, 503, SimulatorTarget.Poll);

        await client.GetVideoTaskAsync(created.Id);

        var retry = Assert.Single(Sdk(), log => log.EventId.Name == "RetryScheduled");
        Assert.Equal(LogLevel.Warning, retry.Level);
        Assert.Equal(1, Value(retry, "Retry"));
        Assert.Equal(3, Value(retry, "MaxRetries"));
        Assert.IsType<TimeSpan>(Value(retry, "Delay"));
        Assert.Contains("503", retry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_is_not_retried_a_failed_task_and_a_stopped_wait_are_warnings()
    {
        var client = Client(options => options.MaxRetries = 0);
        _simulator.Script.ServerErrorNext(1, 500, SimulatorTarget.Create);
        await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(new VideoGenerationRequest { Prompt = Prompt }));
        Assert.Contains(Sdk(), log => log.EventId.Name == "RequestFailed" && log.Level == LogLevel.Warning && log.Message.Contains("500", StringComparison.Ordinal));

        _simulator.Script.FailNextTask("the prompt was refused by moderation", "content_policy");
        var failed = await Assert.ThrowsAsync<VideoGenerationFailedException>(() => client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = Prompt }));
        var failedLog = Assert.Single(Sdk(), log => log.EventId.Name == "TaskFailed");
        Assert.Equal(failed.Task.Id, Value(failedLog, "TaskId"));
        Assert.Contains("moderation", failedLog.Message, StringComparison.Ordinal);

        var slow = Client(options => options.WaitTimeout = TimeSpan.FromMilliseconds(120));
        var created = await slow.CreateVideoAsync(new VideoGenerationRequest { Prompt = Prompt });
        await Assert.ThrowsAsync<TimeoutException>(() => slow.WaitForCompletionAsync(created.Id));
        var stopped = Assert.Single(Sdk(), log => log.EventId.Name == "WaitStopped");
        Assert.Equal(created.Id, Value(stopped, "TaskId"));
    }

    [Fact]
    public async Task A_download_logs_its_size()
    {
        var client = Client();
        var task = await client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = Prompt });
        using var video = new System.IO.MemoryStream();

        await client.DownloadVideoAsync(task, video);

        var downloaded = Assert.Single(Sdk(), log => log.EventId.Name == "VideoDownloaded");
        Assert.Equal((long)video.Length, Value(downloaded, "Bytes"));
    }

    [Fact]
    public async Task The_prompt_is_logged_only_when_the_user_opts_in()
    {
        await Client().GenerateVideoAsync(new VideoGenerationRequest { Prompt = Prompt });
        Assert.DoesNotContain(_logs.All.SelectMany(log => log.AllText()), text => text.Contains(Prompt, StringComparison.Ordinal));

        await Client(options => options.IncludePromptInTelemetry = true).CreateVideoAsync(new VideoGenerationRequest { Prompt = Prompt });
        var withPrompt = Assert.Single(Sdk(), log => log.EventId.Name == "CreatingVideoWithPrompt");
        Assert.Equal(Prompt, Value(withPrompt, "Prompt"));
    }

    [Fact]
    public async Task Without_a_logger_factory_the_client_works_as_before()
    {
        var client = TelemetryClients.For(_simulator);

        var task = await client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = Prompt });

        Assert.Equal(VideoTaskStatus.Completed, task.Status);
    }

    private LemonDataVideoClient Client(Action<LemonDataVideoClientOptions>? configure = null) =>
        TelemetryClients.For(_simulator, options =>
        {
            options.LoggerFactory = LoggerFactory.Create(builder => builder.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
            configure?.Invoke(options);
        });

    private System.Collections.Generic.List<CapturedLog> Sdk() => _logs.Of("LemonData.Video").ToList();

    private static object? Value(CapturedLog log, string name) => log.State.Single(pair => pair.Key == name).Value;
}
