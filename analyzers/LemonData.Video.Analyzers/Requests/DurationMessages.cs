using System;

namespace LemonData.Video.Analyzers.Requests;

/// <summary>The duration rule for a request whose model the analyzer cannot see.</summary>
internal static class DurationMessages
{
    /// <summary>
    /// LDV0009 for a duration outside the API's range when the model is unknown. The shared rule always names the
    /// model, and here any name would be a guess; so the message is the part of the rule's own sentence that two
    /// different models have in common, which keeps the wording in one place (VideoRequestRules) and says only
    /// what is true whatever the model.
    /// </summary>
    public static VideoRuleViolation? CheckForUnknownModel(int duration)
    {
        var unset = VideoRequestRules.CheckDuration(model: null, duration);
        var named = VideoRequestRules.CheckDuration(FirstModelWithFreeLength(), duration);
        if (unset is not { } unsetViolation || named is not { } namedViolation)
        {
            return null;
        }

        return new VideoRuleViolation(unsetViolation.DiagnosticId, unsetViolation.Property, CommonWording(unsetViolation.Message, namedViolation.Message));
    }

    /// <summary>The shared start of both sentences joined to their shared end; the first when they have neither.</summary>
    internal static string CommonWording(string first, string second)
    {
        var prefix = 0;
        var limit = Math.Min(first.Length, second.Length);
        while (prefix < limit && first[prefix] == second[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < limit - prefix && first[first.Length - 1 - suffix] == second[second.Length - 1 - suffix])
        {
            suffix++;
        }

        if (prefix == 0 || suffix == 0 || prefix == first.Length)
        {
            return first;
        }

        return first.Substring(0, prefix).TrimEnd() + first.Substring(first.Length - suffix).TrimStart(' ');
    }

    private static string FirstModelWithFreeLength()
    {
        foreach (var model in VideoModelCatalog.All)
        {
            if (model.FixedDurationSeconds is null)
            {
                return model.Id;
            }
        }

        return VideoModels.Default;
    }
}
