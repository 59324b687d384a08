using System.Collections.Generic;

namespace LemonData.Video.Cli;

/// <summary>
/// The process exit codes of <c>lemondata-video</c>. They are part of the tool's contract: scripts and
/// CI pipelines branch on them, so a value never changes meaning. Listed in <c>--help</c> and the README.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked (for <c>status</c>: the task was read, whatever its state).</summary>
    public const int Success = 0;

    /// <summary>The task ended <c>failed</c> (or was cancelled on the service): no video was made.</summary>
    public const int TaskFailed = 1;

    /// <summary>The command line or the request is invalid (unknown flag, LDV rule, unreadable image file): nothing was sent.</summary>
    public const int InvalidInput = 2;

    /// <summary>The service (or the network, or the video host) failed, or refused the request.</summary>
    public const int ServiceError = 3;

    /// <summary>The task has not finished: <c>--timeout</c> passed, or <c>download</c> found it still running. Resume with <c>wait</c>.</summary>
    public const int NotFinished = 4;

    /// <summary>The video could not be written to <c>--out</c> (disk full, permissions). The task is complete: run <c>download</c> again.</summary>
    public const int FileError = 5;

    /// <summary>Interrupted (Ctrl+C or SIGTERM) while waiting: the task keeps running on the service. Resume with <c>wait</c>.</summary>
    public const int Cancelled = 130;

    /// <summary>An unexpected error inside the tool (a bug: please report it with the message).</summary>
    public const int InternalError = 70;

    /// <summary>The codes with a one-line meaning, in the order <c>--help</c> lists them.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> Documented { get; } = new[]
    {
        (Success, "success (status: the task was read, whatever its state; batch run: every job Downloaded)"),
        (TaskFailed, "the task failed on the service: no video was made (batch run: some job Failed or Refused)"),
        (InvalidInput, "invalid input (unknown flag, LDV rule, unreadable file, a bad line of jobs.jsonl, an unusable ledger): nothing was sent"),
        (ServiceError, "service, network or authentication error"),
        (NotFinished, "not finished: --timeout passed, or download found it still running (resume with wait); batch run: jobs left (OutcomeUnknown, --max-jobs, a 402)"),
        (FileError, "the video could not be written to --out (the task is complete: run download again)"),
        (InternalError, "unexpected error in the tool (a bug: please report it)"),
        (Cancelled, "interrupted by Ctrl+C: the task keeps running (resume with wait); batch run: the ledger is intact, run again"),
    };
}
