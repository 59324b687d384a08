using System.Threading;

namespace LemonData.Video.Testing;

/// <summary>
/// One fault the simulator injected, as recorded in <see cref="LemonDataSimulator.InjectedFaults"/> and
/// <see cref="SimulatorRequest.Fault"/>: what it did, and whether the request took effect anyway.
/// </summary>
public sealed class SimulatorInjectedFault
{
    private int _taskIdInAnswer;

    internal SimulatorInjectedFault(SimulatorFaultKind kind, SimulatorRequest request, bool random, string detail)
    {
        Kind = kind;
        Request = request;
        Random = random;
        Detail = detail;
    }

    /// <summary>The kind of fault.</summary>
    public SimulatorFaultKind Kind { get; }

    /// <summary>The request that took it.</summary>
    public SimulatorRequest Request { get; }

    /// <summary>Whether a <see cref="SimulatorFaultPlan"/> drew it (rather than a fault scripted one by one).</summary>
    public bool Random { get; }

    /// <summary>What exactly was done, for example <c>cut at 37 of 180 bytes, connection closed mid-body</c>.</summary>
    public string Detail { get; private set; }

    /// <summary>
    /// Whether the request was processed: a rate limit, a server error and a drop before processing have no effect;
    /// the other kinds do (though a create may still be refused by validation: see <see cref="TaskId"/>).
    /// </summary>
    public bool TookEffect { get; internal set; }

    /// <summary>For a create that made a task despite the fault: the task's id (the service has it; the client may not).</summary>
    public string? TaskId => Request.CreatedTaskId;

    /// <summary>
    /// For a create that made a task: whether the part of the answer that reached the wire intact (before the cut or
    /// the damage) carried the whole task id (<c>"id":"..."</c> or <c>"task_id":"..."</c>), so that a careful client can
    /// find it. False when the answer was lost entirely (a drop, a slow answer the client gave up on).
    /// </summary>
    public bool TaskIdInAnswer
    {
        get => Volatile.Read(ref _taskIdInAnswer) != 0;
        internal set => Volatile.Write(ref _taskIdInAnswer, value ? 1 : 0);
    }

    internal void AppendDetail(string more) => Detail = Detail.Length == 0 ? more : Detail + "; " + more;

    /// <inheritdoc />
    public override string ToString() =>
        Kind + " on " + Request.Method + " " + Request.Path + (Detail.Length == 0 ? string.Empty : " (" + Detail + ")")
        + (TaskId is null ? string.Empty : ", made task " + TaskId + (TaskIdInAnswer ? " (id in the answer)" : " (id lost)"));
}
