using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace LemonData.Video;

/// <summary>
/// A set of video models the SDK checks requests against. <see cref="Snapshot"/> is the list this SDK was built with
/// (generated from the <c>x-lemondata-models</c> list of the OpenAPI document); the service changes its models weekly,
/// so a newer list is loaded from <c>lemondata-models.json</c> (<see cref="Load(string)"/>, written by
/// <c>lemondata-video models sync</c>) and the client looks up on the service a model its catalog lacks.
/// </summary>
/// <remarks>Immutable and safe to share between threads and clients.</remarks>
public sealed partial class VideoModelCatalog
{
    private readonly VideoModelInfo[] models;
    private readonly Dictionary<string, VideoModelInfo> modelsById;

    private VideoModelCatalog(VideoModelInfo[] models, string? source, DateTimeOffset? syncedAt)
    {
        this.models = models;
        modelsById = IndexById(models);
        Models = new ReadOnlyCollection<VideoModelInfo>(models);
        Source = source;
        SyncedAt = syncedAt;
    }

    /// <summary>The models this SDK was built with: the seed's models and the newer ids known when it shipped, without per-model lists.</summary>
    public static VideoModelCatalog Snapshot { get; } = new(CreateModels(), source: null, syncedAt: null);

    /// <summary>Every model of <see cref="Snapshot"/>, in the order of the service's documentation.</summary>
    public static IReadOnlyList<VideoModelInfo> All => Snapshot.Models;

    /// <summary>Every model of this catalog: the snapshot's, in their order, then the ones only a file or the service knows.</summary>
    public IReadOnlyList<VideoModelInfo> Models { get; }

    /// <summary>Where a loaded file says it was synced from (its <c>source</c>), or <see langword="null"/>.</summary>
    public string? Source { get; }

    /// <summary>When a loaded file says it was synced (its <c>synced_at</c>), or <see langword="null"/>.</summary>
    public DateTimeOffset? SyncedAt { get; }

    /// <summary>Finds a model of <see cref="Snapshot"/> by its exact id (ids are case-sensitive, as on the wire).</summary>
    /// <param name="id">A model id, for example <c>sora-2</c>.</param>
    /// <param name="info">The model, when found.</param>
    /// <returns><see langword="true"/> when the snapshot has the model.</returns>
    public static bool TryGet(string? id, out VideoModelInfo info) => Snapshot.TryGetModel(id, out info);

    /// <summary>Whether <see cref="Snapshot"/> has a model with this exact id.</summary>
    public static bool Contains(string? id) => Snapshot.ContainsModel(id);

    /// <summary>
    /// A catalog of the snapshot extended by <paramref name="models"/>: a model with a snapshot id replaces the
    /// snapshot's entry, the others are added in the order given (a later duplicate replaces an earlier one).
    /// </summary>
    /// <param name="models">Descriptions of models, for example from <c>LemonDataVideoClient.ListVideoModelsAsync</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="models"/> or one of them is null.</exception>
    public static VideoModelCatalog Create(IEnumerable<VideoModelInfo> models) => Snapshot.With(models ?? throw new ArgumentNullException(nameof(models)));

    /// <summary>Finds a model of this catalog by its exact id (ids are case-sensitive, as on the wire).</summary>
    /// <param name="id">A model id, for example <c>seedance-2.0-fast</c>.</param>
    /// <param name="info">The model, when found.</param>
    /// <returns><see langword="true"/> when this catalog has the model.</returns>
    public bool TryGetModel(string? id, out VideoModelInfo info)
    {
        if (id is not null && modelsById.TryGetValue(id, out var found))
        {
            info = found;
            return true;
        }

        info = null!;
        return false;
    }

    /// <summary>Whether this catalog has a model with this exact id.</summary>
    public bool ContainsModel(string? id) => id is not null && modelsById.ContainsKey(id);

    /// <summary>This catalog extended by <paramref name="added"/>, as <see cref="Create"/> extends the snapshot.</summary>
    internal VideoModelCatalog With(IEnumerable<VideoModelInfo> added, string? source = null, DateTimeOffset? syncedAt = null)
    {
        var merged = new List<VideoModelInfo>(models);
        var positions = new Dictionary<string, int>(merged.Count, StringComparer.Ordinal);
        for (var i = 0; i < merged.Count; i++)
        {
            positions[merged[i].Id] = i;
        }

        foreach (var model in added)
        {
            if (model is null)
            {
                throw new ArgumentNullException(nameof(added), "A model of the list is null.");
            }

            if (positions.TryGetValue(model.Id, out var position))
            {
                merged[position] = model;
            }
            else
            {
                positions.Add(model.Id, merged.Count);
                merged.Add(model);
            }
        }

        return new VideoModelCatalog(merged.ToArray(), source ?? Source, syncedAt ?? SyncedAt);
    }

    /// <summary>The snapshot extended by what <paramref name="content"/> read from a file; its problems are the caller's to report.</summary>
    internal static VideoModelCatalog FromFile(CatalogFileContent content) =>
        content.IsUnusable ? Snapshot : Snapshot.With(content.Models, content.Source, content.SyncedAt);

    private static Dictionary<string, VideoModelInfo> IndexById(VideoModelInfo[] models)
    {
        var index = new Dictionary<string, VideoModelInfo>(models.Length, StringComparer.Ordinal);
        foreach (var model in models)
        {
            index[model.Id] = model;
        }

        return index;
    }
}
