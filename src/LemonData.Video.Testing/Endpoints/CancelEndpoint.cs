using System;

namespace LemonData.Video.Testing;

/// <summary><c>DELETE /v1/tasks/{id}</c> (generation C): cancels a task, which only queued Seedance tasks allow.</summary>
internal sealed class CancelEndpoint
{
    private readonly TaskStore _tasks;
    private readonly TaskAnswers _answers;
    private readonly SimulatedModels _models;

    public CancelEndpoint(TaskStore tasks, TaskAnswers answers, SimulatedModels models)
    {
        _tasks = tasks;
        _answers = answers;
        _models = models;
    }

    public SimResponse Handle(string taskId, string key)
    {
        if (!_tasks.TryGet(taskId, out var task))
        {
            return SimResponse.TaskNotFound();
        }

        if (task.OwnerKey != key)
        {
            return SimResponse.Json(403, WireJson.Error("You do not have access to this task.", "permission_error", "forbidden"));
        }

        if (!_models.TryGet(task.Model, out var info) || !string.Equals(info.Family, "Seedance", StringComparison.Ordinal))
        {
            return SimResponse.Json(400, WireJson.Error(
                "This task does not support cancellation: only queued tasks of Seedance models can be cancelled.",
                "invalid_request_error",
                "unsupported_task_cancel"));
        }

        if (task.TryCancel() == CancelOutcome.NotCancellable)
        {
            return SimResponse.Json(409, WireJson.Error(
                "The task is already running and can no longer be cancelled.",
                "invalid_request_error",
                "task_not_cancellable"));
        }

        // Cancelling a cancelled task again answers the same: a retried DELETE whose first answer was lost succeeds.
        return _answers.For(task, task.Observe(countAsRead: false));
    }
}
