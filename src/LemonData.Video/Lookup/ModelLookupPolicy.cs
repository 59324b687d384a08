using System.Collections.Generic;

namespace LemonData.Video;

/// <summary>
/// Whether a request's model is looked up on the service before validation (<see cref="ModelLookup"/>). Asked for every
/// create, so the answer for a model the catalog describes costs one dictionary look-up and nothing else.
/// </summary>
internal sealed class ModelLookupPolicy
{
    private readonly ModelLookup _mode;
    private readonly VideoModelCatalog _catalog;
    private readonly IReadOnlyDictionary<string, VideoModelInfo>? _declaredModels;

    public ModelLookupPolicy(ModelLookup mode, VideoModelCatalog catalog, IReadOnlyDictionary<string, VideoModelInfo>? declaredModels)
    {
        _mode = mode;
        _catalog = catalog;
        _declaredModels = declaredModels;
    }

    /// <summary>
    /// The id to look up for a request whose <c>Model</c> is <paramref name="model"/> (unset: the service's default), or
    /// <see langword="null"/> when the catalog or the application already says enough: with
    /// <see cref="ModelLookup.MissingModels"/>, any model it has; with <see cref="ModelLookup.AllModels"/>, any model it
    /// has with lists. An id that could not be a path segment (empty, white space, a prompt pasted into <c>Model</c>) or that
    /// holds an API key is never sent: LDV0001 says what is wrong with it.
    /// </summary>
    public string? IdToLookUp(string? model)
    {
        if (_mode == ModelLookup.None)
        {
            return null;
        }

        var id = model ?? VideoModels.Default;
        if (_catalog.TryGetModel(id, out var known) || (_declaredModels is not null && _declaredModels.TryGetValue(id, out known)))
        {
            return _mode == ModelLookup.AllModels && !known.HasContractLists ? id : null;
        }

        // An API key pasted into Model would travel in a URL path, which proxies, traces and logs keep: never looked up.
        return VideoModelMapper.IsModelId(id) && id.Trim().Length == id.Length && !SecretRedactor.ContainsKeyShapedToken(id) ? id : null;
    }
}
