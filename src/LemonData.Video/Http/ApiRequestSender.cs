using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace LemonData.Video;

/// <summary>Reads a success body (valid only during the call) into the value the caller wants.</summary>
/// <param name="body">The body, without a byte order mark skipped yet.</param>
/// <param name="taskId">The task the call is about, if any (stands in when the body names none).</param>
/// <param name="secret">The API key, to redact from any text kept from the body.</param>
internal delegate T BodyParser<T>(ReadOnlySpan<byte> body, string? taskId, string? secret);

/// <summary>
/// Sends one <see cref="ApiCall"/>: authenticates it, times each attempt, reads the answer within a
/// size limit, parses it, retries as <see cref="RetryPolicy"/> allows, and turns every failure into
/// a <see cref="LemonDataApiException"/> that says what happened and what to do.
/// </summary>
/// <remarks>
/// Every poll goes through here, so the success path is kept free of work it does not need: the body is read
/// into a pooled buffer and parsed from it, the methods return <see cref="ValueTask{TResult}"/> (nothing is
/// allocated for them when the answer is already there), and the attempt's token is a recycled timer.
/// Failures may cost what they like.
/// </remarks>
internal sealed class ApiRequestSender
{
    /// <summary>A task or an error is a few hundred bytes: anything past this is not an answer of the API.</summary>
    internal const int MaxJsonBodyBytes = 1024 * 1024;

    /// <summary>How many redirects within the service's own origin a read follows (each one is a round trip).</summary>
    private const int MaxSameOriginRedirects = 5;

    private readonly HttpClient _httpClient;
    private readonly string? _apiKey;
    private readonly RetryPolicy _retryPolicy;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeProvider _timeProvider;
    private readonly ApiRequestFactory _requests;
    private readonly AttemptTimerPool _attemptTimers;
    private readonly ILogger _logger;

    public ApiRequestSender(HttpClient httpClient, string? apiKey, RetryPolicy retryPolicy, TimeSpan attemptTimeout, TimeProvider timeProvider, ILogger logger)
    {
        _logger = logger;
        _httpClient = httpClient;
        _apiKey = apiKey;
        _retryPolicy = retryPolicy;
        _attemptTimeout = attemptTimeout;
        _timeProvider = timeProvider;
        _requests = new ApiRequestFactory(apiKey);
        _attemptTimers = new AttemptTimerPool(timeProvider);
    }

    public string? ApiKey => _apiKey;

    public TimeProvider TimeProvider => _timeProvider;

    /// <summary>Sends the call until it succeeds or may not be retried; <paramref name="parse"/> reads a success body.</summary>
    public async ValueTask<ApiResponse<T>> SendAsync<T>(ApiCall call, BodyParser<T> parse, CancellationToken cancellationToken)
    {
        var idempotent = call.Operation.IsIdempotent;
        for (var retriesDone = 0; ; retriesDone++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = await SendOnceAsync(call, parse, retriesDone + 1, cancellationToken).ConfigureAwait(false);
            if (outcome.Error is not { } error)
            {
                return outcome.Response;
            }

            var decision = outcome.Final
                ? RetryDecision.Stop
                : outcome.TransportFailure is { } failure
                    ? _retryPolicy.ForTransportFailure(idempotent, retriesDone, failure)
                    : _retryPolicy.ForStatus(idempotent, retriesDone, error.StatusCode, error.RetryAfter);

            if (!decision.ShouldRetry)
            {
                error.RetryAfterOverCap = decision.WaitOverCap;
                Log.RequestFailed(_logger, call.Operation.OperationId, error.ShortProblem());
                throw new LemonDataApiException(error, outcome.Exception);
            }

            Log.RetryScheduled(_logger, call.Operation.OperationId, error.ShortProblem(), retriesDone + 1, _retryPolicy.MaxRetries, decision.Delay);
            await _timeProvider.Delay(decision.Delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<AttemptOutcome<T>> SendOnceAsync<T>(ApiCall call, BodyParser<T> parse, int attemptNumber, CancellationToken cancellationToken)
    {
        // Only when someone reads Debug: the path and the clock cost something on every request.
        var tracedPath = _logger.IsEnabled(LogLevel.Debug) ? call.Uri.AbsolutePath : null;
        var sentAt = tracedPath is null ? 0 : _timeProvider.GetTimestamp();
        if (tracedPath is not null)
        {
            Log.RequestSending(_logger, call.Operation.Method.Method, tracedPath, call.Operation.OperationId, attemptNumber);
        }

        using var attempt = AttemptCancellation.Start(_attemptTimers, _timeProvider, _attemptTimeout, cancellationToken);
        var responseReceived = false;
        var receivedStatus = 0;
        var successStatus = false;
        var target = call.Uri;
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                using var request = _requests.Create(call, target);
                using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
                responseReceived = true;
                successStatus = response.IsSuccessStatusCode;
                var status = (int)response.StatusCode;
                receivedStatus = status;
                if (tracedPath is not null)
                {
                    Log.RequestAnswered(_logger, call.Operation.Method.Method, tracedPath, status, (long)_timeProvider.GetElapsedTime(sentAt).TotalMilliseconds);
                }

                // A caller's HttpClient may follow redirects itself (its handler's AllowAutoRedirect): the answer is then
                // from wherever the request ended up. From another origin it is not the service's, and is not read; nor,
                // for a create, is any answer to the redirected request (the create's own outcome is unknown).
                // (Same instance when nothing redirected: the comparison costs a poll nothing.)
                var answeredFrom = response.RequestMessage?.RequestUri;
                if (answeredFrom is not null && !ReferenceEquals(answeredFrom, target)
                    && (!SameOrigin(answeredFrom, call.Uri) || (!call.Operation.IsIdempotent && answeredFrom != target)))
                {
                    return Redirected<T>(call, status, answeredFrom, followedByHandler: true);
                }

                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    var next = location.IsAbsoluteUri ? location : new Uri(answeredFrom ?? target, location);

                    // A read may follow the service to another path of its own origin, with the key (which that origin
                    // has anyway, as for a poll_url there). A create is never sent twice; another origin is never followed.
                    if (call.Operation.Method == HttpMethod.Get && SameOrigin(next, call.Uri) && redirects < MaxSameOriginRedirects
                        && (next.Scheme == Uri.UriSchemeHttps || next.Scheme == Uri.UriSchemeHttp))
                    {
                        target = next;
                        continue;
                    }

                    if (!call.Operation.IsIdempotent)
                    {
                        // A create redirected (a 303 See Other is exactly "made, look there"): its body may name the task.
                        using var redirectBody = await BoundedBodyReader.ReadAsync(response.Content, MaxJsonBodyBytes, attempt.Token).ConfigureAwait(false);
                        return Redirected<T>(call, status, next, followedByHandler: false, redirectBody.Span);
                    }

                    return Redirected<T>(call, status, next, followedByHandler: false);
                }

                var retryAfter = RetryAfterReader.Read(response, _timeProvider);
                var maxBodyBytes = call.MaxBodyBytes > 0 ? call.MaxBodyBytes : MaxJsonBodyBytes;
                using var body = await BoundedBodyReader.ReadAsync(response.Content, maxBodyBytes, attempt.Token).ConfigureAwait(false);

                if (!successStatus)
                {
                    return AnsweredWithError<T>(call, response, status, retryAfter, body.Span);
                }

                if (body.Truncated)
                {
                    var tooLarge = NewError(call, status);
                    tooLarge.Problem = "the answer is larger than " + (maxBodyBytes / 1024) + " KiB, which no answer of this API is, so it was not read";
                    return UnreadableSuccess<T>(call, tooLarge, body.Span, exception: null);
                }

                try
                {
                    return AttemptOutcome<T>.Succeeded(new ApiResponse<T>(status, parse(body.Span, call.TaskId, _apiKey), retryAfter));
                }
                catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or ArgumentException)
                {
                    var unreadable = NewError(call, status);
                    unreadable.Problem = body.Length == 0
                        ? "the service answered " + status + " with an empty body instead of JSON"
                        : "the service answered " + status + " with a body that is not the JSON expected";
                    return UnreadableSuccess<T>(call, unreadable, body.Span, exception);
                }
            }
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the caller's token: the SDK's attempt timeout, or the caller's HttpClient.Timeout
            // (a TaskCanceledException nobody asked for). Either way the answer was lost.
            var timedOut = NewError(call, receivedStatus);
            timedOut.Problem = attempt.TimedOut
                ? "no complete answer within the attempt timeout of " + _attemptTimeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s"
                : "the HTTP client gave up waiting for the answer (its Timeout passed)";
            timedOut.TaskMayExist = !call.Operation.IsIdempotent;
            return AttemptOutcome<T>.TransportFailed(timedOut, TransportFailure.OutcomeUnknown, exception);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && TransportFailureClassifier.IsTransportException(exception))
        {
            var failure = responseReceived ? TransportFailure.OutcomeUnknown : TransportFailureClassifier.Classify(exception);
            var broken = NewError(call, receivedStatus);
            broken.Problem = failure == TransportFailure.NotSent
                ? "could not connect to " + call.Uri.GetLeftPart(UriPartial.Authority) + " (" + exception.Message + ")"
                : "the connection failed before a complete answer arrived (" + exception.Message + ")";
            broken.TaskMayExist = !call.Operation.IsIdempotent && failure == TransportFailure.OutcomeUnknown;
            if (broken.TaskMayExist && successStatus && exception is BrokenBodyException { Partial.Length: > 0 } cut)
            {
                // A success answer cut off mid-body: the part that arrived may carry the task's id.
                broken.ResponseExcerpt = BodyExcerpt.From(cut.Partial);
                broken.TaskId ??= TaskIdSalvage.TryFind(cut.Partial);
            }

            if (broken.TaskMayExist)
            {
                // A handler of the caller's pipeline may know the id from an answer it consumed (the container's create
                // guard does, when it stops a retry after a 5xx that named its task).
                broken.TaskId ??= TaskIdCarriedBy(exception);
            }

            return AttemptOutcome<T>.TransportFailed(broken, failure, exception);
        }
    }

    // An error status. For a create, only a refusal proves that nothing was made: after anything else (a 5xx, a 408,
    // a status nobody documented) the task may exist, and its id is searched for in whatever the body holds.
    private AttemptOutcome<T> AnsweredWithError<T>(in ApiCall call, HttpResponseMessage response, int status, TimeSpan? retryAfter, ReadOnlySpan<byte> body)
    {
        var error = NewError(call, status);
        error.RetryAfter = retryAfter;
        ErrorBodyReader.Read(body, error);
        error.RequestId = ErrorHeaderReader.RequestId(response) ?? error.RequestId;
        error.RateLimit = ErrorHeaderReader.RateLimit(response, _timeProvider.GetUtcNow());
        if (error.IsCreate && !CreateRefusals.ProveNothingWasCreated(status))
        {
            error.TaskMayExist = true;
            error.TaskId ??= TaskIdSalvage.TryFind(body);
        }

        return AttemptOutcome<T>.Failed(error);
    }

    // Not followed: the key goes to the endpoint's origin only, an answer from elsewhere is not the service's, and a
    // create is never sent twice. Never retried either: the next attempt would be sent the same way.
    private AttemptOutcome<T> Redirected<T>(in ApiCall call, int status, Uri location, bool followedByHandler, ReadOnlySpan<byte> body = default)
    {
        var error = NewError(call, status);
        var where = DescribeLocation(location);
        var elsewhere = !SameOrigin(location, call.Uri);
        var origin = call.Uri.GetLeftPart(UriPartial.Authority);
        error.RedirectedTo = where;
        error.Problem = followedByHandler
            ? elsewhere
                ? "the HttpClient's handler followed a redirect to " + where + ", another origin than the endpoint's (" + origin + "), and the answer from there ("
                  + status + ") was not read: only the endpoint's origin answers for the service"
                : "the HttpClient's handler followed a redirect of the create to " + where + ", and the answer from there (" + status + ") is not the create's own"
            : "the service redirected the request (" + status + ") to " + where
              + (elsewhere ? ", another origin than the endpoint's (" + origin + ")" : string.Empty) + "; "
              + (error.IsCreate ? "a create is never sent twice, so it was not followed"
                  : elsewhere ? "it was not followed: the API key goes to the endpoint's origin only"
                  : call.Operation.Method != HttpMethod.Get ? "it was not followed: only a read follows a redirect"
                  : "it was not followed, after " + MaxSameOriginRedirects + " redirects already");
        if (error.IsCreate)
        {
            // A redirect after a POST may well follow a task made (303 See Other is exactly that).
            error.TaskMayExist = true;
            error.TaskId ??= body.IsEmpty ? null : TaskIdSalvage.TryFind(body);
        }

        return AttemptOutcome<T>.NotRetryable(error);
    }

    /// <summary>The address a redirect named, for a message: no user info, no query, no fragment (they may hold secrets).</summary>
    internal static string DescribeLocation(Uri location)
    {
        if (!location.IsAbsoluteUri)
        {
            return "'" + location.OriginalString.Split('?', '#')[0] + "'";
        }

        var address = location.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        return address + (location.Query.Length > 1 ? "?... (query left out)" : string.Empty);
    }

    private static string? TaskIdCarriedBy(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current.Data[VideoTaskExceptionExtensions.TaskIdDataKey] is string { Length: > 0 } taskId && !WireOperation.IsDotSegment(taskId))
            {
                return taskId;
            }
        }

        return null;
    }

    private static bool SameOrigin(Uri uri, Uri reference) =>
        uri.IsAbsoluteUri
        && string.Equals(uri.Scheme, reference.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Host, reference.Host, StringComparison.OrdinalIgnoreCase)
        && uri.Port == reference.Port;

    // A success status with a body that cannot be read: for a create, the task was most likely
    // made, so its id is searched for in whatever arrived; a read is simply retried.
    private static AttemptOutcome<T> UnreadableSuccess<T>(in ApiCall call, LemonDataApiError error, ReadOnlySpan<byte> body, Exception? exception)
    {
        error.ResponseExcerpt = body.IsEmpty ? null : BodyExcerpt.From(body);
        if (!call.Operation.IsIdempotent)
        {
            error.TaskMayExist = true;
            error.TaskId ??= TaskIdSalvage.TryFind(body);
        }

        return AttemptOutcome<T>.TransportFailed(error, TransportFailure.OutcomeUnknown, exception);
    }

    private LemonDataApiError NewError(in ApiCall call, int status) => new()
    {
        StatusCode = status,
        Action = call.Action,
        IsCreate = !call.Operation.IsIdempotent,
        TaskId = call.TaskId,
        Secret = _apiKey,
    };

    /// <summary>How one attempt ended: an answer, or an error with what it means for a retry.</summary>
    private readonly struct AttemptOutcome<T>
    {
        private AttemptOutcome(ApiResponse<T> response, LemonDataApiError? error, TransportFailure? transportFailure, Exception? exception, bool final = false)
        {
            Response = response;
            Error = error;
            TransportFailure = transportFailure;
            Exception = exception;
            Final = final;
        }

        public ApiResponse<T> Response { get; }

        public LemonDataApiError? Error { get; }

        public TransportFailure? TransportFailure { get; }

        public Exception? Exception { get; }

        /// <summary>Whether no retry could help, whatever the status (a redirect off the service's origin).</summary>
        public bool Final { get; }

        public static AttemptOutcome<T> Succeeded(ApiResponse<T> response) => new(response, null, null, null);

        public static AttemptOutcome<T> Failed(LemonDataApiError error) => new(default, error, null, null);

        public static AttemptOutcome<T> TransportFailed(LemonDataApiError error, TransportFailure failure, Exception? exception) =>
            new(default, error, failure, exception);

        public static AttemptOutcome<T> NotRetryable(LemonDataApiError error) => new(default, error, null, null, final: true);
    }
}
