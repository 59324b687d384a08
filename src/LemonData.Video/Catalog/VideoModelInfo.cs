using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace LemonData.Video;

/// <summary>
/// One video model: its id, who makes it, what it can do, and, where the service's model contract says so, the only
/// durations, resolutions, aspect ratios and parameters it takes. A list that is <see langword="null"/> is unknown:
/// no rule is checked against it.
/// </summary>
public sealed class VideoModelInfo
{
    private static readonly IReadOnlyList<string> NoOperations = new ReadOnlyCollection<string>(Array.Empty<string>());

    /// <summary>The <see cref="Provider"/> of a model the application declared (<c>LemonDataVideoClientOptions.AdditionalModels</c>).</summary>
    public const string DeclaredProvider = "declared by the application";

    /// <summary>
    /// Describes a model newer than this SDK version, for <c>LemonDataVideoClientOptions.AdditionalModels</c>: the
    /// client's validation then accepts it and checks it by these capabilities, as the analyzer does for the same model
    /// declared in <c>lemondata_video.extra_models</c>.
    /// </summary>
    /// <param name="id">The model id, as sent on the wire (case-sensitive).</param>
    /// <param name="capabilities">Everything the model can do (<see cref="VideoCapabilities.None"/>: nothing is checked).</param>
    /// <param name="fixedDurationSeconds">The one clip length the model makes, 1-60, if it makes only one.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or holds white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fixedDurationSeconds"/> is outside 1-60.</exception>
    public VideoModelInfo(string id, VideoCapabilities capabilities, int? fixedDurationSeconds = null)
        : this(RequireId(id), DeclaredProvider, id, capabilities, RequireDuration(fixedDurationSeconds), typicalMaxDurationSeconds: null, note: null)
    {
    }

    internal VideoModelInfo(
        string id,
        string provider,
        string family,
        VideoCapabilities capabilities,
        int? fixedDurationSeconds,
        int? typicalMaxDurationSeconds,
        string? note,
        VideoModelContract? contract = null)
    {
        Id = id;
        Provider = provider;
        Family = family;
        Capabilities = capabilities;
        FixedDurationSeconds = fixedDurationSeconds;
        TypicalMaxDurationSeconds = typicalMaxDurationSeconds;
        Note = note;
        Operations = contract?.Operations is { } operations ? ReadOnly(operations) : NoOperations;
        Durations = contract?.Durations is { } durations ? ReadOnly(durations) : null;
        Resolutions = contract?.Resolutions is { } resolutions ? ReadOnly(resolutions) : null;
        AspectRatios = contract?.AspectRatios is { } aspectRatios ? ReadOnly(aspectRatios) : null;
        SupportedParameters = contract?.SupportedParameters is { } parameters ? ReadOnly(parameters) : null;
    }

    /// <summary>The id to send as <c>Model</c>, for example <c>sora-2</c>.</summary>
    public string Id { get; }

    /// <summary>The company behind the model, for example <c>OpenAI</c>.</summary>
    public string Provider { get; }

    /// <summary>The model family, for example <c>Sora</c>.</summary>
    public string Family { get; }

    /// <summary>What the model can do.</summary>
    public VideoCapabilities Capabilities { get; }

    /// <summary>
    /// The only clip length, in seconds, the model makes (for example 5 for <c>runwayml-gen4-turbo-5</c>),
    /// or <see langword="null"/> when the length can be chosen.
    /// </summary>
    public int? FixedDurationSeconds { get; }

    /// <summary>
    /// The family's documented maximum length in seconds. Approximate: the SDK never rejects a request
    /// for exceeding it, only for exceeding the API's hard limit of 60 seconds.
    /// </summary>
    public int? TypicalMaxDurationSeconds { get; }

    /// <summary>A short remark from the catalog, or <see langword="null"/>.</summary>
    public string? Note { get; }

    /// <summary>
    /// The service's operation names for this model (<c>supported_operations</c>), for example <c>text-to-video</c> or
    /// <c>start-end-to-video</c>; empty when unknown. <see cref="Capabilities"/> is derived from them (<see cref="VideoOperations"/>).
    /// </summary>
    public IReadOnlyList<string> Operations { get; }

    /// <summary>The only clip lengths in seconds the model makes, or <see langword="null"/> when unknown (no rule fires).</summary>
    public IReadOnlyList<int>? Durations { get; }

    /// <summary>The only values of <c>Resolution</c> the model takes, for example <c>720p</c>, or <see langword="null"/> when unknown.</summary>
    public IReadOnlyList<string>? Resolutions { get; }

    /// <summary>The only values of <c>AspectRatio</c> the model takes, for example <c>16:9</c>, or <see langword="null"/> when unknown.</summary>
    public IReadOnlyList<string>? AspectRatios { get; }

    /// <summary>
    /// The wire names of the request parameters the model reads (for example <c>seed</c>, <c>image_url</c>), or
    /// <see langword="null"/> when unknown. The service silently ignores any other parameter.
    /// </summary>
    public IReadOnlyList<string>? SupportedParameters { get; }

    /// <summary>
    /// Whether any of <see cref="Durations"/>, <see cref="Resolutions"/>, <see cref="AspectRatios"/> and
    /// <see cref="SupportedParameters"/> is known: such a model is checked by its own contract and never looked up again.
    /// </summary>
    public bool HasContractLists => Durations is not null || Resolutions is not null || AspectRatios is not null || SupportedParameters is not null;

    /// <summary>The contract lists of this model, as given (null where unknown).</summary>
    internal VideoModelContract Contract => new(
        Operations.Count == 0 ? null : Operations,
        Durations,
        Resolutions,
        AspectRatios,
        SupportedParameters);

    /// <summary>
    /// A copy of this model with the lists of its request contract, as <c>GET /v1/models/{model}</c> reports them: for a
    /// model declared in <c>LemonDataVideoClientOptions.AdditionalModels</c>, or a catalog built in code. Each list given
    /// is the only values the model takes; a list left <see langword="null"/> is unknown, and nothing is checked against it.
    /// The operations add the capabilities they mean (<see cref="VideoOperations"/>).
    /// </summary>
    /// <param name="operations">The service's operation names, for example <c>text-to-video</c>.</param>
    /// <param name="durations">The only clip lengths in seconds, each 1-60.</param>
    /// <param name="resolutions">The only resolutions, for example <c>720p</c>.</param>
    /// <param name="aspectRatios">The only aspect ratios, for example <c>16:9</c>.</param>
    /// <param name="supportedParameters">The wire names of the parameters the model reads, for example <c>seed</c>.</param>
    /// <returns>The described model; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">A list holds an empty value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A duration is outside 1-60.</exception>
    /// <example><c>new VideoModelInfo("acme-video-2", VideoCapabilities.TextToVideo).WithContract(durations: new[] { 5, 10 }, resolutions: new[] { "720p" })</c></example>
    public VideoModelInfo WithContract(
        IEnumerable<string>? operations = null,
        IEnumerable<int>? durations = null,
        IEnumerable<string>? resolutions = null,
        IEnumerable<string>? aspectRatios = null,
        IEnumerable<string>? supportedParameters = null)
    {
        var contract = new VideoModelContract(
            RequireValues(operations, nameof(operations)),
            RequireDurations(durations),
            RequireValues(resolutions, nameof(resolutions)),
            RequireValues(aspectRatios, nameof(aspectRatios)),
            RequireValues(supportedParameters, nameof(supportedParameters)));
        return new VideoModelInfo(
            Id,
            Provider,
            Family,
            Capabilities | VideoOperations.ToCapabilities(contract.Operations),
            contract.Durations is null ? FixedDurationSeconds : null,
            TypicalMaxDurationSeconds,
            Note,
            contract);
    }

    /// <summary>Whether the model has every capability in <paramref name="capabilities"/>.</summary>
    public bool Supports(VideoCapabilities capabilities) => (Capabilities & capabilities) == capabilities;

    private static string RequireId(string id)
    {
        if (id is null)
        {
            throw new ArgumentNullException(nameof(id));
        }

        foreach (var c in id)
        {
            if (char.IsWhiteSpace(c))
            {
                throw new ArgumentException("A model id holds no white space: '" + id + "'.", nameof(id));
            }
        }

        return id.Length > 0 ? id : throw new ArgumentException("The model id must not be empty.", nameof(id));
    }

    private static int? RequireDuration(int? seconds) =>
        seconds is null or (>= VideoLimits.MinDuration and <= VideoLimits.MaxDuration)
            ? seconds
            : throw new ArgumentOutOfRangeException(
                "fixedDurationSeconds",
                seconds,
                "A clip length is " + VideoLimits.MinDuration.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-"
                + VideoLimits.MaxDuration.ToString(System.Globalization.CultureInfo.InvariantCulture) + " seconds.");

    private static IReadOnlyList<string>? RequireValues(IEnumerable<string>? values, string parameter)
    {
        if (values is null)
        {
            return null;
        }

        var list = new List<string>();
        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException("The list " + parameter + " holds an empty value.", parameter);
            }

            list.Add(value);
        }

        return list;
    }

    private static IReadOnlyList<int>? RequireDurations(IEnumerable<int>? durations)
    {
        if (durations is null)
        {
            return null;
        }

        var list = new List<int>();
        foreach (var seconds in durations)
        {
            list.Add(RequireDuration(seconds)!.Value);
        }

        return list;
    }

    private static IReadOnlyList<T> ReadOnly<T>(IReadOnlyList<T> values)
    {
        var copy = new T[values.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = values[i];
        }

        return new ReadOnlyCollection<T>(copy);
    }

    /// <inheritdoc />
    public override string ToString() => Id + " (" + Provider + ": " + Capabilities + ")";
}
