using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using LemonData.Video.Testing.Tests.Support;

namespace LemonData.Video.Testing.Tests;

/// <summary>Dropped connections, truncated answers and seeded random faults, and what the simulator records of them.</summary>
public class InjectedFaultTests
{
    private const string CreateJson = "{\"prompt\":\"A cat\"}";

    [Fact]
    public async Task Drop_before_processing_sends_no_answer_and_makes_no_task()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.DropNext(1, afterProcessing: false, SimulatorTarget.Create);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => Raw.SendAsync(simulator, HttpMethod.Post, "/v1/videos/generations", CreateJson));

        var fault = Assert.Single(simulator.InjectedFaults);
        Assert.Equal(SimulatorFaultKind.DroppedBeforeProcessing, fault.Kind);
        Assert.False(fault.TookEffect);
        Assert.Null(fault.TaskId);
        Assert.Equal(1, simulator.CreatesReceived);
        Assert.Empty(simulator.CreatedTasks);
        Assert.Same(fault, simulator.Requests.Single().Fault);
    }

    [Fact]
    public async Task Drop_after_processing_makes_the_task_and_loses_its_id()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.DropNext(1, afterProcessing: true, SimulatorTarget.Create);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => Raw.SendAsync(simulator, HttpMethod.Post, "/v1/videos/generations", CreateJson));

        var fault = Assert.Single(simulator.InjectedFaults);
        Assert.Equal(SimulatorFaultKind.DroppedAfterProcessing, fault.Kind);
        Assert.True(fault.TookEffect);
        var created = Assert.Single(simulator.CreatedTasks);
        Assert.Equal(created.CreatedTaskId, fault.TaskId);
        Assert.StartsWith("ldtask_", fault.TaskId, StringComparison.Ordinal);
        Assert.False(fault.TaskIdInAnswer);
        Assert.Equal(0, created.StatusCode);

        // The task is real: it can be read by its id.
        var task = await Raw.GetStringAsync(simulator, "/v1/tasks/" + fault.TaskId);
        Assert.Contains(fault.TaskId!, task, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Truncated_create_keeps_or_cuts_the_task_id_as_asked(bool keepTaskId)
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.TruncateNext(1, keepTaskId, breakOffConnection: false, SimulatorTarget.Create);

        var (status, body, _) = await Raw.SendAsync(simulator, HttpMethod.Post, "/v1/videos/generations", CreateJson);

        Assert.Equal(200, status);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
        var fault = Assert.Single(simulator.InjectedFaults);
        Assert.Equal(SimulatorFaultKind.Truncated, fault.Kind);
        Assert.True(fault.TookEffect);
        Assert.NotNull(fault.TaskId);
        Assert.Equal(keepTaskId, fault.TaskIdInAnswer);
        Assert.Equal(keepTaskId, body.Contains("\"id\":\"" + fault.TaskId + "\"", StringComparison.Ordinal));
        Assert.StartsWith("{\"id\":\"ldtask_", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_answer_can_break_off_the_connection_mid_body()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.TruncateNext(1, keepTaskId: true, breakOffConnection: true, SimulatorTarget.Create);

        await Assert.ThrowsAnyAsync<Exception>(() => Raw.SendAsync(simulator, HttpMethod.Post, "/v1/videos/generations", CreateJson));

        var fault = Assert.Single(simulator.InjectedFaults);
        Assert.Contains("connection closed mid-body", fault.Detail, StringComparison.Ordinal);
        Assert.True(fault.TaskIdInAnswer);
        Assert.Single(simulator.CreatedTasks);
    }

    [Fact]
    public async Task Random_garbling_keeps_the_status_and_breaks_the_json()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.InjectFaults(new SimulatorFaultPlan(1.0, seed: 7, SimulatorFaultKind.Garbled));

        for (var i = 0; i < 20; i++)
        {
            var (status, body, _) = await Raw.SendAsync(simulator, HttpMethod.Get, "/v1/tasks/ldtask_unknown");
            Assert.Equal(404, status);
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
        }

        Assert.Equal(20, simulator.FaultCounts[SimulatorFaultKind.Garbled]);
        Assert.All(simulator.InjectedFaults, fault => Assert.True(fault.Random));
    }

    [Fact]
    public async Task Random_rate_limits_announce_a_short_Retry_After_within_the_plan()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.InjectFaults(new SimulatorFaultPlan(1.0, seed: 3, SimulatorFaultKind.RateLimit)
        {
            MinRetryAfter = TimeSpan.FromMilliseconds(50),
            MaxRetryAfter = TimeSpan.FromMilliseconds(200),
        });

        for (var i = 0; i < 10; i++)
        {
            var (status, _, response) = await Raw.SendAsync(simulator, HttpMethod.Get, "/v1/tasks/ldtask_unknown");
            Assert.Equal(429, status);
            var seconds = double.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(seconds, 0.05, 0.2);
        }
    }

    [Fact]
    public async Task Same_seed_draws_the_same_faults_for_the_same_requests()
    {
        var first = await DrawKindsAsync(seed: 42);
        var second = await DrawKindsAsync(seed: 42);
        var other = await DrawKindsAsync(seed: 43);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Contains("-", first, StringComparer.Ordinal); // some requests take no fault
        foreach (var kind in Enum.GetNames(typeof(SimulatorFaultKind)))
        {
            Assert.Contains(kind, first, StringComparer.Ordinal);
        }
    }

    [Fact]
    public async Task Faults_scripted_one_by_one_come_before_random_ones_and_Clear_ends_both()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.InjectFaults(new SimulatorFaultPlan(1.0, seed: 1, SimulatorFaultKind.ServerError));
        simulator.Script.RateLimitNext(1, TimeSpan.FromMilliseconds(50), SimulatorTarget.Poll);

        Assert.Equal(429, (await Raw.SendAsync(simulator, HttpMethod.Get, "/v1/tasks/x")).Status);
        Assert.True((await Raw.SendAsync(simulator, HttpMethod.Get, "/v1/tasks/x")).Status >= 500);
        simulator.Script.StopInjectingFaults();
        Assert.Equal(404, (await Raw.SendAsync(simulator, HttpMethod.Get, "/v1/tasks/x")).Status);
        simulator.Script.InjectFaults(new SimulatorFaultPlan(1.0, seed: 1, SimulatorFaultKind.ServerError));
        simulator.Script.Clear();
        Assert.Equal(404, (await Raw.SendAsync(simulator, HttpMethod.Get, "/v1/tasks/x")).Status);
        Assert.Equal(2, simulator.InjectedFaults.Count);
        Assert.False(simulator.InjectedFaults[0].Random);
        Assert.True(simulator.InjectedFaults[1].Random);
    }

    [Fact]
    public async Task Plan_target_limits_which_requests_take_faults()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.InjectFaults(new SimulatorFaultPlan(1.0, seed: 1, SimulatorFaultKind.ServerError) { Target = SimulatorTarget.Create });

        Assert.Equal(404, (await Raw.SendAsync(simulator, HttpMethod.Get, "/v1/tasks/x")).Status);
        Assert.True((await Raw.SendAsync(simulator, HttpMethod.Post, "/v1/videos/generations", CreateJson)).Status >= 500);
        Assert.Empty(simulator.CreatedTasks);
        Assert.Equal(1, simulator.CreatesReceived);
    }

    [Fact]
    public void Plan_rejects_impossible_settings()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatorFaultPlan(1.5, seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatorFaultPlan(double.NaN, seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatorFaultPlan(0.5, 1, (SimulatorFaultKind)99));
        Assert.Equal(Enum.GetValues(typeof(SimulatorFaultKind)).Length, new SimulatorFaultPlan(0.5, 1).Kinds.Count);
        using var simulator = LemonDataSimulator.Start();
        Assert.Throws<ArgumentOutOfRangeException>(() => simulator.Script.InjectFaults(new SimulatorFaultPlan(0.5, 1) { MinRetryAfter = TimeSpan.FromSeconds(1), MaxRetryAfter = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => simulator.Script.InjectFaults(new SimulatorFaultPlan(0.5, 1) { Target = SimulatorTarget.None }));
    }

    private static async Task<string[]> DrawKindsAsync(int seed)
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.InjectFaults(new SimulatorFaultPlan(0.6, seed) { SlowAnswerDelay = TimeSpan.FromMilliseconds(5) });
        for (var i = 0; i < 80; i++)
        {
            try
            {
                await Raw.SendAsync(simulator, HttpMethod.Get, "/v1/tasks/ldtask_unknown");
            }
            catch (HttpRequestException)
            {
                // A dropped or broken-off answer.
            }
        }

        return simulator.Requests.Select(request => request.Fault?.Kind.ToString() ?? "-").ToArray();
    }
}
