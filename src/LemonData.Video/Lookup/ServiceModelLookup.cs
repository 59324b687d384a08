using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace LemonData.Video;

/// <summary>
/// Asks the service about a request's model before the request is validated, and turns its answer into the
/// <see cref="ModelFacts"/> the rules judge the request by:
/// <list type="bullet">
/// <item>an answer: the service's model and its lists apply (kept for the life of the client);</item>
/// <item>a 404: LDV0001, suggesting the closest of the service's own ids (kept ten minutes, as is the list of ids);</item>
/// <item>anything else, or no answer within <see cref="LemonDataVideoClientOptions.ModelLookupTimeout"/>: the request is
/// checked by the API's limits only and sent, with a warning in the log (tried again after a minute).</item>
/// </list>
/// One lookup per id is in flight at a time, whatever the number of creates waiting for it.
/// </summary>
internal sealed class ServiceModelLookup
{
    /// <summary>How long a 404 (and the service's list of ids) is believed: a model may appear on the service any week.</summary>
    internal static readonly TimeSpan NotFoundRetention = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a failed lookup stands before the next create tries again: long enough that a broken endpoint does not
    /// hold every create for the whole timeout, short enough that a passing fault does not leave requests unchecked for long.
    /// </summary>
    internal static readonly TimeSpan FailureRetention = TimeSpan.FromMinutes(1);

    // What one timer accepts (Timer.MaxSupportedTimeout); a longer timeout is no timeout.
    private static readonly TimeSpan LongestTimeout = TimeSpan.FromMilliseconds(4294967294);

    private readonly LemonDataVideoClient _client;
    private readonly ModelFacts _catalogFacts;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SharedLookups<Outcome> _models;
    private readonly SharedLookups<IReadOnlyList<string>?> _serviceIds;

    /// <param name="client">The client whose <see cref="LemonDataVideoClient.GetVideoModelAsync"/> and
    /// <see cref="LemonDataVideoClient.ListVideoModelsAsync"/> ask the service (retried like every read).</param>
    /// <param name="catalogFacts">What the client knows without asking: its catalog and the application's models.</param>
    /// <param name="timeout">How long a lookup may take before the create goes on without it.</param>
    /// <param name="timeProvider">The clock of timeouts and retention.</param>
    /// <param name="logger">Where a failed lookup is reported.</param>
    public ServiceModelLookup(LemonDataVideoClient client, ModelFacts catalogFacts, TimeSpan timeout, TimeProvider timeProvider, ILogger logger)
    {
        _client = client;
        _catalogFacts = catalogFacts;
        _timeout = timeout > LongestTimeout ? Timeout.InfiniteTimeSpan : timeout;
        _timeProvider = timeProvider;
        _logger = logger;
        _models = new SharedLookups<Outcome>(LookUpAsync, static outcome => outcome.Retention, timeProvider);
        _serviceIds = new SharedLookups<IReadOnlyList<string>?>(ListServiceIdsAsync, static ids => ids is null ? FailureRetention : NotFoundRetention, timeProvider);
    }

    /// <summary>
    /// What to validate a request for <paramref name="id"/> with. Waits for the lookup (started now, or already in
    /// flight) at most <see cref="LemonDataVideoClientOptions.ModelLookupTimeout"/>; only the caller's own cancellation throws.
    /// </summary>
    public async Task<ModelFacts> FactsForAsync(string id, CancellationToken cancellationToken)
    {
        var outcome = await _models.GetOrStart(id).WaitAsync(cancellationToken).ConfigureAwait(false);
        return outcome.Facts;
    }

    // Runs on no caller's token: one caller giving up must not cancel the lookup the others wait for.
    private async Task<Outcome> LookUpAsync(string id)
    {
        using var deadline = _timeProvider.CreateTimeoutSource(_timeout);
        try
        {
            var model = await _client.GetVideoModelAsync(id, deadline.Token).ConfigureAwait(false);
            Log.ModelLookedUp(_logger, id, "found");
            return new Outcome(_catalogFacts.With(model, unverified: false, notFound: false, serviceModelIds: null), Timeout.InfiniteTimeSpan);
        }
        catch (LemonDataApiException exception) when (exception.StatusCode == 404)
        {
            // The service does not know the model (model_not_found, or a service without the endpoint: the create would
            // be refused the same way). Its own ids make the better suggestion; without them the catalog's are used.
            var serviceIds = await ServiceIdsAsync(deadline.Token).ConfigureAwait(false);
            Log.ModelLookedUp(_logger, id, "not found (404 " + (exception.ErrorCode ?? "without an error code") + ")");
            return new Outcome(_catalogFacts.With(serviceModel: null, unverified: false, notFound: true, serviceIds), NotFoundRetention);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            Log.ModelLookupFailed(_logger, id, "no answer within the ModelLookupTimeout of " + Seconds(_timeout), FailureRetention);
            return Unverified();
        }
        catch (Exception exception)
        {
            // A lookup never blocks a create: whatever went wrong, the request goes out checked by the API's limits.
            Log.ModelLookupFailed(_logger, id, Describe(exception), FailureRetention);
            return Unverified();
        }
    }

    private async Task<IReadOnlyList<string>?> ServiceIdsAsync(CancellationToken deadline)
    {
        try
        {
            return await _serviceIds.GetOrStart(string.Empty).WaitAsync(deadline).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The deadline passed while the list was read (or it failed): the suggestion comes from the catalog.
            return null;
        }
    }

    private async Task<IReadOnlyList<string>?> ListServiceIdsAsync(string key)
    {
        using var deadline = _timeProvider.CreateTimeoutSource(_timeout);
        try
        {
            var models = await _client.ListVideoModelsAsync(deadline.Token).ConfigureAwait(false);
            var ids = new string[models.Count];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = models[i].Id;
            }

            return ids;
        }
        catch (Exception)
        {
            // Only the suggestion of LDV0001 needs the list: without it, the catalog's ids are suggested.
            return null;
        }
    }

    private Outcome Unverified() =>
        new(_catalogFacts.With(serviceModel: null, unverified: true, notFound: false, serviceModelIds: null), FailureRetention);

    private static string Describe(Exception exception) =>
        exception is LemonDataApiException ? exception.Message : exception.GetType().Name + ": " + exception.Message;

    private static string Seconds(TimeSpan timeout) =>
        timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";

    /// <summary>What a lookup said, as the rules take it, and how long it stands.</summary>
    private sealed class Outcome
    {
        public Outcome(ModelFacts facts, TimeSpan retention)
        {
            Facts = facts;
            Retention = retention;
        }

        public ModelFacts Facts { get; }

        public TimeSpan Retention { get; }
    }
}
