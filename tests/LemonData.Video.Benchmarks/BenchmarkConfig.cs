using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace LemonData.Video.Benchmarks;

/// <summary>
/// Small jobs, run in this process (no generated project to build), so that the whole run stays within
/// a few minutes on a 2-core machine. Ratios are against the [Benchmark(Baseline = true)] of each category.
/// </summary>
public static class BenchmarkJobs
{
    /// <summary>Microsecond operations: a few warm-up iterations, ten measured ones of ~250 ms each.</summary>
    public static Job Micro { get; } = Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(10)
        .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250))
        .WithId("Micro");

    /// <summary>Operations of seconds (a whole compilation): one invocation per iteration.</summary>
    public static Job Macro { get; } = Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithLaunchCount(1)
        .WithWarmupCount(2)
        .WithIterationCount(5)
        .WithInvocationCount(1)
        .WithUnrollFactor(1)
        .WithId("Macro");
}

/// <summary>The SDK's per-call benchmarks.</summary>
public sealed class MicroConfig : ManualConfig
{
    public MicroConfig()
    {
        AddJob(BenchmarkJobs.Micro);
        AddDiagnoser(MemoryDiagnoser.Default);
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
    }
}

/// <summary>The analyzer's whole-compilation benchmarks.</summary>
public sealed class MacroConfig : ManualConfig
{
    public MacroConfig()
    {
        AddJob(BenchmarkJobs.Macro);
        AddDiagnoser(MemoryDiagnoser.Default);
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
    }
}
