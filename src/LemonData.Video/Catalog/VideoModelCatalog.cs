using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace LemonData.Video;

/// <summary>
/// The models this SDK knows, generated from the <c>x-lemondata-models</c> list of the OpenAPI document.
/// The service adds models more often than the SDK ships: an id missing here may still be valid
/// (turn off <c>LemonDataVideoClientOptions.ValidateRequests</c> to send it).
/// </summary>
public static partial class VideoModelCatalog
{
    private static readonly VideoModelInfo[] Models = CreateModels();
    private static readonly Dictionary<string, VideoModelInfo> ModelsById = IndexById(Models);

    /// <summary>Every model of the catalog, in the order of the service's documentation.</summary>
    public static IReadOnlyList<VideoModelInfo> All { get; } = new ReadOnlyCollection<VideoModelInfo>(Models);

    /// <summary>Finds a model by its exact id (ids are case-sensitive, as on the wire).</summary>
    /// <param name="id">A model id, for example <c>sora-2</c>.</param>
    /// <param name="info">The model, when found.</param>
    /// <returns><see langword="true"/> when the catalog has the model.</returns>
    public static bool TryGet(string? id, out VideoModelInfo info)
    {
        if (id is not null && ModelsById.TryGetValue(id, out var found))
        {
            info = found;
            return true;
        }

        info = null!;
        return false;
    }

    /// <summary>Whether the catalog has a model with this exact id.</summary>
    public static bool Contains(string? id) => id is not null && ModelsById.ContainsKey(id);

    private static Dictionary<string, VideoModelInfo> IndexById(VideoModelInfo[] models)
    {
        var index = new Dictionary<string, VideoModelInfo>(models.Length, StringComparer.Ordinal);
        foreach (var model in models)
        {
            index.Add(model.Id, model);
        }

        return index;
    }
}
