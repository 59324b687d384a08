using System;
using System.Collections.Generic;
using System.Text;

namespace LemonData.Video;

/// <summary>
/// The request breaks the API's documented rules or the model's capabilities; nothing was sent and
/// nothing was charged. <see cref="Violations"/> lists every problem at once.
/// Turn validation off with <see cref="LemonDataVideoClientOptions.ValidateRequests"/> (for a model newer than this SDK).
/// </summary>
public class VideoRequestValidationException : ArgumentException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="violations">At least one problem.</param>
    public VideoRequestValidationException(IReadOnlyList<VideoRequestViolation> violations)
        : base(ComposeMessage(violations ?? throw new ArgumentNullException(nameof(violations))), "request")
    {
        Violations = violations;
    }

    /// <summary>Every problem found, in rule order.</summary>
    public IReadOnlyList<VideoRequestViolation> Violations { get; }

    private static string ComposeMessage(IReadOnlyList<VideoRequestViolation> violations)
    {
        var text = new StringBuilder("The video request is invalid and was not sent");
        text.Append(violations.Count == 1 ? " (1 problem):" : " (" + violations.Count + " problems):");
        foreach (var violation in violations)
        {
            text.Append(Environment.NewLine).Append("  ").Append(violation);
        }

        return text.ToString();
    }
}
