using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace LemonData.Video.Analyzers.Configuration;

/// <summary>
/// The models one value of <c>lemondata_video.extra_models</c> declares beside the catalog, and the entries it could
/// not use. A model declared without capabilities has <see cref="VideoCapabilities.None"/>: the capability rules know
/// nothing about it and stay silent.
/// </summary>
internal sealed class ExtraModels
{
    private readonly Dictionary<string, VideoModelInfo> models;
    private readonly Dictionary<string, string> entries;

    public ExtraModels(Dictionary<string, VideoModelInfo> models, Dictionary<string, string> entries, ImmutableArray<ExtraModelProblem> problems)
    {
        this.models = models;
        this.entries = entries;
        Problems = problems;
    }

    /// <summary>No model declared: the option is not set.</summary>
    public static ExtraModels None { get; } = new(
        new Dictionary<string, VideoModelInfo>(StringComparer.Ordinal),
        new Dictionary<string, string>(StringComparer.Ordinal),
        ImmutableArray<ExtraModelProblem>.Empty);

    /// <summary>Each declared model's id with its entry as written, trimmed.</summary>
    public IEnumerable<KeyValuePair<string, string>> Entries => entries;

    /// <summary>The entries that are not used as written, in the order they were written.</summary>
    public ImmutableArray<ExtraModelProblem> Problems { get; }

    /// <summary>How many models are declared.</summary>
    public int Count => models.Count;

    /// <summary>The declared model <paramref name="id"/> (ordinal, as on the wire).</summary>
    public bool TryGet(string id, out VideoModelInfo info) => models.TryGetValue(id, out info!);
}
