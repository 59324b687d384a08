using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Cli.Input;

/// <summary>
/// Checks a request with the SDK's own rules (the LDV diagnostics) before the tool opens a client, so that
/// invalid input neither starts the simulator nor opens a connection.
/// </summary>
internal static class RequestPreflight
{
    /// <exception cref="VideoRequestValidationException">The request breaks a rule.</exception>
    public static Task ThrowIfInvalidAsync(VideoGenerationRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var violations = request.Validate();
        if (violations.Count > 0)
        {
            throw new VideoRequestValidationException(violations);
        }

        return Task.CompletedTask;
    }
}
