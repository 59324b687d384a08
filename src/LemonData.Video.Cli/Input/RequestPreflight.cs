using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Cli.Input;

/// <summary>
/// Checks a request with the SDK's own rules (the LDV diagnostics) against the models the tool knows, before it opens a
/// client, so that invalid input neither starts the simulator nor opens a connection.
/// </summary>
/// <remarks>
/// A model the catalog does not have is not refused here: the client asks the service about it first (LDV0001 only after
/// a 404), because a model newer than the SDK and the file may well exist. Every other rule still applies.
/// </remarks>
internal static class RequestPreflight
{
    /// <exception cref="VideoRequestValidationException">The request breaks a rule.</exception>
    public static Task ThrowIfInvalidAsync(VideoGenerationRequest request, VideoModelCatalog catalog, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var violations = Violations(request, catalog);
        if (violations.Count > 0)
        {
            throw new VideoRequestValidationException(violations);
        }

        return Task.CompletedTask;
    }

    /// <summary>The rules the request breaks (none: it may be sent); <c>generate</c> and every line of a batch share them.</summary>
    public static IReadOnlyList<VideoRequestViolation> Violations(VideoGenerationRequest request, VideoModelCatalog catalog)
    {
        var violations = request.Validate(catalog);
        var left = new List<VideoRequestViolation>(violations.Count);
        foreach (var violation in violations)
        {
            if (violation.DiagnosticId != "LDV0001" || catalog.ContainsModel(request.Model ?? VideoModels.Default))
            {
                left.Add(violation);
            }
        }

        return left;
    }
}
