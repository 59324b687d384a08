namespace LemonData.Video.Testing;

/// <summary><c>GET /v1/models/{model}</c>: one model with its request contract, or 404 <c>model_not_found</c>.</summary>
internal sealed class ModelDetailEndpoint
{
    public const string Prefix = ModelListEndpoint.Path + "/";

    private readonly SimulatedApiGeneration _generation;
    private readonly SimulatedModels _models;

    public ModelDetailEndpoint(SimulatedApiGeneration generation, SimulatedModels models)
    {
        _generation = generation;
        _models = models;
    }

    public SimResponse Handle(string modelId) =>
        _models.TryGet(modelId, out var model)
            ? SimResponse.Json(200, ModelJson.Detail(_generation, model))
            : ServiceRules.ModelNotFound(modelId, _models);
}
