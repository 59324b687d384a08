using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace LemonData.Video;

/// <summary>
/// Streams a finished video to the caller's stream. The result URL points at a CDN: the request
/// carries no API key, whatever the host, and the body is copied in chunks, never held in memory.
/// </summary>
internal sealed class VideoDownloader
{
    private const int CopyBufferSize = 81920;

    // The name the logs give a download, next to the OpenAPI operation ids of the API's own requests.
    private const string DownloadOperation = "downloadVideo";
    private const int MaxErrorBodyBytes = 16 * 1024;

    private readonly HttpClient _httpClient;
    private readonly ApiEndpoint _endpoint;
    private readonly RetryPolicy _retryPolicy;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _attemptTimeout;
    private readonly string? _secret;
    private readonly ILogger _logger;
    private readonly AttemptTimerPool _attemptTimers;

    public VideoDownloader(HttpClient httpClient, ApiEndpoint endpoint, RetryPolicy retryPolicy, TimeProvider timeProvider, TimeSpan attemptTimeout, string? secret, ILogger logger)
    {
        _logger = logger;
        _httpClient = httpClient;
        _endpoint = endpoint;
        _retryPolicy = retryPolicy;
        _timeProvider = timeProvider;
        _attemptTimeout = attemptTimeout;
        _secret = secret;
        _attemptTimers = new AttemptTimerPool(timeProvider);
    }

    public async Task DownloadAsync(VideoTask task, Stream destination, CancellationToken cancellationToken)
    {
        var uri = ResolveVideoUri(task);
        var action = "downloading the video of task '" + task.Id + "'";
        var started = _timeProvider.GetTimestamp();
        for (var retriesDone = 0; ; retriesDone++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LemonDataApiError error;
            Exception? cause = null;
            RetryDecision decision;
            var bytesWritten = 0L;
            // The same attempt timing as the API's requests (ApiRequestSender): a recycled timer, linked to the caller.
            using (var attempt = AttemptCancellation.Start(_attemptTimers, _timeProvider, _attemptTimeout, cancellationToken))
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                    using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
                    var status = (int)response.StatusCode;
                    if (response.IsSuccessStatusCode)
                    {
                        // The attempt timeout covers reaching the file; copying it may take as long
                        // as the video is large, and only the caller's token bounds it.
#if NET8_0_OR_GREATER
                        using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                        using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                        var buffer = new byte[CopyBufferSize];
                        int read;
                        while ((read = await body.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
                        {
                            await destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                            bytesWritten += read;
                        }

                        Log.VideoDownloaded(_logger, task.Id, bytesWritten, (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds);
                        return;
                    }

                    error = NewError(action, task.Id, status);
                    error.RetryAfter = RetryAfterReader.Read(response, _timeProvider);
                    using var errorBody = await BoundedBodyReader.ReadAsync(response.Content, MaxErrorBodyBytes, attempt.Token).ConfigureAwait(false);
                    error.Problem = "the video host answered " + status + " for " + uri.GetLeftPart(UriPartial.Path);
                    if (errorBody.Length > 0)
                    {
                        error.ResponseExcerpt = BodyExcerpt.From(errorBody.Span);
                    }

                    decision = _retryPolicy.ForStatus(idempotent: true, retriesDone, status, error.RetryAfter);
                }
                catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // The attempt timeout, or the caller's HttpClient.Timeout: not a cancellation the caller asked for.
                    error = NewError(action, task.Id, 0);
                    error.Problem = bytesWritten > 0
                        ? "the download timed out after " + bytesWritten + " bytes; the destination holds a partial file"
                        : "the video host did not answer in time";
                    cause = exception;
                    decision = bytesWritten > 0
                        ? RetryDecision.Stop
                        : _retryPolicy.ForTransportFailure(idempotent: true, retriesDone, TransportFailure.OutcomeUnknown);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested && TransportFailureClassifier.IsTransportException(exception))
                {
                    error = NewError(action, task.Id, 0);
                    error.Problem = bytesWritten > 0
                        ? "the download broke off after " + bytesWritten + " bytes (" + exception.Message + "); the destination holds a partial file"
                        : "the video host could not be read (" + exception.Message + ")";
                    cause = exception;

                    // Bytes already written cannot be taken back from the caller's stream.
                    decision = bytesWritten > 0
                        ? RetryDecision.Stop
                        : _retryPolicy.ForTransportFailure(idempotent: true, retriesDone, TransportFailureClassifier.Classify(exception));
                }
            }

            if (!decision.ShouldRetry)
            {
                Log.RequestFailed(_logger, DownloadOperation, error.ShortProblem());
                throw new LemonDataApiException(error, cause);
            }

            Log.RetryScheduled(_logger, DownloadOperation, error.ShortProblem(), retriesDone + 1, _retryPolicy.MaxRetries, decision.Delay);

            await _timeProvider.Delay(decision.Delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private Uri ResolveVideoUri(VideoTask task)
    {
        if (string.IsNullOrWhiteSpace(task.VideoUrl))
        {
            throw new InvalidOperationException(
                "Task '" + task.Id + "' has no video to download (status '" + task.Status + "'). "
                + "Wait for it to complete first: WaitForCompletionAsync(\"" + task.Id + "\").");
        }

        if (Uri.TryCreate(task.VideoUrl, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp))
        {
            return absolute;
        }

        if (Uri.TryCreate(task.VideoUrl, UriKind.Relative, out _))
        {
            return _endpoint.Resolve(task.VideoUrl!);
        }

        throw new InvalidOperationException("Task '" + task.Id + "' has a video URL that is not an http or https address: '" + task.VideoUrl + "'.");
    }

    private LemonDataApiError NewError(string action, string taskId, int status) => new()
    {
        StatusCode = status,
        Action = action,
        TaskId = taskId,
        Secret = _secret,
    };
}
