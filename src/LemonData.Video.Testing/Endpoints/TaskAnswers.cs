using System;

namespace LemonData.Video.Testing;

/// <summary>A task as a read or a cancel answers it, with the URL of its video on the simulator's own stand-in CDN.</summary>
internal sealed class TaskAnswers
{
    private readonly SimulatedApiGeneration _generation;
    private readonly Func<string> _origin;
    private readonly int _outputsPerTask;
    private readonly StatusSpellings _statuses;

    // The origin is asked for at each answer: it is known only once Kestrel has bound its port, after the endpoints are made.
    public TaskAnswers(SimulatedApiGeneration generation, Func<string> origin, int outputsPerTask = 1, SimulatedStatusSpelling spelling = SimulatedStatusSpelling.Canonical)
    {
        _statuses = new StatusSpellings(spelling);
        _generation = generation;
        _origin = origin;
        _outputsPerTask = outputsPerTask;
    }

    public SimResponse For(SimulatedTask task, TaskSnapshot state)
    {
        var videoUrl = VideoDownloadEndpoint.Url(_origin(), task.Id);
        var videoUrls = new string[_outputsPerTask];
        videoUrls[0] = videoUrl;
        for (var output = 2; output <= _outputsPerTask; output++)
        {
            videoUrls[output - 1] = VideoDownloadEndpoint.Url(_origin(), task.Id, output);
        }

        return SimResponse.Json(200, WireJson.Task(_generation, task, state, videoUrls, SampleVideoFile.Facts, _statuses.For(state.Stage)));
    }
}
