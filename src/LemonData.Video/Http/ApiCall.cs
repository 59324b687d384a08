using System;

namespace LemonData.Video;

/// <summary>
/// One logical request to the API, however many attempts it takes. A struct, and its words for an error
/// message are joined only when an error needs them, because every poll makes one and almost every poll succeeds.
/// </summary>
internal readonly struct ApiCall
{
    private readonly string _actionVerb;
    private readonly string _actionSubject;

    /// <param name="operation">The endpoint.</param>
    /// <param name="uri">The address of this request.</param>
    /// <param name="actionVerb">What the SDK is doing, for an error message ("getting task").</param>
    /// <param name="actionSubject">What it is doing it to ("ldtask_..."): quoted after the verb.</param>
    public ApiCall(WireOperation operation, Uri uri, string actionVerb, string actionSubject)
    {
        Operation = operation;
        Uri = uri;
        _actionVerb = actionVerb;
        _actionSubject = actionSubject;
    }

    public WireOperation Operation { get; }

    public Uri Uri { get; }

    /// <summary>What the SDK is doing, in words for an error message ("getting task 'x'").</summary>
    public string Action => _actionVerb + " '" + _actionSubject + "'";

    /// <summary>The JSON body, already serialized (so every attempt sends the same bytes).</summary>
    public byte[]? JsonBody { get; init; }

    /// <summary>The task concerned, so that an error can name it.</summary>
    public string? TaskId { get; init; }

    /// <summary>
    /// The largest success body read, in bytes; 0 for <see cref="ApiRequestSender.MaxJsonBodyBytes"/>. A task is a few hundred
    /// bytes, but a list of the service's models is larger (and a service that ignores the category filter lists them all).
    /// </summary>
    public int MaxBodyBytes { get; init; }
}
