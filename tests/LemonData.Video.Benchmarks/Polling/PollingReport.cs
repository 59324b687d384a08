using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Benchmarks.Polling;

/// <summary>
/// Polling efficiency on a fake clock: for tasks that complete 10 s, 60 s and 5 min after they were created,
/// how many status requests the SDK sends and how late it sees the completion, with the default
/// PollInterval (5 s) and MaxPollInterval (30 s). Not a timing benchmark: a report, with the targets asserted.
/// The schedule has ±10% jitter, so each scenario is run many times.
/// </summary>
public static class PollingReport
{
    public const int Trials = 300;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PatientPeriod = TimeSpan.FromMinutes(1);
    private const double JitterFraction = 0.1;

    private sealed record Scenario(string Name, TimeSpan Completion, Func<int, (HttpStatusCode Status, int? RetryAfter)> Answer, bool CreateThenWait = false, int? CreateRetryAfter = null);

    public static void Run()
    {
        var scenarios = new List<Scenario>();
        foreach (var completion in new[] { TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(5) })
        {
            scenarios.Add(new($"GenerateVideoAsync, {Describe(completion)} task", completion, _ => (HttpStatusCode.OK, null)));
        }

        foreach (var completion in new[] { TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(5) })
        {
            // Every third status answer asks for 20 s.
            scenarios.Add(new($"GenerateVideoAsync, {Describe(completion)}, Retry-After: 20 on every 3rd poll", completion,
                poll => (HttpStatusCode.OK, poll % 3 == 2 ? 20 : null)));
        }

        // Every fourth status request is refused (429) with Retry-After: 20; the SDK retries it.
        scenarios.Add(new("GenerateVideoAsync, 60 s, 429 + Retry-After: 20 on every 4th poll", TimeSpan.FromSeconds(60),
            poll => poll % 4 == 3 ? (HttpStatusCode.TooManyRequests, 20) : (HttpStatusCode.OK, null)));

        // CreateVideoAsync, then WaitForCompletionAsync(task) with the task it returned: the wait's first poll comes
        // one interval after the create, as with GenerateVideoAsync.
        foreach (var completion in new[] { TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(5) })
        {
            scenarios.Add(new($"CreateVideoAsync + WaitForCompletionAsync(task), {Describe(completion)} task", completion, _ => (HttpStatusCode.OK, null), CreateThenWait: true));
        }

        // The create answer itself asks for 8 s (longer than the interval): the first poll waits for it, either way.
        scenarios.Add(new("GenerateVideoAsync, 60 s, Retry-After: 8 on the create answer", TimeSpan.FromSeconds(60), _ => (HttpStatusCode.OK, null), CreateRetryAfter: 8));
        scenarios.Add(new("CreateVideoAsync + WaitForCompletionAsync(task), 60 s, Retry-After: 8 on the create answer", TimeSpan.FromSeconds(60), _ => (HttpStatusCode.OK, null), CreateThenWait: true, CreateRetryAfter: 8));

        Console.WriteLine();
        Console.WriteLine($"// * Polling efficiency (fake clock, {Trials} runs per scenario, PollInterval 5 s, MaxPollInterval 30 s) *");
        Console.WriteLine("| Scenario | Status requests (min/mean/max) | Polls per 5 s (all runs / worst run) | Seen after completion, s (mean/max) | Worst delay / nominal interval | Retry-After honoured |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");

        var outcomes = new List<(Scenario Scenario, Outcome Outcome)>();
        foreach (var scenario in scenarios)
        {
            var runs = Enumerable.Range(0, Trials).Select(_ => RunOnce(scenario)).ToList();
            var outcome = new Outcome(runs);
            outcomes.Add((scenario, outcome));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {scenario.Name} | {outcome.MinPolls}/{outcome.MeanPolls:0.0}/{outcome.MaxPolls} | {outcome.PooledPer5s:0.000} / {outcome.WorstPer5s:0.000} | {outcome.MeanDelay:0.00}/{outcome.MaxDelay:0.00} | {outcome.WorstNominalRatio:0.000} | {outcome.RetryAfterViolations} violations of {outcome.RetryAfterCount} |"));
        }

        Console.WriteLine();
        Console.WriteLine("Polls per 5 s: status requests / (time from create until the caller saw the completion) x 5 s.");
        Console.WriteLine("Nominal interval: the schedule's interval without jitter (5 s for the first minute, then x1.5 per poll up to 30 s), or the Retry-After when longer.");
        Console.WriteLine();

        foreach (var (scenario, outcome) in outcomes)
        {
            var area = "Polling: " + scenario.Name;
            Targets.Check(area, "<= 1 status request per 5 s on average",
                string.Create(CultureInfo.InvariantCulture, $"{outcome.PooledPer5s:0.000} per 5 s over {Trials} runs (worst run {outcome.WorstPer5s:0.000})"),
                outcome.PooledPer5s <= 1.01); // 1% for sampling: the jitter's mean is exactly the interval.

            Targets.Check(area, "completion seen within the poll interval in progress",
                string.Create(CultureInfo.InvariantCulture, $"max {outcome.MaxDelay:0.00} s; max {outcome.WorstActualRatio:0.000} of the interval in progress, {outcome.WorstNominalRatio:0.000} of the nominal one"),
                outcome.WorstActualRatio <= 1.0 && outcome.WorstNominalRatio <= 1 + JitterFraction + 1e-6);
            if (outcome.RetryAfterCount > 0)
            {
                Targets.Check(area, "every Retry-After honoured",
                    $"{outcome.RetryAfterCount - outcome.RetryAfterViolations} of {outcome.RetryAfterCount}",
                    outcome.RetryAfterViolations == 0);
            }
        }
    }

    private static string Describe(TimeSpan t) => t.TotalSeconds < 60 ? $"{t.TotalSeconds:0} s" : t.TotalSeconds == 60 ? "60 s" : $"{t.TotalMinutes:0} min";

    private sealed class Outcome
    {
        public Outcome(List<RunResult> runs)
        {
            MinPolls = runs.Min(r => r.StatusRequests);
            MaxPolls = runs.Max(r => r.StatusRequests);
            MeanPolls = runs.Average(r => r.StatusRequests);
            PooledPer5s = runs.Sum(r => r.StatusRequests) / runs.Sum(r => r.SeenAt.TotalSeconds) * 5;
            WorstPer5s = runs.Max(r => r.StatusRequests / r.SeenAt.TotalSeconds * 5);
            MeanDelay = runs.Average(r => r.Delay.TotalSeconds);
            MaxDelay = runs.Max(r => r.Delay.TotalSeconds);
            WorstActualRatio = runs.Max(r => r.Delay / r.ActualInterval);
            WorstNominalRatio = runs.Max(r => r.Delay / r.NominalInterval);
            RetryAfterCount = runs.Sum(r => r.RetryAfterCount);
            RetryAfterViolations = runs.Sum(r => r.RetryAfterViolations);
        }

        public int MinPolls { get; }
        public int MaxPolls { get; }
        public double MeanPolls { get; }
        public double PooledPer5s { get; }
        public double WorstPer5s { get; }
        public double MeanDelay { get; }
        public double MaxDelay { get; }
        public double WorstActualRatio { get; }
        public double WorstNominalRatio { get; }
        public int RetryAfterCount { get; }
        public int RetryAfterViolations { get; }
    }

    private sealed record RunResult(int StatusRequests, TimeSpan SeenAt, TimeSpan Delay, TimeSpan ActualInterval, TimeSpan NominalInterval, int RetryAfterCount, int RetryAfterViolations);

    private static RunResult RunOnce(Scenario scenario)
    {
        var clock = new SteppedClock();
        var service = new ScriptedService(clock, scenario.Completion, scenario.Answer, scenario.CreateRetryAfter);
        using var http = new HttpClient(service);
        var client = new LemonDataVideoClient(http, new LemonDataVideoClientOptions
        {
            ApiKey = "sk-bench",
            Endpoint = new Uri("https://api.lemondata.cc/"),
            TimeProvider = clock,
            // Timeouts off: the only timers are then the schedule's (and retries'), which the driver steps through.
            WaitTimeout = Timeout.InfiniteTimeSpan,
            AttemptTimeout = Timeout.InfiniteTimeSpan,
        });
        var request = new VideoGenerationRequest { Model = VideoModels.Sora2, Prompt = "a lemon" };
        var wait = scenario.CreateThenWait
            ? client.CreateVideoAsync(request).ContinueWith(t => client.WaitForCompletionAsync(t.Result), TaskScheduler.Default).Unwrap()
            : client.GenerateVideoAsync(request);

        while (true)
        {
            Settle(clock, wait);
            if (wait.IsCompleted)
            {
                break;
            }

            if (!clock.AdvanceToNextTimer())
            {
                throw new InvalidOperationException("The wait is pending but has no timer: it would never end.");
            }
        }

        var task = wait.GetAwaiter().GetResult();
        if (task.Status != VideoTaskStatus.Completed)
        {
            throw new InvalidOperationException("The wait ended with " + task.Status);
        }

        return service.Result();
    }

    // Waits (in real time, briefly) until the SDK has either finished or scheduled its next timer.
    private static void Settle(SteppedClock clock, Task wait)
    {
        var spin = new SpinWait();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!wait.IsCompleted && clock.ActiveTimers == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The SDK neither finished nor scheduled a poll.");
            }

            spin.SpinOnce();
        }
    }

    /// <summary>The service: a task that completes at a given time after its creation, with scripted answers per status request.</summary>
    private sealed class ScriptedService : HttpMessageHandler
    {
        private const string TaskId = "task_poll";
        private readonly SteppedClock _clock;
        private readonly TimeSpan _completion;
        private readonly Func<int, (HttpStatusCode Status, int? RetryAfter)> _answer;
        private readonly int? _createRetryAfter;
        private readonly List<(TimeSpan At, bool Get, HttpStatusCode Status, int? RetryAfter, bool Completed)> _log = new();
        private DateTimeOffset _created;
        private int _polls;

        public ScriptedService(SteppedClock clock, TimeSpan completion, Func<int, (HttpStatusCode, int?)> answer, int? createRetryAfter)
        {
            _clock = clock;
            _completion = completion;
            _answer = answer;
            _createRetryAfter = createRetryAfter;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = _clock.GetUtcNow();
            if (request.Method == HttpMethod.Post)
            {
                _created = now;
                _log.Add((TimeSpan.Zero, false, HttpStatusCode.OK, _createRetryAfter, false));
                return Task.FromResult(Json(HttpStatusCode.OK, TaskJson("pending"), _createRetryAfter));
            }

            var at = now - _created;
            var (status, retryAfter) = _answer(_polls++);
            var completed = status == HttpStatusCode.OK && at >= _completion;
            if (completed)
            {
                retryAfter = null;
            }

            _log.Add((at, true, status, retryAfter, completed));
            if (status != HttpStatusCode.OK)
            {
                return Task.FromResult(Json(status, """{"error":{"message":"slow down","type":"rate_limit_error","code":"rate_limited"}}""", retryAfter));
            }

            return Task.FromResult(Json(HttpStatusCode.OK, completed ? TaskJson("completed") : TaskJson("processing"), retryAfter));
        }

        public RunResult Result()
        {
            var gets = _log.Where(e => e.Get).ToList();
            var seen = gets.Last();
            if (!seen.Completed)
            {
                throw new InvalidOperationException("The last status request did not see the completion.");
            }

            var before = _log[_log.Count - 2];
            var actualInterval = seen.At - before.At;

            // The schedule without jitter, replayed over the same answers: the nominal length of each gap.
            var current = PollInterval;
            var nominal = PollInterval;
            var retryAfterCount = 0;
            var violations = 0;
            for (var i = 1; i < _log.Count; i++)
            {
                var previous = _log[i - 1];
                if (!previous.Get)
                {
                    // After a create, the first poll waits exactly one interval, or the create answer's Retry-After when longer.
                    nominal = previous.RetryAfter is { } createWait && TimeSpan.FromSeconds(createWait) > PollInterval ? TimeSpan.FromSeconds(createWait) : PollInterval;
                }
                else if (previous.Status != HttpStatusCode.OK)
                {
                    nominal = TimeSpan.FromSeconds(previous.RetryAfter ?? 0); // A refused poll is retried after its Retry-After.
                }
                else
                {
                    if (previous.At >= PatientPeriod)
                    {
                        current = TimeSpan.FromTicks(Math.Min((long)(current.Ticks * 1.5), MaxPollInterval.Ticks));
                    }

                    nominal = previous.RetryAfter is { } wait && TimeSpan.FromSeconds(wait) > current ? TimeSpan.FromSeconds(wait) : current;
                }

                if (previous.RetryAfter is { } seconds)
                {
                    retryAfterCount++;
                    if (_log[i].At - previous.At < TimeSpan.FromSeconds(seconds))
                    {
                        violations++;
                    }
                }
            }

            var delay = seen.At - _completion;
            return new RunResult(gets.Count, seen.At, delay, actualInterval, nominal, retryAfterCount, violations);
        }

        private static string TaskJson(string status) =>
            $$"""{"id":"{{TaskId}}","status":"{{status}}","model":"sora-2","poll_url":"/v1/tasks/{{TaskId}}"{{(status == "completed" ? ",\"video_url\":\"https://cdn.example.com/v.mp4\"" : "")}}}""";

        private static HttpResponseMessage Json(HttpStatusCode status, string json, int? retryAfter)
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            if (retryAfter is { } seconds)
            {
                response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
            }

            return response;
        }
    }
}
