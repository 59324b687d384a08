using System;
using System.Collections.Generic;

namespace LemonData.Video.Testing;

/// <summary>
/// Faults to inject into the next requests of a <see cref="LemonDataSimulator"/>, for testing how a client copes.
/// Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Request faults (<see cref="RateLimitNext"/>, <see cref="ServerErrorNext"/>, <see cref="DelayNext"/>,
/// <see cref="GarbleNext"/>, <see cref="TruncateNext"/>, <see cref="DropNext"/>) queue up in the order they are scripted: each request the simulator receives takes
/// the first queued fault whose <see cref="SimulatorTarget"/> matches it, and a fault scripted for <c>count</c>
/// requests applies to that many matching requests. A request takes at most one fault, and faults come before any
/// other check (as a gateway's would): a faulted request is answered even without an API key. Requests to paths
/// the API does not have never take a fault.
/// </para>
/// <para>
/// Random faults (<see cref="InjectFaults"/>) apply to requests that no queued fault claims.
/// </para>
/// <para>
/// Task faults (<see cref="FailNextTask"/>, <see cref="FailNextTaskWithStringError"/>) apply to the next tasks
/// created, one each, in order.
/// </para>
/// </remarks>
public sealed class SimulatorScript
{
    private readonly object _gate = new();
    private readonly List<ScriptedFault> _faults = new();
    private readonly Queue<TaskFailure> _taskFailures = new();
    private RandomFaults? _randomFaults;

    internal SimulatorScript()
    {
    }

    /// <summary>
    /// The next <paramref name="count"/> matching requests are refused with 429: a <c>Retry-After</c> header (whole
    /// seconds, or decimal seconds such as <c>0.2</c> for a sub-second wait, which keeps tests fast), the
    /// <c>X-RateLimit-*</c> headers, and a <c>rate_limit_exceeded</c> error body with <c>retry_after</c>.
    /// A refused create makes no task.
    /// </summary>
    /// <param name="count">How many requests to refuse (1 or more).</param>
    /// <param name="retryAfter">The wait to announce.</param>
    /// <param name="target">Which requests (default: every API request, downloads excluded).</param>
    public void RateLimitNext(int count, TimeSpan retryAfter, SimulatorTarget target = SimulatorTarget.Api)
    {
        if (retryAfter < TimeSpan.Zero || retryAfter == System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfter), retryAfter, "retryAfter must not be negative.");
        }

        Enqueue(new ScriptedFault(SimulatorFaultKind.RateLimit, RequireCount(count), RequireTarget(target), 429, retryAfter));
    }

    /// <summary>
    /// The next <paramref name="count"/> matching requests fail with <paramref name="status"/> and a
    /// <c>server_error</c> body. A create that fails so makes no task.
    /// </summary>
    /// <param name="count">How many requests fail (1 or more).</param>
    /// <param name="status">The status, 500-599 (default 503).</param>
    /// <param name="target">Which requests (default: every API request, downloads excluded).</param>
    public void ServerErrorNext(int count, int status = 503, SimulatorTarget target = SimulatorTarget.Api)
    {
        if (status < 500 || status > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "status must be a server error, 500-599.");
        }

        Enqueue(new ScriptedFault(SimulatorFaultKind.ServerError, RequireCount(count), RequireTarget(target), status, TimeSpan.Zero));
    }

    /// <summary>
    /// The next <paramref name="count"/> matching requests are answered normally, but only after
    /// <paramref name="delay"/>. The request takes effect at once: a delayed create has made its task even when the
    /// client stops waiting for the answer (a lost answer, as with a real timeout).
    /// </summary>
    /// <param name="count">How many requests to slow down (1 or more).</param>
    /// <param name="delay">How long to hold each answer back (finite, not negative).</param>
    /// <param name="target">Which requests (default: every API request, downloads excluded).</param>
    public void DelayNext(int count, TimeSpan delay, SimulatorTarget target = SimulatorTarget.Api)
    {
        if (delay < TimeSpan.Zero || delay == System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "delay must be finite and not negative.");
        }

        Enqueue(new ScriptedFault(SimulatorFaultKind.SlowAnswer, RequireCount(count), RequireTarget(target), 0, delay));
    }

    /// <summary>
    /// The next <paramref name="count"/> matching requests take effect, but their answer arrives garbled: status
    /// 200 with the first two thirds of the body that was due (JSON cut off mid-way, whatever the status would
    /// have been). A garbled create has made its task. A garbled download declares the video's full length, sends
    /// two thirds of it and drops the connection.
    /// </summary>
    /// <param name="count">How many answers to garble (1 or more).</param>
    /// <param name="target">Which requests (default: every API request, downloads excluded).</param>
    public void GarbleNext(int count, SimulatorTarget target = SimulatorTarget.Api) =>
        Enqueue(new ScriptedFault(SimulatorFaultKind.Garbled, RequireCount(count), RequireTarget(target), 200, TimeSpan.Zero));

    /// <summary>
    /// The next <paramref name="count"/> matching requests get no answer at all: the simulator aborts the connection.
    /// With <paramref name="afterProcessing"/> false the request has no effect (a create makes no task); with true it
    /// is processed first (a create makes its task, and the client never learns its id).
    /// </summary>
    /// <param name="count">How many requests to drop (1 or more).</param>
    /// <param name="afterProcessing">Whether the request takes effect before the connection is dropped.</param>
    /// <param name="target">Which requests (default: every API request, downloads excluded).</param>
    public void DropNext(int count, bool afterProcessing, SimulatorTarget target = SimulatorTarget.Api) =>
        Enqueue(new ScriptedFault(
            afterProcessing ? SimulatorFaultKind.DroppedAfterProcessing : SimulatorFaultKind.DroppedBeforeProcessing,
            RequireCount(count),
            RequireTarget(target),
            0,
            TimeSpan.Zero));

    /// <summary>
    /// The next <paramref name="count"/> matching requests take effect, and their answer (its status kept) is cut in the
    /// middle of its JSON. For a create, <paramref name="keepTaskId"/> says whether the part sent holds the whole task id
    /// (true), stops inside it (false), or is simply the first half (null). With <paramref name="breakOffConnection"/> the
    /// answer announces its full length and the connection closes mid-body; otherwise it is a complete HTTP message whose
    /// <c>Content-Length</c> is the cut length.
    /// </summary>
    /// <param name="count">How many answers to cut (1 or more).</param>
    /// <param name="keepTaskId">For creates: whether the task id survives the cut.</param>
    /// <param name="breakOffConnection">Whether to close the connection mid-body instead of sending a short, complete message.</param>
    /// <param name="target">Which requests (default: every API request, downloads excluded).</param>
    public void TruncateNext(int count, bool? keepTaskId = null, bool breakOffConnection = false, SimulatorTarget target = SimulatorTarget.Api) =>
        Enqueue(new ScriptedFault(SimulatorFaultKind.Truncated, RequireCount(count), RequireTarget(target), 0, TimeSpan.Zero)
        {
            KeepTaskId = keepTaskId,
            BreakOff = breakOffConnection,
        });

    /// <summary>
    /// From now on, every request matching <see cref="SimulatorFaultPlan.Target"/> that no scripted fault claims takes a
    /// random fault with the plan's probability (seeded: see <see cref="SimulatorFaultPlan"/>). Replaces an earlier plan;
    /// <see cref="StopInjectingFaults"/> or <see cref="Clear"/> ends it. What was injected is recorded in
    /// <see cref="LemonDataSimulator.InjectedFaults"/>.
    /// </summary>
    /// <param name="plan">The probability, seed, kinds and timings.</param>
    public void InjectFaults(SimulatorFaultPlan plan)
    {
        if (plan is null)
        {
            throw new ArgumentNullException(nameof(plan));
        }

        plan.Validate();
        lock (_gate)
        {
            _randomFaults = new RandomFaults(plan);
        }
    }

    /// <summary>Ends the random faults of <see cref="InjectFaults"/> (faults scripted one by one stay queued).</summary>
    public void StopInjectingFaults()
    {
        lock (_gate)
        {
            _randomFaults = null;
        }
    }

    /// <summary>
    /// The next task created ends <c>failed</c> (where it would have completed) with the error object
    /// <c>{"code": <paramref name="code"/>, "message": <paramref name="message"/>}</c>, in either generation.
    /// </summary>
    /// <param name="message">The error message, for example <c>Content policy violation</c>.</param>
    /// <param name="code">The error code, for example <c>content_policy_violation</c>; left out of the object when null.</param>
    public void FailNextTask(string message, string? code = null) =>
        EnqueueFailure(new TaskFailure(RequireMessage(message), code, asString: false));

    /// <summary>
    /// The next task created ends <c>failed</c> with <c>"error": "<paramref name="message"/>"</c>, a plain string,
    /// as generation A's pages show it.
    /// </summary>
    /// <param name="message">The error message, for example <c>Content policy violation</c>.</param>
    public void FailNextTaskWithStringError(string message) =>
        EnqueueFailure(new TaskFailure(RequireMessage(message), code: null, asString: true));

    /// <summary>Forgets every fault scripted and not yet used, and ends random faults (<see cref="InjectFaults"/>).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
            _taskFailures.Clear();
            _randomFaults = null;
        }
    }

    /// <summary>Takes the fault for a request of <paramref name="target"/>, if one is due.</summary>
    internal ScriptedFault? TakeFault(SimulatorTarget target)
    {
        lock (_gate)
        {
            for (var i = 0; i < _faults.Count; i++)
            {
                var fault = _faults[i];
                if ((fault.Target & target) == 0)
                {
                    continue;
                }

                if (fault.Remaining <= 1)
                {
                    _faults.RemoveAt(i);
                }
                else
                {
                    _faults[i] = fault.Decremented();
                }

                return fault;
            }

            return _randomFaults?.Draw(target);
        }
    }

    /// <summary>Takes the failure scripted for the task being created, if any.</summary>
    internal TaskFailure? TakeTaskFailure()
    {
        lock (_gate)
        {
            return _taskFailures.Count > 0 ? _taskFailures.Dequeue() : null;
        }
    }

    private void Enqueue(ScriptedFault fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    private void EnqueueFailure(TaskFailure failure)
    {
        lock (_gate)
        {
            _taskFailures.Enqueue(failure);
        }
    }

    private static int RequireCount(int count) =>
        count >= 1 ? count : throw new ArgumentOutOfRangeException(nameof(count), count, "count must be 1 or more.");

    private static SimulatorTarget RequireTarget(SimulatorTarget target) =>
        target != SimulatorTarget.None && (target & ~SimulatorTarget.All) == 0
            ? target
            : throw new ArgumentOutOfRangeException(nameof(target), target, "target must name at least one kind of request (Create, Poll, Cancel, Models, Download, Api or All).");

    private static string RequireMessage(string message)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        return message;
    }
}

/// <summary>How a garbled answer is damaged.</summary>
internal enum GarbleStyle
{
    /// <summary>Cut to two thirds, a complete HTTP message (<see cref="SimulatorScript.GarbleNext"/>).</summary>
    CutToTwoThirds,

    /// <summary>A span overwritten with control bytes (random plans): invalid JSON wherever it lands.</summary>
    Corrupt,
}

/// <summary>A request fault waiting in the script (or drawn by a plan), and how many more requests it applies to.</summary>
internal sealed class ScriptedFault
{
    public ScriptedFault(SimulatorFaultKind kind, int remaining, SimulatorTarget target, int status, TimeSpan duration)
    {
        Kind = kind;
        Remaining = remaining;
        Target = target;
        Status = status;
        Duration = duration;
    }

    public SimulatorFaultKind Kind { get; }

    public int Remaining { get; }

    public SimulatorTarget Target { get; }

    /// <summary>The status to answer with (429, 5xx; 200 for a garbled answer; 0 for a delay).</summary>
    public int Status { get; }

    /// <summary>The announced wait of a rate limit, or the delay of a slow answer.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Whether a <see cref="SimulatorFaultPlan"/> drew it.</summary>
    public bool Random { get; init; }

    public GarbleStyle GarbleStyle { get; init; }

    /// <summary>For a truncation: announce the full length and close the connection mid-body (else a short Content-Length).</summary>
    public bool BreakOff { get; init; }

    /// <summary>For a truncated create: whether the kept part holds the whole task id (null: wherever the cut falls).</summary>
    public bool? KeepTaskId { get; init; }

    /// <summary>Where, 0-1, within the allowed range the cut or the damage falls.</summary>
    public double Position { get; init; } = 0.5;

    /// <summary>How many bytes a corruption overwrites.</summary>
    public int Span { get; init; } = 4;

    public ScriptedFault Decremented() => new(Kind, Remaining - 1, Target, Status, Duration)
    {
        Random = Random,
        GarbleStyle = GarbleStyle,
        BreakOff = BreakOff,
        KeepTaskId = KeepTaskId,
        Position = Position,
        Span = Span,
    };
}

/// <summary>The random draws of a <see cref="SimulatorFaultPlan"/>; not thread-safe (the script locks).</summary>
internal sealed class RandomFaults
{
    private static readonly int[] ServerStatuses = { 500, 502, 503, 504 };
    private readonly SimulatorFaultPlan _plan;
    private readonly Random _random;

    public RandomFaults(SimulatorFaultPlan plan)
    {
        _plan = plan;
        _random = new Random(plan.Seed);
    }

    public ScriptedFault? Draw(SimulatorTarget target)
    {
        if ((_plan.Target & target) == 0 || _random.NextDouble() >= _plan.Probability)
        {
            return null;
        }

        var kind = _plan.Kinds[_random.Next(_plan.Kinds.Count)];
        var position = _random.NextDouble();
        var coin = _random.Next(2) == 0;
        switch (kind)
        {
            case SimulatorFaultKind.RateLimit:
                var range = (_plan.MaxRetryAfter - _plan.MinRetryAfter).Ticks;
                var wait = TimeSpan.FromMilliseconds(Math.Round(TimeSpan.FromTicks(_plan.MinRetryAfter.Ticks + (long)(range * position)).TotalMilliseconds));
                return new ScriptedFault(kind, 1, target, 429, wait) { Random = true };
            case SimulatorFaultKind.ServerError:
                return new ScriptedFault(kind, 1, target, ServerStatuses[_random.Next(ServerStatuses.Length)], TimeSpan.Zero) { Random = true };
            case SimulatorFaultKind.SlowAnswer:
                return new ScriptedFault(kind, 1, target, 0, _plan.SlowAnswerDelay) { Random = true };
            case SimulatorFaultKind.Garbled:
                return new ScriptedFault(kind, 1, target, 0, TimeSpan.Zero) { Random = true, GarbleStyle = GarbleStyle.Corrupt, Position = position, Span = 1 + _random.Next(8) };
            case SimulatorFaultKind.Truncated:
                return new ScriptedFault(kind, 1, target, 0, TimeSpan.Zero) { Random = true, BreakOff = coin, KeepTaskId = _random.Next(2) == 0, Position = position };
            default:
                return new ScriptedFault(kind, 1, target, 0, TimeSpan.Zero) { Random = true };
        }
    }
}

/// <summary>How a scripted task failure reads on the wire.</summary>
internal sealed class TaskFailure
{
    public TaskFailure(string message, string? code, bool asString)
    {
        Message = message;
        Code = code;
        AsString = asString;
    }

    public string Message { get; }

    public string? Code { get; }

    /// <summary>Whether <c>error</c> is a plain string rather than an object.</summary>
    public bool AsString { get; }
}
