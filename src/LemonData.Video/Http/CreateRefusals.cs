namespace LemonData.Video;

/// <summary>
/// The answers to a create that prove no task was made: the service refused the request before acting on it.
/// Every other answer that is not a success (a 5xx, a 408, a redirect, a status nobody documented) leaves the
/// outcome unknown: a gateway can fail after the provider accepted the job, and the service documents that a
/// 503 <c>model_unavailable</c> can be charged. Shared, as source, by the SDK and the container's create guard.
/// </summary>
internal static class CreateRefusals
{
    public static bool ProveNothingWasCreated(int statusCode) =>
        statusCode is 400 or 401 or 402 or 403 or 404 or 409 or 413 or 422 or 429;
}
