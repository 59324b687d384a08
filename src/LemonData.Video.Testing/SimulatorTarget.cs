using System;

namespace LemonData.Video.Testing;

/// <summary>Which requests a scripted fault of <see cref="SimulatorScript"/> applies to; combine with <c>|</c>.</summary>
[Flags]
public enum SimulatorTarget
{
    /// <summary>No request (not a valid target).</summary>
    None = 0,

    /// <summary><c>POST /v1/videos/generations</c>: creating a task.</summary>
    Create = 1,

    /// <summary><c>GET /v1/tasks/{id}</c> and <c>GET /v1/videos/generations/{id}</c>: reading a task.</summary>
    Poll = 2,

    /// <summary><c>DELETE /v1/tasks/{id}</c>: cancelling a task.</summary>
    Cancel = 4,

    /// <summary><c>GET /files/{id}.mp4</c>: downloading a video (the simulator's stand-in for the CDN).</summary>
    Download = 8,

    /// <summary><c>GET /v1/models</c> and <c>GET /v1/models/{model}</c>: reading the model list or one model.</summary>
    Models = 16,

    /// <summary>
    /// Every request about tasks (<see cref="Create"/>, <see cref="Poll"/>, <see cref="Cancel"/>); not model reads, not
    /// downloads. Model reads stay out so that a script written for a task's flow keeps hitting that flow when the client
    /// also looks a model up.
    /// </summary>
    Api = Create | Poll | Cancel,

    /// <summary>Every request: the API's, model reads and downloads.</summary>
    All = Api | Models | Download,
}
