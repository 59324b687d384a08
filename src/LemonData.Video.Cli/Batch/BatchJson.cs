using System;
using System.Collections.Generic;
using System.Text.Json;
using LemonData.Video.Batch;

namespace LemonData.Video.Cli.Batch;

/// <summary>The parts of the batch documents shared by <c>batch run</c> and <c>batch status</c>: state names exactly as the contract's table.</summary>
internal static class BatchJson
{
    /// <summary><c>"counts":{"Planned":0,...}</c>, every state present.</summary>
    public static void WriteCounts(Utf8JsonWriter writer, IReadOnlyDictionary<VideoJobState, int> counts)
    {
        writer.WriteStartObject("counts");
        foreach (var state in Enum.GetValues<VideoJobState>())
        {
            writer.WriteNumber(state.ToString(), counts.TryGetValue(state, out var count) ? count : 0);
        }

        writer.WriteEndObject();
    }
}
