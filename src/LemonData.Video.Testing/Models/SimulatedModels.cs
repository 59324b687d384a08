using System;
using System.Collections.Generic;

namespace LemonData.Video.Testing;

/// <summary>
/// The models a running simulator knows: a copy of <see cref="LemonDataSimulatorOptions.Models"/> taken at start, in its
/// order. A later entry with the id of an earlier one replaces it in place, as <see cref="VideoModelCatalog.Create"/> does.
/// </summary>
internal sealed class SimulatedModels
{
    private readonly List<VideoModelInfo> _models = new();
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);

    public SimulatedModels(IEnumerable<VideoModelInfo> models)
    {
        foreach (var model in models)
        {
            if (model is null)
            {
                throw new ArgumentException("A model of LemonDataSimulatorOptions.Models is null.", nameof(models));
            }

            if (_positions.TryGetValue(model.Id, out var position))
            {
                _models[position] = model;
            }
            else
            {
                _positions.Add(model.Id, _models.Count);
                _models.Add(model);
            }
        }
    }

    public IReadOnlyList<VideoModelInfo> All => _models;

    /// <summary>Finds a model by its exact id (case-sensitive, as on the wire).</summary>
    public bool TryGet(string id, out VideoModelInfo model)
    {
        if (_positions.TryGetValue(id, out var position))
        {
            model = _models[position];
            return true;
        }

        model = null!;
        return false;
    }

    /// <summary>The known id closest to a mistyped one, for <c>did_you_mean</c>; null when no model is known.</summary>
    public string? Closest(string id) => ModelSuggestion.Closest(id, _models);
}
