using System;
using System.Collections.Generic;
using System.Linq;

namespace LemonData.Video.Testing;

/// <summary>
/// Seeded random faults for soak tests, given to <see cref="SimulatorScript.InjectFaults"/>: each matching request
/// takes a fault with <see cref="Probability"/>, of a kind drawn evenly from <see cref="Kinds"/>. The same seed gives
/// the same sequence of draws (which request gets which draw depends on the order requests arrive in).
/// Faults scripted one by one (<see cref="SimulatorScript.RateLimitNext"/>, ...) come first.
/// </summary>
/// <example>
/// <code>
/// simulator.Script.InjectFaults(new SimulatorFaultPlan(probability: 0.2, seed: 42) { SlowAnswerDelay = TimeSpan.FromSeconds(1) });
/// // ... run the flows, then:
/// foreach (var fault in simulator.InjectedFaults) { /* fault.Kind, fault.TookEffect, fault.TaskId, fault.TaskIdInAnswer */ }
/// </code>
/// </example>
public sealed class SimulatorFaultPlan
{
    private static readonly SimulatorFaultKind[] AllKinds = Enum.GetValues<SimulatorFaultKind>();

    /// <summary>Creates a plan.</summary>
    /// <param name="probability">The chance that a matching request takes a fault, 0-1.</param>
    /// <param name="seed">The seed of the random draws.</param>
    /// <param name="kinds">The kinds to draw from (default: every <see cref="SimulatorFaultKind"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside 0-1, or a kind is unknown.</exception>
    /// <exception cref="ArgumentException"><paramref name="kinds"/> is empty.</exception>
    public SimulatorFaultPlan(double probability, int seed, params SimulatorFaultKind[]? kinds)
    {
        if (double.IsNaN(probability) || probability < 0 || probability > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "probability must be between 0 and 1.");
        }

        var chosen = kinds is null || kinds.Length == 0 ? AllKinds : kinds.Distinct().ToArray();
        foreach (var kind in chosen)
        {
            if (!Enum.IsDefined(typeof(SimulatorFaultKind), kind))
            {
                throw new ArgumentOutOfRangeException(nameof(kinds), kind, "Unknown fault kind.");
            }
        }

        Probability = probability;
        Seed = seed;
        Kinds = chosen;
    }

    /// <summary>The chance that a matching request takes a fault, 0-1.</summary>
    public double Probability { get; }

    /// <summary>The seed of the random draws.</summary>
    public int Seed { get; }

    /// <summary>The kinds drawn from, evenly.</summary>
    public IReadOnlyList<SimulatorFaultKind> Kinds { get; }

    /// <summary>Which requests may take a fault (default <see cref="SimulatorTarget.Api"/>: creates, reads and cancels, not model reads or downloads).</summary>
    public SimulatorTarget Target { get; init; } = SimulatorTarget.Api;

    /// <summary>How long a <see cref="SimulatorFaultKind.SlowAnswer"/> is held back (default 2 s): set it past the client's attempt timeout.</summary>
    public TimeSpan SlowAnswerDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The shortest <c>Retry-After</c> of a <see cref="SimulatorFaultKind.RateLimit"/> (default 0.05 s).</summary>
    public TimeSpan MinRetryAfter { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest <c>Retry-After</c> of a <see cref="SimulatorFaultKind.RateLimit"/> (default 0.2 s).</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMilliseconds(200);

    internal void Validate()
    {
        if (SlowAnswerDelay < TimeSpan.Zero || SlowAnswerDelay == System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(SlowAnswerDelay), SlowAnswerDelay, "SlowAnswerDelay must be finite and not negative.");
        }

        if (MinRetryAfter < TimeSpan.Zero || MaxRetryAfter < MinRetryAfter)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetryAfter), MaxRetryAfter, "Need 0 <= MinRetryAfter <= MaxRetryAfter.");
        }

        if (Target == SimulatorTarget.None || (Target & ~SimulatorTarget.All) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Target), Target, "Target must name at least one kind of request.");
        }
    }
}
