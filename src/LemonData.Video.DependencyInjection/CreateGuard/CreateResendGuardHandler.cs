using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.DependencyInjection;

/// <summary>
/// Lets a create (the API's only POST) reach the service again only when the previous send provably did
/// not create anything: the service refused it (400, 401, 402, 403, 404, 409, 413, 422 or 429, the same
/// refusals as the SDK's own rule), or no connection was made. Every other re-send (after a success, any
/// 5xx, a 408, a redirect, a status nobody documented, a lost answer), by
/// whatever handler the application added (Microsoft.Extensions.Http.Resilience's standard retry or
/// hedging handler, Polly, a hand-written loop), fails with <see cref="CreateResendBlockedException"/>
/// before anything is sent, because a second create is a second paid video.
/// </summary>
/// <remarks>
/// The SDK's own retries create a new request message each time and follow the same rule, so they
/// never meet this guard. Reads (GET) and cancels (DELETE) pass untouched: sending them twice costs nothing.
/// The exception is an <see cref="System.IO.IOException"/>, which the standard resilience handlers do not
/// retry, and which the SDK reports as a create whose outcome is unknown: a
/// <see cref="LemonDataApiException"/> with <see cref="LemonDataApiException.TaskMayExist"/>.
/// </remarks>
internal sealed class CreateResendGuardHandler : DelegatingHandler
{
    /// <summary>How long a hedged copy waits, after the first send got a final answer, for the hedging handler to take that answer and cancel it.</summary>
    internal static readonly TimeSpan HedgedCopyWait = TimeSpan.FromSeconds(30);

    // An error body is a few hundred bytes; a larger one is not searched for an id (it would be held in memory).
    private const int MaxSalvagedBodyBytes = 64 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Post)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var attempts = CreateAttempts.For(request);
        string blockedBecause;
        bool waitForTheFirstAnswerToWin;
        await attempts.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!attempts.MayHaveCreated)
            {
                return await SendFirstAsync(request, attempts, cancellationToken).ConfigureAwait(false);
            }

            blockedBecause = attempts.WhyBlocked;

            // A retry handler sends the same message again; a hedging handler sends a copy. When the first send got
            // a final answer (a success, or a 4xx), the hedging handler is about to return that answer: a copy that
            // failed at once could be picked instead, and the caller would lose a created task's id.
            waitForTheFirstAnswerToWin = !ReferenceEquals(request, attempts.FirstRequest) && attempts.FirstStatus is int status && status < 500 && status != 408;
        }
        finally
        {
            attempts.Gate.Release();
        }

        if (waitForTheFirstAnswerToWin)
        {
            // Cancelled by the hedging handler once it takes the first answer; the bound is for any other handler.
            await Task.Delay(HedgedCopyWait, cancellationToken).ConfigureAwait(false);
        }

        throw new CreateResendBlockedException(blockedBecause, attempts.FirstTaskId);
    }

    private async Task<HttpResponseMessage> SendFirstAsync(HttpRequestMessage request, CreateAttempts attempts, CancellationToken cancellationToken)
    {
        // Until this send ends, assume it reaches the service.
        attempts.MayHaveCreated = true;
        attempts.FirstRequest = request;
        attempts.FirstStatus = null;
        attempts.FirstFailure = null;
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (TransportFailureClassifier.IsTransportException(exception)
                                          && TransportFailureClassifier.Classify(exception) == TransportFailure.NotSent)
        {
            attempts.MayHaveCreated = false;
            throw;
        }
        catch (Exception exception)
        {
            attempts.FirstFailure = exception.GetType().Name;
            throw;
        }

        var status = (int)response.StatusCode;
        attempts.FirstStatus = status;
        attempts.MayHaveCreated = !CreateRefusals.ProveNothingWasCreated(status);
        if (attempts.MayHaveCreated && !response.IsSuccessStatusCode)
        {
            attempts.FirstTaskId = await SalvageTaskIdAsync(response, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    // A retry handler disposes this answer before its next try, which the guard then blocks: the id a 5xx body may
    // carry is read now, from a small body with a known length (buffered, so the SDK can still read it if it gets it).
    private static async Task<string?> SalvageTaskIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is not { Headers.ContentLength: > 0 and <= MaxSalvagedBodyBytes } content)
        {
            return null;
        }

        try
        {
#if NET8_0_OR_GREATER
            var body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
            var body = await content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
            return TaskIdSalvage.TryFind(body);
        }
        catch (Exception exception) when (TransportFailureClassifier.IsTransportException(exception) || exception is OperationCanceledException)
        {
            // The body could not be read here; the SDK will meet the same problem if it reads it.
            return null;
        }
    }
}
