using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers.Configuration;

/// <summary>
/// Every model the analyzer knows in one compilation, in order of precedence: the catalog (the snapshot extended by
/// <c>lemondata-models.json</c>, whose entry wins over the snapshot's), then the models <c>lemondata_video.extra_models</c>
/// declares for a file, which are consulted only for an id the catalog does not have.
/// </summary>
internal sealed class KnownModels
{
    private readonly ExtraModelsOption extraModels;

    public KnownModels(ModelsFile file, ExtraModelsOption extraModels)
    {
        File = file;
        this.extraModels = extraModels;
    }

    /// <summary>The catalog file, or <see cref="ModelsFile.None"/>.</summary>
    public ModelsFile File { get; }

    /// <summary>The snapshot extended by the catalog file.</summary>
    public VideoModelCatalog Catalog => File.Catalog;

    /// <summary>The lists of a model's contract some model of the catalog has.</summary>
    public ContractLists Lists => File.Lists;

    /// <summary>
    /// What is known of <paramref name="model"/> (null: unset, the service's default) in <paramref name="tree"/>: the
    /// catalog's entry, else the one <c>lemondata_video.extra_models</c> declares for the file. The option is read only
    /// here, for a model the catalog does not have.
    /// </summary>
    public bool TryGet(string? model, SyntaxTree tree, out VideoModelInfo info) =>
        Catalog.TryGetModel(model ?? VideoModels.Default, out info)
        || (model is not null && extraModels.For(tree).TryGet(model, out info));
}
