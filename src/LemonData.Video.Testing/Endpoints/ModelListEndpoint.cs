using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace LemonData.Video.Testing;

/// <summary>
/// <c>GET /v1/models</c>: the models the simulator knows (<see cref="LemonDataSimulatorOptions.Models"/>), filtered by
/// the query's <c>category</c>, <c>recommended_for</c>, <c>provider</c> and <c>tag</c>; several filters must all match.
/// </summary>
internal sealed class ModelListEndpoint
{
    public const string Path = "/v1/models";

    private readonly SimulatedApiGeneration _generation;
    private readonly SimulatedModels _models;

    public ModelListEndpoint(SimulatedApiGeneration generation, SimulatedModels models)
    {
        _generation = generation;
        _models = models;
    }

    public SimResponse Handle(IQueryCollection query)
    {
        var kept = new List<VideoModelInfo>();
        foreach (var model in _models.All)
        {
            if (Matches(model, query))
            {
                kept.Add(model);
            }
        }

        return SimResponse.Json(200, ModelJson.List(_generation, kept));
    }

    private static bool Matches(VideoModelInfo model, IQueryCollection query) =>
        // Every model here is a video model: category=video (or recommended_for=video) keeps them all, another keeps none.
        Filter(query, "category", value => IsVideo(value))
        && Filter(query, "recommended_for", value => IsVideo(value))
        && Filter(query, "provider", value => Same(value, model.Provider))
        // The service's tags are not documented: here a model is tagged with its family and its operations.
        && Filter(query, "tag", value => Same(value, model.Family) || model.Operations.Contains(value, StringComparer.OrdinalIgnoreCase));

    // A filter absent or given empty keeps everything; given several times, any of its values may match.
    private static bool Filter(IQueryCollection query, string name, Func<string, bool> matches)
    {
        StringValues values = query[name];
        var given = false;
        foreach (var value in values)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            given = true;
            if (matches(value))
            {
                return true;
            }
        }

        return !given;
    }

    private static bool IsVideo(string value) => Same(value, "video");

    private static bool Same(string value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);
}
