namespace LemonData.Video.Testing;

/// <summary>A kind of fault the simulator injects into an answer, as recorded in <see cref="SimulatorInjectedFault.Kind"/>.</summary>
public enum SimulatorFaultKind
{
    /// <summary>A 5xx answer with a <c>server_error</c> body. The request has no effect (a create makes no task).</summary>
    ServerError,

    /// <summary>A 429 with <c>Retry-After</c>. The request has no effect (a create makes no task).</summary>
    RateLimit,

    /// <summary>The request takes effect, and its answer is held back (past the client's attempt timeout, typically).</summary>
    SlowAnswer,

    /// <summary>
    /// The request takes effect and its answer arrives damaged, as a complete HTTP message: <see cref="SimulatorScript.GarbleNext"/>
    /// cuts it to two thirds; a <see cref="SimulatorFaultPlan"/> overwrites a span of it with control bytes (never valid JSON).
    /// </summary>
    Garbled,

    /// <summary>
    /// The request takes effect and its JSON answer is cut in the middle: either as a complete HTTP message whose
    /// <c>Content-Length</c> is the cut length, or announcing the full length and closing the connection mid-body.
    /// </summary>
    Truncated,

    /// <summary>The connection is aborted without any answer, before the request is processed: it has no effect.</summary>
    DroppedBeforeProcessing,

    /// <summary>
    /// The request is processed (a create makes its task), then the connection is aborted without any answer: the
    /// outcome is lost to the client.
    /// </summary>
    DroppedAfterProcessing,
}
