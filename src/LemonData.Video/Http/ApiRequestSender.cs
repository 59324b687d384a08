using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video;

/// <summary>
/// Sends one <see cref="ApiCall"/>: authenticates it, times each attempt, reads the answer within a
/// size limit, parses it, retries as <see cref="RetryPolicy"/> allows, and turns every failure into
/// a <see cref="LemonDataApiException"/> that says what happened and what to do.
/// </summary>
internal sealed class ApiRequestSender
{
    /// <summary>A task or an error is a few hundred bytes: anything past this is not an answer of the API.</summary>
    internal const int MaxJsonBodyBytes = 1024 * 1024;

    private static readonly ProductInfoHeaderValue UserAgent = new("LemonData.Video", typeof(ApiRequestSender).Assembly.GetName().Version?.ToString(3) ?? "0");

    private readonly HttpClient _httpClient;
    private readonly string? _apiKey;
    private readonly RetryPolicy _retryPolicy;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeProvider _timeProvider;

    public ApiRequestSender(HttpClient httpClient, string? apiKey, RetryPolicy retryPolicy, TimeSpan attemptTimeout, TimeProvider timeProvider)
    {
        _httpClient = httpClient;
        _apiKey = apiKey;
        _retryPolicy = retryPolicy;
        _attemptTimeout = attemptTimeout;
        _timeProvider = timeProvider;
    }

    public string? ApiKey => _apiKey;

    public TimeProvider TimeProvider => _timeProvider;

    /// <summary>Sends the call until it succeeds or may not be retried; <paramref name="parse"/> reads a success body.</summary>
    public async Task<ApiResponse<T>> SendAsync<T>(ApiCall call, Func<byte[], T> parse, CancellationToken cancellationToken)
    {
        var idempotent = call.Operation.IsIdempotent;
        for (var retriesDone = 0; ; retriesDone++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = await SendOnceAsync(call, parse, cancellationToken).ConfigureAwait(false);
            if (outcome.Response is { } response)
            {
                return response;
            }

            var error = outcome.Error!;
            var decision = outcome.TransportFailure is { } failure
                ? _retryPolicy.ForTransportFailure(idempotent, retriesDone, failure)
                : _retryPolicy.ForStatus(idempotent, retriesDone, error.StatusCode, error.RetryAfter);

            if (!decision.ShouldRetry)
            {
                throw new LemonDataApiException(error, outcome.Exception);
            }

            await _timeProvider.Delay(decision.Delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AttemptOutcome<T>> SendOnceAsync<T>(ApiCall call, Func<byte[], T> parse, CancellationToken cancellationToken)
    {
        using var attemptTimeout = _timeProvider.CreateTimeoutSource(_attemptTimeout);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
        var responseReceived = false;
        var receivedStatus = 0;
        var successStatus = false;
        try
        {
            using var request = CreateRequest(call);
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
            responseReceived = true;
            successStatus = response.IsSuccessStatusCode;
            var status = (int)response.StatusCode;
            receivedStatus = status;
            var retryAfter = RetryAfterReader.Read(response, _timeProvider.GetUtcNow());
            var (body, truncated) = await BoundedBodyReader.ReadAsync(response.Content, MaxJsonBodyBytes, attempt.Token).ConfigureAwait(false);

            if (!response.IsSuccessStatusCode)
            {
                var error = NewError(call, status);
                error.RetryAfter = retryAfter;
                ErrorBodyReader.Read(body, error);
                return AttemptOutcome<T>.Failed(error);
            }

            if (truncated)
            {
                var tooLarge = NewError(call, status);
                tooLarge.Problem = "the answer is larger than " + (MaxJsonBodyBytes / 1024) + " KiB, which no answer of this API is, so it was not read";
                return UnreadableSuccess<T>(call, tooLarge, body, exception: null);
            }

            try
            {
                return AttemptOutcome<T>.Succeeded(new ApiResponse<T>(status, parse(body), retryAfter));
            }
            catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or ArgumentException)
            {
                var unreadable = NewError(call, status);
                unreadable.Problem = body.Length == 0
                    ? "the service answered " + status + " with an empty body instead of JSON"
                    : "the service answered " + status + " with a body that is not the JSON expected";
                return UnreadableSuccess<T>(call, unreadable, body, exception);
            }
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the caller's token: the SDK's attempt timeout, or the caller's HttpClient.Timeout
            // (a TaskCanceledException nobody asked for). Either way the answer was lost.
            var timedOut = NewError(call, receivedStatus);
            timedOut.Problem = attemptTimeout.IsCancellationRequested
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

            return AttemptOutcome<T>.TransportFailed(broken, failure, exception);
        }
    }

    // A success status with a body that cannot be read: for a create, the task was most likely
    // made, so its id is searched for in whatever arrived; a read is simply retried.
    private static AttemptOutcome<T> UnreadableSuccess<T>(ApiCall call, LemonDataApiError error, byte[] body, Exception? exception)
    {
        error.ResponseExcerpt = body.Length == 0 ? null : BodyExcerpt.From(body);
        if (!call.Operation.IsIdempotent)
        {
            error.TaskMayExist = true;
            error.TaskId ??= TaskIdSalvage.TryFind(body);
        }

        return AttemptOutcome<T>.TransportFailed(error, TransportFailure.OutcomeUnknown, exception);
    }

    private LemonDataApiError NewError(ApiCall call, int status) => new()
    {
        StatusCode = status,
        Action = call.Action,
        TaskId = call.TaskId,
        Secret = _apiKey,
    };

    private HttpRequestMessage CreateRequest(ApiCall call)
    {
        var request = new HttpRequestMessage(call.Operation.Method, call.Uri);
        if (_apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.Add(UserAgent);
        if (call.JsonBody is { } body)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        return request;
    }

    private sealed class AttemptOutcome<T>
    {
        public ApiResponse<T>? Response { get; private set; }

        public LemonDataApiError? Error { get; private set; }

        public TransportFailure? TransportFailure { get; private set; }

        public Exception? Exception { get; private set; }

        public static AttemptOutcome<T> Succeeded(ApiResponse<T> response) => new() { Response = response };

        public static AttemptOutcome<T> Failed(LemonDataApiError error) => new() { Error = error };

        public static AttemptOutcome<T> TransportFailed(LemonDataApiError error, TransportFailure failure, Exception? exception) =>
            new() { Error = error, TransportFailure = failure, Exception = exception };
    }
}
