using System;
using System.Collections.Concurrent;

namespace LemonData.Video.Testing;

/// <summary>The tasks a simulator has made, by id. Thread-safe: creates, reads and cancels arrive in parallel.</summary>
internal sealed class TaskStore
{
    private readonly ConcurrentDictionary<string, SimulatedTask> _tasks = new(StringComparer.Ordinal);

    public void Add(SimulatedTask task) => _tasks[task.Id] = task;

    public bool TryGet(string id, out SimulatedTask task) => _tasks.TryGetValue(id, out task!);
}
