namespace LemonData.Video;

/// <summary>One problem found in a request before it was sent: the same rule, id and message as the analyzer's diagnostic.</summary>
public sealed class VideoRequestViolation
{
    internal VideoRequestViolation(string diagnosticId, string property, string message)
    {
        DiagnosticId = diagnosticId;
        Property = property;
        Message = message;
    }

    /// <summary>The rule's id, <c>LDV0001</c>-<c>LDV0011</c>: the analyzer reports the same id at compile time.</summary>
    public string DiagnosticId { get; }

    /// <summary>The request property at fault, for example <c>Fps</c>.</summary>
    public string Property { get; }

    /// <summary>What is wrong and what is allowed.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => DiagnosticId + " " + Property + ": " + Message;
}
