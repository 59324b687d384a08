namespace LemonData.Video;

/// <summary>
/// When the client asks the service about a request's model (<c>GET /v1/models/{model}</c>) before it validates the
/// request (<see cref="LemonDataVideoClientOptions.ModelLookup"/>). The service changes its models weekly; the catalog
/// compiled into the SDK is a snapshot, and the service is the judge of its own models.
/// </summary>
public enum ModelLookup
{
    /// <summary>
    /// A model missing from the configured catalog (and from <see cref="LemonDataVideoClientOptions.AdditionalModels"/>) is
    /// looked up once before LDV0001 is raised; the service's answer and its lists then apply. The default.
    /// </summary>
    MissingModels = 0,

    /// <summary>
    /// As <see cref="MissingModels"/>, and a model of the catalog (or of <see cref="LemonDataVideoClientOptions.AdditionalModels"/>)
    /// that has no lists (durations, resolutions, aspect ratios, supported parameters) is looked up too, so that the service's
    /// lists are enforced for it; the service's answer then wins over the catalog's description. A model that has lists is
    /// never looked up.
    /// </summary>
    AllModels = 1,

    /// <summary>Nothing is looked up: a model missing from the catalog is LDV0001, as the analyzer reports it.</summary>
    None = 2,
}
