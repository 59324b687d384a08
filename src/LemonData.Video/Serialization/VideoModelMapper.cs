using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Text.Json;

namespace LemonData.Video;

/// <summary>
/// Turns the service's model entries (<c>GET /v1/models</c>, <c>GET /v1/models/{model}</c>, generations B and C) into
/// <see cref="VideoModelInfo"/>.
/// </summary>
/// <remarks>
/// Each list of the request contract is read from the first place that has it, the most detailed first:
/// <c>tokenlab.request_format_details</c>, <c>tokenlab.public_contract</c>, <c>lemondata.request_format_details</c>,
/// <c>lemondata.public_contract</c>, then the vendor objects <c>tokenlab</c> and <c>lemondata</c>, then the top level of
/// the entry. The place that has a list decides it, even when it cannot be read (it is then unknown): a less detailed
/// place is no better source for a list the service meant to give. Unknown members are ignored.
/// </remarks>
internal static class VideoModelMapper
{
    /// <summary>Longer than any model id: a prompt pasted into <c>Model</c>, never sent as a path.</summary>
    internal const int MaxModelIdLength = 200;

    private const string VideoCategory = "video";

    /// <summary>Reads a list answer: the video models of it, in the service's order. An entry that cannot be read is skipped.</summary>
    public static IReadOnlyList<VideoModelInfo> ParseList(ReadOnlySpan<byte> body)
    {
        var list = JsonSerializer.Deserialize(Utf8Bom.Skip(body), LemonDataJsonContext.Default.ModelList)
            ?? throw new JsonException("The body is JSON null, not a list of models.");
        if (list.Data is not { } data)
        {
            throw new JsonException("The answer has no 'data' list of models.");
        }

        var models = new List<VideoModelInfo>(data.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in data)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            ModelEntry? entry;
            try
            {
                entry = element.Deserialize(LemonDataJsonContext.Default.ModelEntry);
            }
            catch (JsonException)
            {
                // One entry of a drifting shape (often a model of another category) must not cost the whole list.
                continue;
            }

            if (entry is not null && IsVideo(entry) && ToVideoModelInfo(entry, requestedId: null) is { } model && seen.Add(model.Id))
            {
                models.Add(model);
            }
        }

        return new ReadOnlyCollection<VideoModelInfo>(models);
    }

    /// <summary>Reads a detail answer; <paramref name="requestedId"/> stands in when the entry names no id.</summary>
    public static VideoModelInfo ParseModel(ReadOnlySpan<byte> body, string requestedId)
    {
        var entry = JsonSerializer.Deserialize(Utf8Bom.Skip(body), LemonDataJsonContext.Default.ModelEntry)
            ?? throw new JsonException("The body is JSON null, not a model.");
        return ToVideoModelInfo(entry, requestedId)
            ?? throw new JsonException("The answer names no model: it has no usable 'id'.");
    }

    /// <summary>Whether the entry is a video model: its vendor object says <c>category: video</c>, or says no category.</summary>
    public static bool IsVideo(ModelEntry entry)
    {
        var category = FirstNonEmpty(entry.Tokenlab?.Category, entry.Lemondata?.Category);
        return category is null || string.Equals(category, VideoCategory, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Maps one entry, or returns <see langword="null"/> when neither it nor <paramref name="requestedId"/> gives an id.
    /// Provider: <c>owned_by</c>, else the snapshot's, else <c>unknown</c>. Capabilities: what <c>supported_operations</c>
    /// mean (<see cref="VideoOperations"/>) when the service gives operations, for they are the truth; else the snapshot's.
    /// Family, fixed length (when no durations are given) and note: the snapshot's entry of the same id, when there is one.
    /// </summary>
    public static VideoModelInfo? ToVideoModelInfo(ModelEntry entry, string? requestedId)
    {
        // The id the caller asked for was checked by the caller (any non-empty text fits one escaped path segment).
        var id = IsModelId(entry.Id) ? entry.Id!.Trim() : requestedId;
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var places = PlacesOf(entry);
        var operations = ModelContractLists.ReadStrings(Decide(places, static place => place.SupportedOperations));
        var durations = ModelContractLists.ReadDurations(Decide(places, static place => place.Durations));
        var resolutions = ModelContractLists.ReadStrings(Decide(places, static place => place.Resolutions));
        var aspectRatios = ModelContractLists.ReadStrings(Decide(places, static place => place.AspectRatios));
        var parameters = ModelContractLists.ReadStrings(Decide(places, static place => place.SupportedParameters));

        VideoModelCatalog.Snapshot.TryGetModel(id, out var known);
        var capabilities = operations is not null
            ? VideoOperations.ToCapabilities(operations)
            : known?.Capabilities ?? VideoCapabilities.None;
        return new VideoModelInfo(
            id!,
            FirstNonEmpty(entry.OwnedBy, null) ?? known?.Provider ?? "unknown",
            known?.Family ?? id!,
            capabilities,
            durations is null ? known?.FixedDurationSeconds : null,
            known?.TypicalMaxDurationSeconds,
            known?.Note,
            new VideoModelContract(operations, durations, resolutions, aspectRatios, parameters));
    }

    private static JsonElement? Decide(ContractPlace[] places, Func<ContractPlace, JsonElement?> list)
    {
        foreach (var place in places)
        {
            var value = list(place);
            if (ModelContractLists.IsGiven(value))
            {
                return value;
            }
        }

        return null;
    }

    private static ContractPlace[] PlacesOf(ModelEntry entry)
    {
        var places = new List<ContractPlace>(7);
        AddContract(places, entry.Tokenlab?.RequestFormatDetails);
        AddContract(places, entry.Tokenlab?.PublicContract);
        AddContract(places, entry.Lemondata?.RequestFormatDetails);
        AddContract(places, entry.Lemondata?.PublicContract);
        if (entry.Tokenlab is { } tokenlab)
        {
            places.Add(new ContractPlace(tokenlab.SupportedOperations, tokenlab.Durations, tokenlab.Resolutions, tokenlab.AspectRatios, tokenlab.SupportedParameters));
        }

        if (entry.Lemondata is { } lemondata)
        {
            places.Add(new ContractPlace(lemondata.SupportedOperations, lemondata.Durations, lemondata.Resolutions, lemondata.AspectRatios, lemondata.SupportedParameters));
        }

        places.Add(new ContractPlace(entry.SupportedOperations, entry.Durations, entry.Resolutions, entry.AspectRatios, entry.SupportedParameters));
        return places.ToArray();
    }

    private static void AddContract(List<ContractPlace> places, ModelRequestContract? contract)
    {
        if (contract is not null)
        {
            places.Add(new ContractPlace(contract.SupportedOperations, contract.Durations, contract.Resolutions, contract.AspectRatios, contract.SupportedParameters));
        }
    }

    // What a model id sent as `model` and in a path can be: not empty, no white space or control character, not a dot segment.
    internal static bool IsModelId(string? id)
    {
        if (id is null)
        {
            return false;
        }

        var trimmed = id.Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxModelIdLength || WireOperation.IsDotSegment(trimmed))
        {
            return false;
        }

        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string? FirstNonEmpty(string? first, string? second)
    {
        if (!string.IsNullOrWhiteSpace(first))
        {
            return first!.Trim();
        }

        return string.IsNullOrWhiteSpace(second) ? null : second!.Trim();
    }

    /// <summary>The five lists as one place of the entry holds them.</summary>
    private readonly struct ContractPlace
    {
        public ContractPlace(JsonElement? supportedOperations, JsonElement? durations, JsonElement? resolutions, JsonElement? aspectRatios, JsonElement? supportedParameters)
        {
            SupportedOperations = supportedOperations;
            Durations = durations;
            Resolutions = resolutions;
            AspectRatios = aspectRatios;
            SupportedParameters = supportedParameters;
        }

        public JsonElement? SupportedOperations { get; }

        public JsonElement? Durations { get; }

        public JsonElement? Resolutions { get; }

        public JsonElement? AspectRatios { get; }

        public JsonElement? SupportedParameters { get; }
    }
}
