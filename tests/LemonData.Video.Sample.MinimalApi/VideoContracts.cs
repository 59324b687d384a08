namespace LemonData.Video.Sample.MinimalApi;

/// <summary>What a caller of the sample posts.</summary>
/// <param name="Prompt">What the video shows.</param>
/// <param name="Model">A model id (default sora-2).</param>
/// <param name="Duration">Seconds.</param>
public sealed record CreateVideo(string Prompt, string? Model = null, int? Duration = null);

/// <summary>What the sample answers about a task.</summary>
/// <param name="Id">The task id.</param>
/// <param name="Status">pending, processing, completed or failed.</param>
/// <param name="Progress">0-100, when the service reports it.</param>
/// <param name="Error">Why the task failed.</param>
public sealed record VideoView(string Id, string Status, double? Progress, string? Error)
{
    /// <summary>Maps the SDK's task.</summary>
    public static VideoView From(VideoTask task) => new(task.Id, task.Status.ToString(), task.Progress, task.Error);
}
