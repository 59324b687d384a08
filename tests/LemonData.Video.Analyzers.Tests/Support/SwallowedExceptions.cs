extern alias Analyzers;

using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Runtime.CompilerServices;
using VideoRequestAnalyzer = Analyzers::LemonData.Video.Analyzers.VideoRequestAnalyzer;

namespace LemonData.Video.Analyzers.Tests.Support;

/// <summary>
/// Collects the exceptions the analyzers swallow in any test (they never reach the user as AD0001), so that a bug
/// cannot pass for the silence a test expects.
/// </summary>
internal static class SwallowedExceptions
{
    private static readonly ConcurrentQueue<Exception> Seen = new();

    [ModuleInitializer]
    internal static void Observe() => VideoRequestAnalyzer.SwallowedExceptionObserver = Seen.Enqueue;

    public static void AssertNone() =>
        Assert.True(Seen.IsEmpty, "an analyzer swallowed an exception:\n" + string.Join("\n\n", Seen.Select(exception => exception.ToString())));
}
