using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Testing;
using Xunit.Abstractions;

namespace LemonData.Video.Tests.Reliability;

/// <summary>
/// 1,000 create-and-wait flows, 16 at a time, against one simulator that injects seeded random faults into 20% of
/// the answers: 5xx, 429 with a short Retry-After, answers slower than the attempt timeout, garbled and truncated
/// bodies, and connections dropped before or after the request took effect. Statuses come in every spelling the service
/// uses (queued, running, in_progress, succeeded, success, error), every completed flow downloads its video, and one
/// download in four is cut mid-body, so each must be continued with a range request and arrive byte-identical.
/// The assertions are invariants, never
/// exact counts, so the run cannot flake on scheduling. It runs alone (<see cref="SoakCollection"/>): the memory
/// figures are the process's, and other tests allocating meanwhile would blur them.
/// </summary>
[Collection(SoakCollection.Name)]
public sealed class SoakTests
{
    private const int Flows = 1000;
    private const int Concurrency = 16;
    private const int WarmFlows = 200;
    private const long MaxMemoryGrowthBytes = 5 * 1024 * 1024;
    private const string CreatePath = "/v1/videos/generations";

    private readonly ITestOutputHelper _output;

    public SoakTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Thousand_flows_under_random_faults_never_create_twice_never_lose_a_task_id_and_do_not_grow_memory()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { PollsPerStage = 1, StatusSpelling = SimulatedStatusSpelling.Synonyms });
        var attemptTimeout = TimeSpan.FromMilliseconds(300);
        await WarmUpAsync(simulator);
        simulator.Script.InjectFaults(new SimulatorFaultPlan(probability: 0.2, seed: 20260101)
        {
            SlowAnswerDelay = TimeSpan.FromSeconds(1.5), // well past the attempt timeout
            MinRetryAfter = TimeSpan.FromMilliseconds(50),
            MaxRetryAfter = TimeSpan.FromMilliseconds(200),
        });
        var client = new LemonDataVideoClient(simulator.ApiKey, new LemonDataVideoClientOptions
        {
            Endpoint = simulator.Endpoint,
            PollInterval = TimeSpan.FromMilliseconds(2),
            RetryDelay = TimeSpan.FromMilliseconds(2),
            MaxRetryDelay = TimeSpan.FromMilliseconds(300),
            MaxRetries = 6,
            AttemptTimeout = attemptTimeout,
            WaitTimeout = TimeSpan.FromSeconds(30),
        });

        var outcomes = new FlowOutcome[Flows];
        var watch = Stopwatch.StartNew();
        await RunFlowsAsync(client, simulator, outcomes, 0, WarmFlows);
        var memoryAfterWarm = GC.GetTotalMemory(forceFullCollection: true);
        await RunFlowsAsync(client, simulator, outcomes, WarmFlows, Flows);
        var memoryAfterAll = GC.GetTotalMemory(forceFullCollection: true);
        watch.Stop();

        // Held-back answers are released by the client going away; let the last ones finish.
        await Task.Delay(200);
        var report = Check(simulator, outcomes);
        report.Duration = watch.Elapsed;
        report.MemoryAfterWarm = memoryAfterWarm;
        report.MemoryAfterAll = memoryAfterAll;
        Print(report, simulator);

        Assert.True(report.Violations.Count == 0, "Invariant violations:\n" + string.Join("\n", report.Violations.Take(20)));
        Assert.True(
            memoryAfterAll - memoryAfterWarm < MaxMemoryGrowthBytes,
            "Memory grew by " + (memoryAfterAll - memoryAfterWarm) + " bytes between flow " + WarmFlows + " and flow " + Flows + ".");
        Assert.True(report.Completed > Flows / 2, "Only " + report.Completed + " flows completed: the faults are not what this test means them to be.");
        Assert.True(report.CreatesAnswered5xx > 0, "No create was answered 5xx: the unknown outcome of a 5xx went untested.");
        Assert.True(report.Spellings.IsSupersetOf(new[] { "completed", "succeeded", "success" }), "Completed statuses seen: " + string.Join(", ", report.Spellings));
        Assert.True(report.DownloadsContinued > 0, "No cut download was continued with a range request.");
        Assert.True(report.Downloads > report.Completed * 9 / 10, report.Downloads + " of " + report.Completed + " downloads arrived whole.");
        var faults = simulator.FaultCounts;
        foreach (SimulatorFaultKind kind in Enum.GetValues(typeof(SimulatorFaultKind)))
        {
            Assert.True(faults[kind] > 0, "No " + kind + " fault was injected.");
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "The soak took " + watch.Elapsed + ".");
    }

    // JIT, Kestrel and the first connections, before the clock and the faults start: a cold first request can take
    // longer than the soak's short attempt timeout.
    private static async Task WarmUpAsync(LemonDataSimulator simulator)
    {
        var client = new LemonDataVideoClient(simulator.ApiKey, new LemonDataVideoClientOptions
        {
            Endpoint = simulator.Endpoint,
            PollInterval = TimeSpan.FromMilliseconds(2),
        });
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(i => client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "Warm-up " + i })));
    }

    private static async Task RunFlowsAsync(LemonDataVideoClient client, LemonDataSimulator simulator, FlowOutcome[] outcomes, int from, int to)
    {
        using var gate = new SemaphoreSlim(Concurrency);
        var running = new List<Task>(to - from);
        for (var i = from; i < to; i++)
        {
            await gate.WaitAsync();
            var flow = i;
            running.Add(Task.Run(async () =>
            {
                try
                {
                    outcomes[flow] = await RunFlowAsync(client, simulator, flow);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        await Task.WhenAll(running);
    }

    private static async Task<FlowOutcome> RunFlowAsync(LemonDataVideoClient client, LemonDataSimulator simulator, int flow)
    {
        try
        {
            var task = await client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = Prompt(flow) });
            var completed = task.Status == VideoTaskStatus.Completed && task.VideoUrl is not null;
            var downloaded = completed ? await DownloadAsync(client, simulator, task, flow) : null;
            return new FlowOutcome
            {
                Completed = completed,
                TaskId = task.Id,
                WireStatus = task.Status.ToString(),
                Download = downloaded,
            };
        }
        catch (Exception exception)
        {
            // Every exception is classified: anything outside the contract is a violation, reported below.
            return new FlowOutcome
            {
                ExceptionType = exception.GetType().Name,
                IsContractException = exception is LemonDataApiException or VideoGenerationFailedException or TimeoutException or OperationCanceledException,
                TaskId = exception is LemonDataApiException or VideoGenerationFailedException or TimeoutException or OperationCanceledException ? exception.GetVideoTaskId() : null,
                TaskMayExist = exception is LemonDataApiException { TaskMayExist: true },
                ClientTimedOut = exception is LemonDataApiException { StatusCode: 0, InnerException: OperationCanceledException },
                Message = exception.Message.Length > 300 ? exception.Message.Substring(0, 300) : exception.Message,
            };
        }
    }

    // One download in four is cut mid-body (the connection closes after part of the file): it must be continued from the
    // bytes written. Half go to a stream that cannot seek, which only a continuation can complete.
    private static async Task<string> DownloadAsync(LemonDataVideoClient client, LemonDataSimulator simulator, VideoTask task, int flow)
    {
        if (flow % 4 == 0)
        {
            simulator.Script.TruncateNext(1, breakOffConnection: true, target: SimulatorTarget.Download);
        }

        using var buffer = new System.IO.MemoryStream();
        System.IO.Stream destination = flow % 2 == 0 ? new ForwardOnlyStream(buffer) : buffer;
        try
        {
            await client.DownloadVideoAsync(task, destination);
        }
        catch (LemonDataApiException exception)
        {
            // A download may fail under faults, but only as the SDK's own error, naming the task.
            return exception.GetVideoTaskId() == task.Id ? "failed: " + exception.StatusCode : "failed without the task id: " + exception.Message;
        }

        return buffer.ToArray().AsSpan().SequenceEqual(LemonDataSimulator.SampleVideo.Span) ? "identical" : "different bytes (" + buffer.Length + ")";
    }

    private static string Prompt(int flow) => "Soak flow " + flow.ToString("D4", CultureInfo.InvariantCulture) + ": a lighthouse at dusk";

    private static SoakReport Check(LemonDataSimulator simulator, FlowOutcome[] outcomes)
    {
        var report = new SoakReport();
        var requests = simulator.Requests;
        var createsByPrompt = requests
            .Where(request => request.Method == "POST" && request.Path == CreatePath && !request.Body.Contains("Warm-up", StringComparison.Ordinal))
            .GroupBy(request => PromptOf(request.Body), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);

        report.CreatesReceived = simulator.CreatesReceived;
        report.DownloadsContinued = requests.Count(request => request.Path.StartsWith("/files/", StringComparison.Ordinal) && request.StatusCode == 206);
        report.TasksCreated = simulator.CreatedTasks.Count;
        for (var flow = 0; flow < outcomes.Length; flow++)
        {
            var outcome = outcomes[flow];
            var label = "flow " + flow;
            if (outcome is null)
            {
                report.Violations.Add(label + ": never finished");
                continue;
            }

            createsByPrompt.TryGetValue(Prompt(flow), out var creates);
            creates ??= new List<SimulatorRequest>();
            if (creates.Count > 1)
            {
                report.CreateRetries += creates.Count - 1;
            }

            // At most one create reached the service per flow: every create before the last was refused (429).
            var made = creates.Where(create => create.CreatedTaskId is not null).ToList();
            if (made.Count > 1)
            {
                report.Violations.Add(label + ": " + made.Count + " creates made tasks (" + string.Join(", ", made.Select(create => create.CreatedTaskId)) + ")");
            }

            for (var i = 0; i < creates.Count - 1; i++)
            {
                if (creates[i].StatusCode != 429)
                {
                    report.Violations.Add(label + ": create sent again after " + Describe(creates[i]));
                }
            }

            // A create answered 5xx: the simulator's made nothing, but a real service's may have (a gateway failing after
            // the provider accepted the job), so the caller must hear that a task may exist, never "try again".
            if (creates.Count > 0 && creates[creates.Count - 1].Fault?.Kind == SimulatorFaultKind.ServerError)
            {
                report.CreatesAnswered5xx++;
                if (!outcome.TaskMayExist)
                {
                    report.Violations.Add(label + ": the create was answered " + Describe(creates[creates.Count - 1]) + " but the caller was not told a task may exist ("
                        + (outcome.ExceptionType ?? "completed") + ": " + outcome.Message + ")");
                }
            }

            if (outcome.Completed)
            {
                report.Completed++;
                report.Spellings.Add(outcome.WireStatus!);
                if (outcome.Download == "identical")
                {
                    report.Downloads++;
                }
                else if (outcome.Download is { } download && download.StartsWith("failed: ", StringComparison.Ordinal))
                {
                    report.DownloadFailures++;
                }
                else
                {
                    report.Violations.Add(label + ": the download of task " + outcome.TaskId + " ended " + outcome.Download);
                }
            }
            else if (outcome.ExceptionType is null)
            {
                report.Violations.Add(label + ": returned a task that is not completed");
            }
            else
            {
                report.Failures[outcome.ExceptionType] = report.Failures.TryGetValue(outcome.ExceptionType, out var count) ? count + 1 : 1;
                if (!outcome.IsContractException)
                {
                    report.Violations.Add(label + ": " + outcome.ExceptionType + " escaped: " + outcome.Message);
                }
            }

            var taskId = made.Count == 1 ? made[0].CreatedTaskId : null;
            if (outcome.TaskId is not null && outcome.TaskId != taskId)
            {
                report.Violations.Add(label + ": the caller got task id '" + outcome.TaskId + "', the service made " + (taskId ?? "none"));
            }

            if (taskId is null || outcome.TaskId == taskId)
            {
                continue;
            }

            // The service made a task whose id did not reach the caller: only acceptable when the create's answer never
            // carried it, and then the exception must say that a task may exist.
            // A client that timed out without an injected fault (a loaded machine) lost the answer just as truly.
            var fault = made[0].Fault;
            if (fault is not null && !fault.TaskIdInAnswer && outcome.TaskMayExist)
            {
                report.LostAnswers.Add(label + ": " + fault.Kind + (fault.Detail.Length == 0 ? string.Empty : " (" + fault.Detail + ")") + " -> " + outcome.ExceptionType + ", TaskMayExist");
            }
            else if (outcome.TaskMayExist && outcome.ClientTimedOut)
            {
                report.LostAnswers.Add(label + ": " + (fault?.ToString() ?? "no fault") + ", the client's attempt timeout passed first -> " + outcome.ExceptionType + ", TaskMayExist");
            }
            else
            {
                report.Violations.Add(label + ": task " + taskId + " was made but its id did not reach the caller (" + (fault?.ToString() ?? "no fault") + "; "
                    + (outcome.ExceptionType ?? "completed") + ", TaskMayExist " + outcome.TaskMayExist + ": " + outcome.Message + ")");
            }
        }

        // A GET is a retry when the previous read of the same task was faulted or not answered 200.
        var lastReadOk = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var request in requests.Where(request => request.Method == "GET"))
        {
            report.Reads++;
            var id = request.Path.Substring(request.Path.LastIndexOf('/') + 1);
            if (lastReadOk.TryGetValue(id, out var ok) && !ok)
            {
                report.ReadRetries++;
            }

            lastReadOk[id] = request.Fault is null && request.StatusCode == 200;
        }

        return report;
    }

    private static string Describe(SimulatorRequest request) => request.Fault?.ToString() ?? ("status " + request.StatusCode);

    private static string PromptOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("prompt", out var prompt) ? prompt.GetString() ?? string.Empty : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private void Print(SoakReport report, LemonDataSimulator simulator)
    {
        var text = new StringBuilder();
        text.AppendLine("Soak: " + Flows + " flows, " + Concurrency + " at a time, duration " + report.Duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s");
        text.AppendLine("Requests received: " + simulator.Requests.Count + "; faults injected: " + simulator.InjectedFaults.Count);
        foreach (var pair in simulator.FaultCounts)
        {
            text.AppendLine("  " + pair.Key + ": " + pair.Value);
        }

        text.AppendLine("Creates received: " + report.CreatesReceived + "; tasks created: " + report.TasksCreated + "; creates sent again (after 429): " + report.CreateRetries);
        text.AppendLine("Reads (GET): " + report.Reads + "; reads retried: " + report.ReadRetries);
        text.AppendLine("Completed: " + report.Completed);
        text.AppendLine("Creates answered 5xx (reported TaskMayExist, not sent again): " + report.CreatesAnswered5xx);
        text.AppendLine("Completed statuses as spelled: " + string.Join(", ", report.Spellings.OrderBy(x => x, StringComparer.Ordinal)));
        text.AppendLine("Downloads byte-identical: " + report.Downloads + "; continued with a range (206 answers): " + report.DownloadsContinued + "; failed with the task id: " + report.DownloadFailures);
        foreach (var pair in report.Failures.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.AppendLine("Failed with " + pair.Key + ": " + pair.Value);
        }

        text.AppendLine("Answers lost with the task made (TaskMayExist, id unknowable): " + report.LostAnswers.Count);
        foreach (var lost in report.LostAnswers)
        {
            text.AppendLine("  " + lost);
        }

        text.AppendLine("Memory after " + WarmFlows + " flows: " + report.MemoryAfterWarm + " bytes; after " + Flows + ": " + report.MemoryAfterAll
            + " bytes; growth " + (report.MemoryAfterAll - report.MemoryAfterWarm) + " bytes");
        text.AppendLine("Violations: " + report.Violations.Count);
        _output.WriteLine(text.ToString());
    }

    private sealed class FlowOutcome
    {
        public bool Completed { get; init; }

        public string? TaskId { get; init; }

        public string? ExceptionType { get; init; }

        public bool IsContractException { get; init; }

        public bool TaskMayExist { get; init; }

        public bool ClientTimedOut { get; init; }

        public string? Message { get; init; }

        public string? WireStatus { get; init; }

        public string? Download { get; init; }
    }

    private sealed class SoakReport
    {
        public List<string> Violations { get; } = new();

        public List<string> LostAnswers { get; } = new();

        public Dictionary<string, int> Failures { get; } = new(StringComparer.Ordinal);

        public int Completed { get; set; }

        public int CreatesAnswered5xx { get; set; }

        public HashSet<string> Spellings { get; } = new(StringComparer.Ordinal);

        public int Downloads { get; set; }

        public int DownloadFailures { get; set; }

        public int DownloadsContinued { get; set; }

        public int CreatesReceived { get; set; }

        public int TasksCreated { get; set; }

        public int CreateRetries { get; set; }

        public int Reads { get; set; }

        public int ReadRetries { get; set; }

        public TimeSpan Duration { get; set; }

        public long MemoryAfterWarm { get; set; }

        public long MemoryAfterAll { get; set; }
    }
}

/// <summary>Tests that run with no other test of the assembly in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoakCollection
{
    public const string Name = "Soak (runs alone)";
}

/// <summary>A stream that cannot seek: only a download continued from where it broke off can fill it.</summary>
internal sealed class ForwardOnlyStream : System.IO.Stream
{
    private readonly System.IO.Stream _inner;

    public ForwardOnlyStream(System.IO.Stream inner) => _inner = inner;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush() => _inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, System.IO.SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);

    public override System.Threading.Tasks.Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _inner.WriteAsync(buffer, offset, count, cancellationToken);
}
