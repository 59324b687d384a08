namespace LemonData.Video.Testing;

/// <summary>How the simulator spells a task's status (<see cref="LemonDataSimulatorOptions.StatusSpelling"/>).</summary>
public enum SimulatedStatusSpelling
{
    /// <summary>The four documented values: <c>pending</c>, <c>processing</c>, <c>completed</c>, <c>failed</c>.</summary>
    Canonical = 0,

    /// <summary>
    /// The other spellings the service's pages use, in turn with the canonical ones: <c>queued</c> for pending,
    /// <c>running</c> or <c>in_progress</c> for processing, <c>succeeded</c> or <c>success</c> for completed, <c>error</c> for
    /// a failure. A client must read each as what it means.
    /// </summary>
    Synonyms = 1,
}
