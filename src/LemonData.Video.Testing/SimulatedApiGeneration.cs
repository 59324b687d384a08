namespace LemonData.Video.Testing;

/// <summary>Which published generation of the LemonData video API the simulator answers as.</summary>
public enum SimulatedApiGeneration
{
    /// <summary>
    /// The original (seed) API: a create answers <c>{"task_id", "status", "model", "created_at"}</c>, tasks are read
    /// at <c>GET /v1/videos/generations/{id}</c> only (<c>/v1/tasks/{id}</c> answers 404, as on a service that does
    /// not have that route), a task's timestamps are <c>created_at</c>/<c>completed_at</c>, and there is no cancel.
    /// <c>GET /v1/models</c> and <c>GET /v1/models/{model}</c> answer as the pages before the rebrand show them: the
    /// service's metadata in a <c>lemondata</c> object, a model's lists in its <c>public_contract</c>.
    /// </summary>
    A,

    /// <summary>
    /// The latest API: a create answers <c>{"id", "task_id", "poll_url", "status", "model", "created"}</c>, tasks are
    /// read at <c>GET /v1/tasks/{id}</c> (the legacy path works too), timestamps are <c>created</c>/<c>updated</c>,
    /// the result is in <c>video_url</c> and <c>video</c>, and <c>DELETE /v1/tasks/{id}</c> cancels a queued Seedance task.
    /// The models endpoints put the service's metadata in a <c>tokenlab</c> object, a model's lists in its
    /// <c>request_format_details</c>.
    /// </summary>
    C,
}
