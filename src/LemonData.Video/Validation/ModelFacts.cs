using System.Collections.Generic;

namespace LemonData.Video;

/// <summary>
/// What the client knows of a request's model when it validates it: the configured catalog, the application's own
/// declarations, and what a lookup on the service said. <see cref="Snapshot"/> is the state of a client with no lookup.
/// </summary>
internal sealed class ModelFacts
{
    public static ModelFacts Snapshot { get; } = new(VideoModelCatalog.Snapshot, declaredModels: null);

    public ModelFacts(VideoModelCatalog catalog, IReadOnlyDictionary<string, VideoModelInfo>? declaredModels)
    {
        Catalog = catalog;
        DeclaredModels = declaredModels;
    }

    public VideoModelCatalog Catalog { get; }

    /// <summary><c>LemonDataVideoClientOptions.AdditionalModels</c> by id, or null when there are none.</summary>
    public IReadOnlyDictionary<string, VideoModelInfo>? DeclaredModels { get; }

    /// <summary>The service's answer for the request's model (it wins), or null.</summary>
    public VideoModelInfo? ServiceModel { get; init; }

    /// <summary>The lookup failed or timed out: no LDV0001, the API's limits only.</summary>
    public bool ModelUnverified { get; init; }

    /// <summary>The service answered 404 <c>model_not_found</c>.</summary>
    public bool ServiceSaidNotFound { get; init; }

    /// <summary>The service's model ids, for LDV0001's suggestion after a 404; null when not known.</summary>
    public IReadOnlyList<string>? ServiceModelIds { get; init; }

    /// <summary>A copy with what the service said of the model.</summary>
    public ModelFacts With(VideoModelInfo? serviceModel, bool unverified, bool notFound, IReadOnlyList<string>? serviceModelIds) =>
        new(Catalog, DeclaredModels)
        {
            ServiceModel = serviceModel,
            ModelUnverified = unverified,
            ServiceSaidNotFound = notFound,
            ServiceModelIds = serviceModelIds,
        };

    /// <summary>The model the rules will judge <paramref name="model"/> by, as <see cref="VideoRequestRules.CheckAllOrNull"/> picks it.</summary>
    public VideoModelInfo? Resolve(string? model)
    {
        if (ServiceModel is not null || ServiceSaidNotFound)
        {
            return ServiceModel;
        }

        if (VideoRequestRules.FindEffectiveModel(model, Catalog) is { } known)
        {
            return known;
        }

        return model is not null && DeclaredModels is not null && DeclaredModels.TryGetValue(model, out var declared) ? declared : null;
    }
}
