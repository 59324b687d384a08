namespace LemonData.Video.Analyzers.Configuration;

/// <summary>One entry of <c>lemondata_video.extra_models</c> that is not used as written, and why (reported as LDV0012).</summary>
internal readonly struct ExtraModelProblem
{
    public ExtraModelProblem(string entry, string problem, bool isSyntax)
    {
        Entry = entry;
        Problem = problem;
        IsSyntax = isSyntax;
    }

    /// <summary>The entry as the user wrote it, trimmed.</summary>
    public string Entry { get; }

    /// <summary>What is wrong with it, as a clause.</summary>
    public string Problem { get; }

    /// <summary>Whether the entry does not follow the syntax (rather than repeating or shadowing a model).</summary>
    public bool IsSyntax { get; }

    /// <summary>The LDV0012 message: the entry, the problem and, for a syntax problem, the syntax expected.</summary>
    public string Message =>
        IsSyntax
            ? ExtraModelsOption.Key + " entry '" + Entry + "' is malformed: " + Problem + ". " + ExtraModelsParser.ExpectedSyntax
            : ExtraModelsOption.Key + " entry '" + Entry + "' is ignored: " + Problem + ".";
}
