using System;

namespace LemonData.Video.Testing;

/// <summary>A task as a read or a cancel answers it, with the URL of its video on the simulator's own stand-in CDN.</summary>
internal sealed class TaskAnswers
{
    private readonly SimulatedApiGeneration _generation;
    private readonly Func<string> _origin;

    // The origin is asked for at each answer: it is known only once Kestrel has bound its port, after the endpoints are made.
    public TaskAnswers(SimulatedApiGeneration generation, Func<string> origin)
    {
        _generation = generation;
        _origin = origin;
    }

    public SimResponse For(SimulatedTask task, TaskSnapshot state) =>
        SimResponse.Json(200, WireJson.Task(_generation, task, state, VideoDownloadEndpoint.Url(_origin(), task.Id), SampleVideoFile.Facts));
}
