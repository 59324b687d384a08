namespace LemonData.Video.Cli.Batch;

/// <summary>One reason a line of <c>jobs.jsonl</c> cannot be run: its line number, and the LDV id when an SDK rule says so.</summary>
internal sealed record JobsFileProblem(int Line, string Message, string? DiagnosticId = null)
{
    public override string ToString() =>
        "line " + Line + ": " + (DiagnosticId is null ? string.Empty : DiagnosticId + " ") + Message;
}
