using System;

namespace LemonData.Video.Testing;

/// <summary><c>POST /v1/videos/generations</c>: checks the body as the service does, against the models it knows, and makes a task.</summary>
internal sealed class CreateEndpoint
{
    public const string Path = "/v1/videos/generations";

    private readonly SimulatedApiGeneration _generation;
    private readonly TaskStore _tasks;
    private readonly SimulatorScript _script;
    private readonly TimeSpan _processingTime;
    private readonly int _pollsPerStage;
    private readonly Action<SimulatorRequest> _taskCreated;
    private readonly SimulatedModels _models;
    private readonly SimulatedAccount _account;

    // taskCreated records the create that made a task, for LemonDataSimulator.CreatedTasks.
    public CreateEndpoint(
        SimulatedApiGeneration generation,
        TaskStore tasks,
        SimulatorScript script,
        TimeSpan processingTime,
        int pollsPerStage,
        Action<SimulatorRequest> taskCreated,
        SimulatedModels models,
        SimulatedAccount account)
    {
        _generation = generation;
        _tasks = tasks;
        _script = script;
        _processingTime = processingTime;
        _pollsPerStage = pollsPerStage;
        _taskCreated = taskCreated;
        _models = models;
        _account = account;
    }

    public SimResponse Handle(byte[] body, string key, SimulatorRequest recorded)
    {
        var error = ServiceRules.CheckCreate(body, _models, out var model);
        if (error is not null)
        {
            return error;
        }

        // Charged only once the request is known to be valid: the service refuses a bad request for free.
        if (!_account.TryCharge(out var balance))
        {
            return SimResponse.InsufficientBalance(balance, _account.VideoCost);
        }

        // The two generations' id styles, as their pages show them: generation C's are opaque `ldtask_<32 hex>`.
        var id = _generation == SimulatedApiGeneration.A
            ? "video_" + Guid.NewGuid().ToString("N").Substring(0, 24)
            : "ldtask_" + Guid.NewGuid().ToString("N");
        var task = new SimulatedTask(id, model, key, _script.TakeTaskFailure(), _processingTime, _pollsPerStage);
        _tasks.Add(task);
        recorded.SetCreatedTaskId(id);
        _taskCreated(recorded);
        return SimResponse.Json(200, WireJson.CreateAnswer(_generation, task));
    }
}
