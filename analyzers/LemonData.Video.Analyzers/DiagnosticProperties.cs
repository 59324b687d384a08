namespace LemonData.Video.Analyzers;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> by which the analyzer hands a code fix
/// what the shared rules know (the fixes assembly does not compile the catalog).
/// </summary>
public static class DiagnosticProperties
{
    /// <summary>LDV0001: the catalog id closest to the unknown one.</summary>
    public const string SuggestedModel = "SuggestedModel";

    /// <summary>LDV0006-LDV0008: the bound of the range nearest to the value, formatted invariantly ("R").</summary>
    public const string NearestBound = "NearestBound";

    /// <summary>
    /// LDV0009, LDV0013, LDV0014: the value of the model's contract nearest to the one written (a duration, as invariant
    /// digits; a resolution; an aspect ratio), the one the message proposes, computed with the shared <c>OfferedValues</c>.
    /// </summary>
    public const string OfferedValue = "OfferedValue";

    /// <summary>
    /// LDV0002, LDV0003: a model that supports the property, present only when the request's model is a
    /// string literal in the same object initializer as the property.
    /// </summary>
    public const string ReplacementModel = "ReplacementModel";
}
