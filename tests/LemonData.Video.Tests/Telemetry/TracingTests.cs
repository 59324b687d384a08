using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Testing;
using LemonData.Video.Tests.Support;

namespace LemonData.Video.Tests.Telemetry;

/// <summary>The <c>LemonData.Video</c> activity source, against the simulator.</summary>
public sealed class TracingTests : IAsyncLifetime
{
    private const string Prompt = "a lantern floating on a lake";

    private readonly CapturedActivities _activities = new();
    private LemonDataSimulator _simulator = null!;

    public Task InitializeAsync()
    {
        _simulator = TelemetryClients.StartSimulator(TimeSpan.FromMilliseconds(150));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _activities.Dispose();
    }

    [Fact]
    public async Task A_generation_is_one_trace_whose_spans_carry_the_task_id_the_model_and_the_status()
    {
        var task = await Client().GenerateVideoAsync(new VideoGenerationRequest { Prompt = Prompt, Model = VideoModels.Sora2 });

        var spans = _activities.ForTask(task.Id);
        var generate = Assert.Single(spans, span => span.OperationName == "LemonData.Video.GenerateVideo");
        var create = Assert.Single(spans, span => span.OperationName == "LemonData.Video.CreateVideo");
        var wait = Assert.Single(spans, span => span.OperationName == "LemonData.Video.WaitForCompletion");
        Assert.Equal(generate.SpanId, create.ParentSpanId);
        Assert.Equal(generate.SpanId, wait.ParentSpanId);
        Assert.All(new[] { generate, create, wait }, span =>
        {
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal("LemonData.Video", span.Source.Name);
            Assert.NotEqual(ActivityStatusCode.Error, span.Status);
        });
        Assert.Equal("sora-2", create.GetTagItem("lemondata.model"));
        Assert.Equal("completed", generate.GetTagItem("lemondata.task_status"));
        Assert.True((int)wait.GetTagItem("lemondata.polls")! >= 1);
        Assert.Null(create.GetTagItem("lemondata.prompt"));
    }

    [Fact]
    public async Task A_watch_is_one_span_with_its_polls_that_does_not_leak_into_the_loop_body()
    {
        var client = Client();
        var created = await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = Prompt });
        var currentInBody = new System.Collections.Generic.List<string?>();

        await foreach (var state in client.WatchVideoTaskAsync(created))
        {
            currentInBody.Add(Activity.Current?.OperationName);
        }

        var watch = Assert.Single(_activities.ForTask(created.Id), span => span.OperationName == "LemonData.Video.WatchVideoTask");
        Assert.Equal(ActivityKind.Client, watch.Kind);
        Assert.NotEqual(ActivityStatusCode.Error, watch.Status);
        Assert.Equal("completed", watch.GetTagItem("lemondata.task_status"));
        Assert.True((int)watch.GetTagItem("lemondata.polls")! >= 1);
        Assert.All(currentInBody, name => Assert.NotEqual("LemonData.Video.WatchVideoTask", name));
    }

    [Fact]
    public async Task Reads_downloads_and_cancels_have_their_own_span()
    {
        var client = Client();
        var task = await client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = Prompt });
        await client.GetVideoTaskAsync(task.Id);
        await client.DownloadVideoAsync(task, new System.IO.MemoryStream());

        var names = _activities.ForTask(task.Id).Select(span => span.OperationName).ToList();

        Assert.Contains("LemonData.Video.GetVideoTask", names);
        Assert.Contains("LemonData.Video.DownloadVideo", names);
    }

    [Fact]
    public async Task A_failure_marks_the_span_with_an_error_status_and_the_exception_type()
    {
        var client = Client(options => options.MaxRetries = 0);
        _simulator.Script.FailNextTask("the prompt was refused by moderation", "content_policy");

        var failed = await Assert.ThrowsAsync<VideoGenerationFailedException>(() => client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = Prompt }));

        var generate = Assert.Single(_activities.ForTask(failed.Task.Id), span => span.OperationName == "LemonData.Video.GenerateVideo");
        Assert.Equal(ActivityStatusCode.Error, generate.Status);
        Assert.Equal(typeof(VideoGenerationFailedException).FullName, generate.GetTagItem("error.type"));
        Assert.Equal("failed", generate.GetTagItem("lemondata.task_status"));
    }

    [Fact]
    public async Task The_prompt_is_a_tag_only_when_the_user_opts_in()
    {
        var task = await Client(options => options.IncludePromptInTelemetry = true).CreateVideoAsync(new VideoGenerationRequest { Prompt = Prompt });
        var plain = await Client().CreateVideoAsync(new VideoGenerationRequest { Prompt = Prompt });

        Assert.Equal(Prompt, Assert.Single(_activities.ForTask(task.Id)).GetTagItem("lemondata.prompt"));
        Assert.Null(Assert.Single(_activities.ForTask(plain.Id)).GetTagItem("lemondata.prompt"));
    }

    private LemonDataVideoClient Client(Action<LemonDataVideoClientOptions>? configure = null) =>
        TelemetryClients.For(_simulator, configure);
}
