using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LemonData.Video.Benchmarks.Analyzer;

/// <summary>
/// The time an analyzer spends in its own callbacks, measured from outside it: the analyzer is initialized with an
/// <see cref="AnalysisContext"/> that wraps every action it registers in a stopwatch. This is the part of a run that is
/// the analyzer's alone (the driver's work around it, and the compiler's, are the same for any analyzer with the same
/// registrations and output), and it is far steadier on a busy machine than the difference of two whole runs.
/// Roslyn 4.8's own <c>logAnalyzerExecutionTime</c> reads back zero here, hence this. On Linux the time is the calling
/// thread's CPU time (<c>CLOCK_THREAD_CPUTIME_ID</c>), which another process's load does not inflate; elsewhere, elapsed time.
/// </summary>
public sealed class CallbackTimer
{
    private long _ticks;
    private long _calls;

    public TimeSpan Elapsed => ThreadClock.IsAvailable
        ? TimeSpan.FromTicks(Interlocked.Read(ref _ticks) / 100)
        : Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    public long Calls => Interlocked.Read(ref _calls);

    public void Reset()
    {
        Interlocked.Exchange(ref _ticks, 0);
        Interlocked.Exchange(ref _calls, 0);
    }

    /// <summary><paramref name="analyzer"/> with every callback it registers timed by this timer.</summary>
    public DiagnosticAnalyzer Wrap(DiagnosticAnalyzer analyzer) => new TimedAnalyzer(analyzer, this);

    internal Action<T> Time<T>(Action<T> action) => argument =>
    {
        var start = ThreadClock.Now();
        try
        {
            action(argument);
        }
        finally
        {
            Interlocked.Add(ref _ticks, ThreadClock.Now() - start);
            Interlocked.Increment(ref _calls);
        }
    };

    // The calling thread's CPU time in nanoseconds (Linux), or Stopwatch ticks.
    private static class ThreadClock
    {
        private const int ThreadCpuTimeClock = 3; // CLOCK_THREAD_CPUTIME_ID

        public static readonly bool IsAvailable = OperatingSystem.IsLinux() && Probe();

        public static long Now()
        {
            if (!IsAvailable)
            {
                return Stopwatch.GetTimestamp();
            }

            clock_gettime(ThreadCpuTimeClock, out var time);
            return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
        }

        private static bool Probe()
        {
            try
            {
                return clock_gettime(ThreadCpuTimeClock, out _) == 0;
            }
            catch (DllNotFoundException)
            {
                return false;
            }
            catch (EntryPointNotFoundException)
            {
                return false;
            }
        }

        [System.Runtime.InteropServices.DllImport("libc", SetLastError = false)]
        private static extern int clock_gettime(int clock, out TimeSpec time);

        [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }
    }

#pragma warning disable RS1025, RS1026, RS1036 // Registration is the wrapped analyzer's; a benchmark, not a shipped analyzer.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class TimedAnalyzer : DiagnosticAnalyzer
    {
        private readonly DiagnosticAnalyzer _inner;
        private readonly CallbackTimer _timer;

        public TimedAnalyzer(DiagnosticAnalyzer inner, CallbackTimer timer)
        {
            _inner = inner;
            _timer = timer;
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

        public override void Initialize(AnalysisContext context) => _inner.Initialize(new TimedAnalysisContext(context, _timer));
    }
#pragma warning restore RS1025, RS1026, RS1036

    private sealed class TimedAnalysisContext : AnalysisContext
    {
        private readonly AnalysisContext _inner;
        private readonly CallbackTimer _timer;

        public TimedAnalysisContext(AnalysisContext inner, CallbackTimer timer)
        {
            _inner = inner;
            _timer = timer;
        }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _inner.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void EnableConcurrentExecution() => _inner.EnableConcurrentExecution();

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            _inner.RegisterCompilationStartAction(_timer.Time<CompilationStartAnalysisContext>(start => action(new TimedCompilationStartContext(start, _timer))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationAction(_timer.Time(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(_timer.Time(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _inner.RegisterSymbolAction(_timer.Time(action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _inner.RegisterCodeBlockStartAction(_timer.Time(action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(_timer.Time(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(_timer.Time(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => _inner.RegisterSyntaxNodeAction(_timer.Time(action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _inner.RegisterOperationAction(_timer.Time(action), operationKinds);

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _inner.RegisterAdditionalFileAction(_timer.Time(action));
    }

    private sealed class TimedCompilationStartContext : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext _inner;
        private readonly CallbackTimer _timer;

#pragma warning disable RS1012 // The wrapped start action registers through this context.
        public TimedCompilationStartContext(CompilationStartAnalysisContext inner, CallbackTimer timer)
            : base(inner.Compilation, inner.Options, inner.CancellationToken)
        {
            _inner = inner;
            _timer = timer;
        }
#pragma warning restore RS1012

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationEndAction(_timer.Time(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(_timer.Time(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _inner.RegisterSymbolAction(_timer.Time(action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _inner.RegisterCodeBlockStartAction(_timer.Time(action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(_timer.Time(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(_timer.Time(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => _inner.RegisterSyntaxNodeAction(_timer.Time(action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _inner.RegisterOperationAction(_timer.Time(action), operationKinds);

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _inner.RegisterAdditionalFileAction(_timer.Time(action));
    }
}
