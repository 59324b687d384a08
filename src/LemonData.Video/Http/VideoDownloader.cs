using System;
using System.Buffers;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace LemonData.Video;

/// <summary>
/// Streams a finished video to the caller's stream. The result URL points at a CDN: the request
/// carries no API key, whatever the host, and the body is copied in chunks, never held in memory.
/// A body cut off mid-way is continued from the bytes written (<see cref="ResumePoint"/>), or started over
/// into a destination that can seek, within the retries of any read.
/// </summary>
internal sealed class VideoDownloader
{
    private const int CopyBufferSize = 81920;

    // The name the logs give a download, next to the OpenAPI operation ids of the API's own requests.
    private const string DownloadOperation = "downloadVideo";
    private const int MaxErrorBodyBytes = 16 * 1024;

    private const string StartOverAdvice =
        "download again into a stream that can seek, or a file: the SDK then starts over from the first byte when a download cannot be continued";

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

    public async Task DownloadAsync(VideoTask task, Stream destination, Activity? activity, CancellationToken cancellationToken)
    {
        var uri = ResolveVideoUri(task);
        var download = new Download(task.Id, "downloading the video of task '" + task.Id + "'", destination, new ResumePoint(destination));
        var started = _timeProvider.GetTimestamp();

        // One buffer for every attempt of the download, resumptions included. Not cleared when returned: the video
        // host never had the key, so its bytes cannot carry it.
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            for (var retriesDone = 0; ; retriesDone++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var outcome = await AttemptAsync(uri, download, buffer, retriesDone, cancellationToken).ConfigureAwait(false);
                if (outcome.Error is not { } error)
                {
                    Log.VideoDownloaded(_logger, task.Id, download.Point.Written, (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds);
                    return;
                }

                var decision = Decide(outcome, download.Point, retriesDone, out var next);
                if (!decision.ShouldRetry)
                {
                    Log.RequestFailed(_logger, DownloadOperation, error.ShortProblem());
                    throw new LemonDataApiException(error, outcome.Exception);
                }

                switch (next)
                {
                    case NextRequest.Resume:
                        Log.DownloadResuming(_logger, task.Id, download.Point.Written, download.Point.Length ?? 0, error.ShortProblem(), retriesDone + 1, _retryPolicy.MaxRetries, decision.Delay);
                        break;
                    case NextRequest.StartOver:
                        download.Point.PlanStartOver();
                        Log.DownloadRestarting(_logger, task.Id, download.Point.Written, error.ShortProblem(), decision.Delay);
                        break;
                    default:
                        Log.RetryScheduled(_logger, DownloadOperation, error.ShortProblem(), retriesDone + 1, _retryPolicy.MaxRetries, decision.Delay);
                        break;
                }

                await _timeProvider.Delay(decision.Delay, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (activity is not null)
            {
                activity.SetTag(VideoActivities.ResumptionsTag, download.Point.Resumptions);
                activity.SetTag(VideoActivities.RestartsTag, download.Point.Restarts);
            }
        }
    }

    // What follows a failed attempt: a retry as for any read, a range request from the bytes written, a start over
    // into the seekable destination, or the end (with the problem told whole: the bytes written and what to do).
    private RetryDecision Decide(in AttemptOutcome outcome, ResumePoint point, int retriesDone, out NextRequest next)
    {
        var error = outcome.Error!;
        next = NextRequest.Retry;
        switch (outcome.Kind)
        {
            case FailureKind.Status:
                return _retryPolicy.ForStatus(idempotent: true, retriesDone, error.StatusCode, error.RetryAfter);

            case FailureKind.Transport when point.Written == 0:
                return _retryPolicy.ForTransportFailure(idempotent: true, retriesDone, outcome.TransportFailure);

            case FailureKind.Transport:
            {
                // Cut mid-body.
                var whyNot = point.CanResume ? null : point.WhyNotResumable;
                if (whyNot is not null && !point.CanStartOver)
                {
                    error.Problem += "; it cannot be continued, as " + whyNot + ", and the destination, which holds the first "
                        + point.Written + " bytes, cannot seek to start over: " + StartOverAdvice;
                    return RetryDecision.Stop;
                }

                var decision = Schedule(retriesDone);
                if (!decision.ShouldRetry)
                {
                    error.Problem += "; " + NoRetryLeft(point);
                    return decision;
                }

                next = whyNot is null ? NextRequest.Resume : NextRequest.StartOver;
                return decision;
            }

            case FailureKind.NotContinued:
            {
                // A 416, a 206 that is not the continuation asked for, or the whole file again (host ignored Range, or
                // the file changed) into a stream that cannot seek.
                if (!point.CanStartOver)
                {
                    error.Problem += "; the destination, which holds the first " + point.Written + " bytes, cannot seek to start over: " + StartOverAdvice;
                    return RetryDecision.Stop;
                }

                var decision = Schedule(retriesDone);
                if (!decision.ShouldRetry)
                {
                    error.Problem += "; " + NoRetryLeft(point);
                    return decision;
                }

                next = NextRequest.StartOver;
                return decision;
            }

            default:
                return RetryDecision.Stop;
        }
    }

    // A continuation or a start over is a retry of the read: the same budget (MaxRetries), backoff and jitter.
    private RetryDecision Schedule(int retriesDone) =>
        _retryPolicy.ForTransportFailure(idempotent: true, retriesDone, TransportFailure.OutcomeUnknown);

    private string NoRetryLeft(ResumePoint point) =>
        "no retry is left (MaxRetries " + _retryPolicy.MaxRetries + "; range requests made: " + point.Resumptions + ", starts over: "
        + point.Restarts + "), and the destination holds the first " + point.Written + " bytes";

    private async Task<AttemptOutcome> AttemptAsync(Uri uri, Download download, byte[] buffer, int retriesDone, CancellationToken cancellationToken)
    {
        var point = download.Point;
        var status = 0;
        ReadStallTimeout? stall = null;

        // A failure of the destination (writing, rewinding) is the caller's: not a cut, neither retried nor wrapped.
        var inDestination = false;

        // The same attempt timing as the API's requests (ApiRequestSender): a recycled timer, linked to the caller.
        using var attempt = AttemptCancellation.Start(_attemptTimers, _timeProvider, _attemptTimeout, cancellationToken);
        try
        {
            // Always the result URL, never where it redirected to: a signed CDN address may have expired meanwhile,
            // and the redirect is followed again by the HTTP stack (Range and If-Range go along, Authorization never).
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            inDestination = true; // a start over rewinds and cuts the destination first
            var ranged = point.Prepare(request);
            inDestination = false;
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                return await FailedAnswerAsync(uri, download, response, ranged, attempt.Token).ConfigureAwait(false);
            }

            if (ranged && status == 206)
            {
                if (point.CheckContinuation(response) is { } mismatch)
                {
                    return AttemptOutcome.NotContinued(NewError(download, status, mismatch));
                }
            }
            else
            {
                if (point.Written > 0)
                {
                    // The whole file again: the host ignores Range, or If-Range found the file changed. Never stitched.
                    var reason = point.IsSameFile(response)
                        ? "the video host ignored the range request from byte " + point.Written + " and sent the whole file again (" + status + ")"
                        : "the video changed on its host after " + point.Written + " bytes were written: it sent the whole new file (" + status + ", another ETag or Last-Modified)";
                    if (!point.CanStartOver)
                    {
                        return AttemptOutcome.NotContinued(NewError(download, status, reason));
                    }

                    Log.DownloadRestarting(_logger, download.TaskId, point.Written, reason, TimeSpan.Zero);
                    inDestination = true;
                    point.StartOver();
                    inDestination = false;
                }

                point.Learn(response);
            }

            // The attempt timeout covers reaching the file; copying it may take as long as the video is large, and
            // only the caller's token bounds it, with a stall of a read (nothing for the attempt timeout) as a cut.
#if NET8_0_OR_GREATER
            using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            stall = ReadStallTimeout.Start(_timeProvider, _attemptTimeout, cancellationToken);
            var readToken = stall?.Token ?? cancellationToken;
            while (true)
            {
                stall?.ReadStarting();
                var read = await ReadAsync(body, buffer, readToken).ConfigureAwait(false);
                stall?.ReadEnded();
                if (read == 0)
                {
                    break;
                }

                inDestination = true;
                await WriteAsync(download.Destination, buffer, read, cancellationToken).ConfigureAwait(false);
                inDestination = false;
                point.Advance(read);
            }

            if (point.Length is { } length && point.Written != length)
            {
                // A host (or handler) that ended the body early without an error, or one that sent more than it said.
                return point.Written < length
                    ? AttemptOutcome.Cut(NewError(download, 0, "the body ended after " + point.Written + " of " + length + " bytes"), null)
                    : AttemptOutcome.Final(NewError(download, status, "the video host sent " + point.Written + " bytes, more than the " + length + " it announced"));
            }

            return AttemptOutcome.Completed;
        }
        catch (OperationCanceledException exception) when (!inDestination && !cancellationToken.IsCancellationRequested)
        {
            // The attempt timeout, a stalled read, or the caller's HttpClient.Timeout: not a cancellation the caller asked for.
            string problem;
            if (stall?.Stalled == true)
            {
                problem = "the video host sent nothing for " + Seconds(stall.Limit) + " s (the attempt timeout) after " + point.Written + Of(point) + " bytes";
            }
            else if (point.Written > 0)
            {
                problem = "the download timed out after " + point.Written + Of(point) + " bytes";
            }
            else
            {
                problem = "the video host did not answer in time";
            }

            return AttemptOutcome.Cut(NewError(download, 0, problem), exception, TransportFailure.OutcomeUnknown);
        }
        catch (Exception exception) when (!inDestination && !cancellationToken.IsCancellationRequested && TransportFailureClassifier.IsTransportException(exception))
        {
            var problem = point.Written > 0
                ? "the download broke off after " + point.Written + Of(point) + " bytes (" + exception.Message + ")"
                : "the video host could not be read (" + exception.Message + ")";
            var failure = status == 0 ? TransportFailureClassifier.Classify(exception) : TransportFailure.OutcomeUnknown;
            return AttemptOutcome.Cut(NewError(download, 0, problem), exception, failure);
        }
        finally
        {
            stall?.Dispose();
        }
    }

    private async Task<AttemptOutcome> FailedAnswerAsync(Uri uri, Download download, HttpResponseMessage response, bool ranged, CancellationToken attemptToken)
    {
        var status = (int)response.StatusCode;
        var error = NewError(download, status, null);
        error.RetryAfter = RetryAfterReader.Read(response, _timeProvider);
        using var errorBody = await BoundedBodyReader.ReadAsync(response.Content, MaxErrorBodyBytes, attemptToken).ConfigureAwait(false);
        if (errorBody.Length > 0)
        {
            error.ResponseExcerpt = BodyExcerpt.From(errorBody.Span);
        }

        if (ranged && status == 416)
        {
            error.Problem = "the video host refused the range request from byte " + download.Point.Written + " (416)";
            return AttemptOutcome.NotContinued(error);
        }

        error.Problem = "the video host answered " + status + " for " + uri.GetLeftPart(UriPartial.Path)
            + (download.Point.Written > 0 ? " after " + download.Point.Written + " bytes were written" : string.Empty);
        return AttemptOutcome.Status(error);
    }

    private static ValueTask<int> ReadAsync(Stream body, byte[] buffer, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return body.ReadAsync(buffer.AsMemory(), cancellationToken);
#else
        return new ValueTask<int>(body.ReadAsync(buffer, 0, buffer.Length, cancellationToken));
#endif
    }

    private static ValueTask WriteAsync(Stream destination, byte[] buffer, int count, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return destination.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
#else
        return new ValueTask(destination.WriteAsync(buffer, 0, count, cancellationToken));
#endif
    }

    private static string Of(ResumePoint point) => point.Length is { } length ? " of " + length : string.Empty;

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

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

    private LemonDataApiError NewError(Download download, int status, string? problem) => new()
    {
        StatusCode = status,
        Action = download.Action,
        TaskId = download.TaskId,
        Problem = problem,
        Secret = _secret,
    };

    private enum NextRequest
    {
        Retry,
        Resume,
        StartOver,
    }

    private enum FailureKind
    {
        None,

        /// <summary>An error status: retried as any read's.</summary>
        Status,

        /// <summary>No answer, or a body cut off: retried, continued or started over.</summary>
        Transport,

        /// <summary>The host would not continue the file (416, a wrong Content-Range, the whole file again).</summary>
        NotContinued,

        /// <summary>Not retried.</summary>
        Final,
    }

    private sealed class Download
    {
        public Download(string taskId, string action, Stream destination, ResumePoint point)
        {
            TaskId = taskId;
            Action = action;
            Destination = destination;
            Point = point;
        }

        public string TaskId { get; }

        public string Action { get; }

        public Stream Destination { get; }

        public ResumePoint Point { get; }
    }

    /// <summary>How one attempt ended: the file complete, or an error with what it means for the next request.</summary>
    private readonly struct AttemptOutcome
    {
        private AttemptOutcome(FailureKind kind, LemonDataApiError? error, Exception? exception, TransportFailure transportFailure)
        {
            Kind = kind;
            Error = error;
            Exception = exception;
            TransportFailure = transportFailure;
        }

        public static AttemptOutcome Completed => default;

        public FailureKind Kind { get; }

        public LemonDataApiError? Error { get; }

        public Exception? Exception { get; }

        public TransportFailure TransportFailure { get; }

        public static AttemptOutcome Status(LemonDataApiError error) => new(FailureKind.Status, error, null, TransportFailure.OutcomeUnknown);

        public static AttemptOutcome Cut(LemonDataApiError error, Exception? exception, TransportFailure failure = TransportFailure.OutcomeUnknown) =>
            new(FailureKind.Transport, error, exception, failure);

        public static AttemptOutcome NotContinued(LemonDataApiError error) => new(FailureKind.NotContinued, error, null, TransportFailure.OutcomeUnknown);

        public static AttemptOutcome Final(LemonDataApiError error) => new(FailureKind.Final, error, null, TransportFailure.OutcomeUnknown);
    }
}
