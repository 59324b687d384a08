#nullable enable

namespace LemonData.Video;

/// <summary>One broken rule of a video request: which rule, on which property, and what to do about it.</summary>
internal readonly struct VideoRuleViolation
{
    public VideoRuleViolation(string diagnosticId, string property, string message)
    {
        DiagnosticId = diagnosticId;
        Property = property;
        Message = message;
    }

    /// <summary>The rule id, one of <see cref="VideoRuleIds"/>; also the analyzer's diagnostic id.</summary>
    public string DiagnosticId { get; }

    /// <summary>The C# property of the request the violation is reported on, for example <c>Fps</c>.</summary>
    public string Property { get; }

    /// <summary>A sentence that stands alone in a build or CI log.</summary>
    public string Message { get; }

    public override string ToString() => DiagnosticId + " (" + Property + "): " + Message;
}
