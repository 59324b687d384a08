#nullable enable

using System.Collections.Generic;

namespace LemonData.Video;

/// <summary>
/// The per-model lists of the service's request contract (<c>GET /v1/models/{model}</c>, or an entry of
/// <c>lemondata-models.json</c>), as read: a list that is <see langword="null"/> was not given and is unknown.
/// </summary>
internal sealed class VideoModelContract
{
    public VideoModelContract(
        IReadOnlyList<string>? operations,
        IReadOnlyList<int>? durations,
        IReadOnlyList<string>? resolutions,
        IReadOnlyList<string>? aspectRatios,
        IReadOnlyList<string>? supportedParameters)
    {
        Operations = operations;
        Durations = durations;
        Resolutions = resolutions;
        AspectRatios = aspectRatios;
        SupportedParameters = supportedParameters;
    }

    public IReadOnlyList<string>? Operations { get; }

    public IReadOnlyList<int>? Durations { get; }

    public IReadOnlyList<string>? Resolutions { get; }

    public IReadOnlyList<string>? AspectRatios { get; }

    public IReadOnlyList<string>? SupportedParameters { get; }
}
