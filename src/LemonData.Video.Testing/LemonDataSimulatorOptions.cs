using System;
using System.Collections.Generic;

namespace LemonData.Video.Testing;

/// <summary>
/// How a <see cref="LemonDataSimulator"/> behaves. Read once by <see cref="LemonDataSimulator.Start"/>: changing
/// the options afterwards does not affect a running simulator.
/// </summary>
public sealed class LemonDataSimulatorOptions
{
    private TimeSpan _processingTime = TimeSpan.Zero;
    private int _pollsPerStage = 1;
    private int _outputsPerTask = 1;
    private decimal? _balanceUsd;
    private decimal _videoCostUsd = 0.5m;
    private IList<VideoModelInfo> _models = DefaultSimulatedModels.Create();

    /// <summary>The API generation whose wire shapes the simulator answers with (default <see cref="SimulatedApiGeneration.C"/>).</summary>
    public SimulatedApiGeneration Generation { get; set; } = SimulatedApiGeneration.C;

    /// <summary>
    /// How long a task takes from its creation to <c>completed</c>, in real time (default <see cref="TimeSpan.Zero"/>:
    /// as soon as <see cref="PollsPerStage"/> allows). During the first tenth the task is <c>pending</c>; then it is
    /// <c>processing</c> with <c>progress</c> rising from 10 to 90.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan ProcessingTime
    {
        get => _processingTime;
        set => _processingTime = value >= TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(ProcessingTime), value, "ProcessingTime must not be negative.");
    }

    /// <summary>
    /// How many reads of a task see each stage before it moves on (default 1): the first <c>N</c> reads see
    /// <c>pending</c>, the next <c>N</c> see <c>processing</c> with <c>progress</c> rising from 10 to 90 (50 when
    /// <c>N</c> is 1), and later reads see the end (<c>completed</c>, or <c>failed</c> when scripted). 0 makes a task
    /// complete at its first read. When <see cref="ProcessingTime"/> is also set, a task is as far along as the
    /// slower of the two allows.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int PollsPerStage
    {
        get => _pollsPerStage;
        set => _pollsPerStage = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(PollsPerStage), value, "PollsPerStage must be 0 or more.");
    }

    /// <summary>
    /// How many videos a completed task produces (default 1). With more than one, its answer lists them all in
    /// <c>videos</c> (each <c>{url, duration, width, height}</c>), the first also as <c>video_url</c> (and, in generation C,
    /// <c>video</c>), as a multi-output task of the service reports them. Each output has its own URL
    /// (<c>/files/{id}.mp4</c>, then <c>/files/{id}.mp4?output=2</c>, ...) and serves <see cref="LemonDataSimulator.SampleVideo"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int OutputsPerTask
    {
        get => _outputsPerTask;
        set => _outputsPerTask = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(OutputsPerTask), value, "OutputsPerTask must be 1 or more.");
    }

    /// <summary>
    /// The account's starting balance in US dollars (default <see langword="null"/>: no limit, no create is ever refused for
    /// money). With a balance, each task created costs <see cref="VideoCostUsd"/>, and a create it cannot pay for is refused
    /// with 402 and makes nothing; <see cref="LemonDataSimulator.BalanceUsd"/> reads and tops up the balance while it runs.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public decimal? BalanceUsd
    {
        get => _balanceUsd;
        set => _balanceUsd = value is null or >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(BalanceUsd), value, "BalanceUsd must not be negative.");
    }

    /// <summary>What each task created costs, in US dollars, when <see cref="BalanceUsd"/> is set (default 0.5).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public decimal VideoCostUsd
    {
        get => _videoCostUsd;
        set => _videoCostUsd = value > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(VideoCostUsd), value, "VideoCostUsd must be positive.");
    }

    /// <summary>
    /// How task statuses are spelled (default <see cref="SimulatedStatusSpelling.Canonical"/>):
    /// <see cref="SimulatedStatusSpelling.Synonyms"/> mixes in <c>queued</c>, <c>running</c>, <c>in_progress</c>,
    /// <c>succeeded</c>, <c>success</c> and <c>error</c>, as the service's pages do, to test a client against all of them.
    /// </summary>
    public SimulatedStatusSpelling StatusSpelling { get; set; }

    /// <summary>
    /// The models the simulated service knows: what <c>GET /v1/models</c> lists, what <c>GET /v1/models/{model}</c>
    /// describes, and what a create is checked against (an id not among them is a 404 <c>model_not_found</c> whose
    /// <c>did_you_mean</c> is the closest id among them; a <c>duration</c>, <c>resolution</c> or <c>aspect_ratio</c>
    /// outside a model's known list is a 400; a parameter outside its <c>supported_parameters</c> is accepted and ignored,
    /// as the service silently ignores it). A list of a model that is <see langword="null"/> is unknown: the detail leaves
    /// it out and nothing is checked against it. A later entry with the id of an earlier one replaces it.
    /// </summary>
    /// <remarks>
    /// The default is a new, editable list: every model of <see cref="VideoModelCatalog.Snapshot"/>, with the lists the
    /// service's documentation gives for <c>seedance-2.0-fast</c> and <c>viduq3-turbo</c>, and, for every other model,
    /// unknown lists and the operations its capabilities mean. Add a model with
    /// <c>Models.Add(new VideoModelInfo("acme-video-2", VideoCapabilities.TextToVideo).WithContract(resolutions: new[] { "720p" }))</c>,
    /// or set a list of your own to replace them all.
    /// </remarks>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public IList<VideoModelInfo> Models
    {
        get => _models;
        set => _models = value ?? throw new ArgumentNullException(nameof(Models));
    }
}
