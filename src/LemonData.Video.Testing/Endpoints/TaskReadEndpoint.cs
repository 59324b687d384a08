namespace LemonData.Video.Testing;

/// <summary>
/// <c>GET /v1/tasks/{id}</c> and the legacy <c>GET /v1/videos/generations/{id}</c>: reads a task, which moves it along
/// (a task's stages advance with the reads it has seen, see <see cref="LemonDataSimulatorOptions.PollsPerStage"/>).
/// </summary>
internal sealed class TaskReadEndpoint
{
    public const string TaskPrefix = "/v1/tasks/";

    /// <summary>Generation A's read path, which later generations keep for compatibility.</summary>
    public const string LegacyTaskPrefix = CreateEndpoint.Path + "/";

    private readonly TaskStore _tasks;
    private readonly TaskAnswers _answers;

    public TaskReadEndpoint(TaskStore tasks, TaskAnswers answers)
    {
        _tasks = tasks;
        _answers = answers;
    }

    public SimResponse Handle(string taskId, string key)
    {
        // Another account's task reads as unknown: the service does not confirm that it exists.
        if (!_tasks.TryGet(taskId, out var task) || task.OwnerKey != key)
        {
            return SimResponse.TaskNotFound();
        }

        return _answers.For(task, task.Observe(countAsRead: true));
    }
}
