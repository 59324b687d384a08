using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.DependencyInjection;

/// <summary>
/// Lets a create (the API's only POST) reach the service again only when the previous send provably did
/// not create anything: the service answered 429, or no connection was made. Every other re-send, by
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

        throw new CreateResendBlockedException(blockedBecause);
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

        attempts.FirstStatus = (int)response.StatusCode;
        attempts.MayHaveCreated = response.StatusCode != (HttpStatusCode)429;
        return response;
    }
}
