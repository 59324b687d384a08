using System.Threading;

namespace LemonData.Video.Testing;

/// <summary>
/// The wire status of a task stage. With <see cref="SimulatedStatusSpelling.Synonyms"/> every answer takes the next spelling
/// of its stage in turn (a counter shared by the simulator, so a soak of many tasks sees them all, in a repeatable order).
/// </summary>
internal sealed class StatusSpellings
{
    private static readonly string[] Pending = { "pending", "queued" };
    private static readonly string[] Processing = { "processing", "running", "in_progress" };
    private static readonly string[] Completed = { "completed", "succeeded", "success" };
    private static readonly string[] Failed = { "failed", "error" };

    private readonly bool _synonyms;
    private int _turn;

    public StatusSpellings(SimulatedStatusSpelling spelling) => _synonyms = spelling == SimulatedStatusSpelling.Synonyms;

    public string For(TaskStage stage)
    {
        var spellings = stage switch
        {
            TaskStage.Pending => Pending,
            TaskStage.Processing => Processing,
            TaskStage.Completed => Completed,
            _ => Failed,
        };

        // A cancelled task keeps "failed" with "cancelled": true, as the service documents it.
        if (!_synonyms || stage == TaskStage.Cancelled)
        {
            return spellings[0];
        }

        var turn = Interlocked.Increment(ref _turn) & int.MaxValue;
        return spellings[turn % spellings.Length];
    }
}
