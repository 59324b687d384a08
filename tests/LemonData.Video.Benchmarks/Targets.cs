using System;
using System.Collections.Generic;
using System.Linq;

namespace LemonData.Video.Benchmarks;

/// <summary>The issue's targets, each with what was measured: printed at the end, and the run fails if any does not hold.</summary>
public static class Targets
{
    private static readonly List<(string Area, string Target, string Measured, bool Holds)> Results = new();

    public static bool AllHold => Results.All(result => result.Holds);

    public static void Check(string area, string target, string measured, bool holds)
    {
        Results.Add((area, target, measured, holds));
        Console.WriteLine($"  [{(holds ? "PASS" : "FAIL")}] {area}: {target} - measured {measured}");
    }

    public static void PrintSummary()
    {
        Console.WriteLine();
        Console.WriteLine("// * Targets (issue 7) *");
        Console.WriteLine("| Area | Target | Measured | Holds |");
        Console.WriteLine("| --- | --- | --- | --- |");
        foreach (var (area, target, measured, holds) in Results)
        {
            Console.WriteLine($"| {area} | {target} | {measured} | {(holds ? "yes" : "**NO**")} |");
        }

        Console.WriteLine();
        Console.WriteLine(AllHold
            ? $"All {Results.Count} targets hold."
            : $"{Results.Count(r => !r.Holds)} of {Results.Count} targets do NOT hold (see above); exiting with code 1.");
    }
}
