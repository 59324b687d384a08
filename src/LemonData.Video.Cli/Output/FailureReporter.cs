using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using LemonData.Video.Batch;
using LemonData.Video.Cli.Batch;
using LemonData.Video.Cli.Commands;

namespace LemonData.Video.Cli.Output;

/// <summary>
/// Turns whatever ended a command into its exit code and a message that says what happened and
/// what to do next: the LDV violations of an invalid request, the service's own words, the task id
/// and the exact <c>wait</c> command after a timeout or Ctrl+C. Never a stack trace for an expected
/// failure. People read it on stderr; with <c>--json</c> it is also the document on stdout.
/// </summary>
internal static class FailureReporter
{
    public static int Report(CommandRun run, Exception exception)
    {
        var failure = Describe(run, exception);
        var stderr = run.Context.Stderr;
        stderr.WriteLine(failure.ExitCode == ExitCodes.Cancelled ? failure.Message : "error: " + failure.Message);
        foreach (var line in failure.Lines)
        {
            stderr.WriteLine(line);
        }

        if (failure.Resume is not null)
        {
            stderr.WriteLine("Resume with:");
            stderr.WriteLine("  " + failure.Resume);
        }

        if (run.BuiltInSimulator && failure.Resume is not null)
        {
            stderr.WriteLine("(A simulated task: the built-in simulator stopped with this command, so this one cannot be resumed.)");
        }

        stderr.Flush();

        if (run.Json)
        {
            JsonOutput.Begin(failure.ExitCode)
                .Task(failure.Task ?? run.LastSeen)
                .Simulated(run.BuiltInSimulator)
                .Error(failure.Kind, failure.Message, failure.Details)
                .Resume(failure.Resume)
                .WriteTo(run.Context.Stdout);
        }

        return failure.ExitCode;
    }

    private static Failure Describe(CommandRun run, Exception exception)
    {
        switch (exception)
        {
            case VideoRequestValidationException invalid:
                return InvalidRequest(invalid);

            case InvalidInputException input:
                return new Failure(ExitCodes.InvalidInput, "invalid_input", input.Message);

            case InvalidJobsFileException jobsFile:
                return InvalidJobs(jobsFile);

            // A ledger that is not one, is newer, or is held by another run: refused before anything was sent.
            case VideoJobLedgerException ledger:
                return new Failure(ExitCodes.InvalidInput, ledger is VideoJobLedgerLockedException ? "ledger_locked" : "ledger_unusable", ledger.Message);

            case VideoGenerationFailedException failed:
                return new Failure(ExitCodes.TaskFailed, failed.Task.IsCancelled ? "task_cancelled" : "task_failed", failed.Message)
                {
                    Task = failed.Task,
                    Details = writer => WriteIfSet(writer, "code", failed.Task.ErrorCode),
                };

            case TimeoutException timeout:
                return TimedOut(run, timeout);

            case OperationCanceledException:
                return Interrupted(run);

            case LemonDataApiException api:
                return ServiceError(run, api);

            case OutputFileException file:
                return new Failure(ExitCodes.FileError, "file_error", file.Message)
                {
                    Lines = run.TaskId is null
                        ? Array.Empty<string>()
                        : new[] { "Task " + run.TaskId + " is complete: save its video with  " + ResumeCommand.ToolName + " download " + run.TaskId + " --out <file>" },
                };

            default:
                return new Failure(ExitCodes.InternalError, "internal_error", "unexpected " + exception.GetType().Name + ": " + exception.Message)
                {
                    Lines = new[] { "This is a bug in lemondata-video; please report it with the command you ran." },
                    Resume = run.ResumeCommand,
                };
        }
    }

    private static Failure InvalidRequest(VideoRequestValidationException invalid)
    {
        var count = invalid.Violations.Count;
        var lines = new List<string>(count);
        foreach (var violation in invalid.Violations)
        {
            lines.Add("  " + violation.DiagnosticId + " " + violation.Property + ": " + violation.Message);
        }

        return new Failure(
            ExitCodes.InvalidInput,
            "invalid_request",
            "the video request is invalid and was not sent (" + count + (count == 1 ? " problem):" : " problems):"))
        {
            Lines = lines,
            Details = writer =>
            {
                writer.WriteStartArray("violations");
                foreach (var violation in invalid.Violations)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", violation.DiagnosticId);
                    writer.WriteString("property", violation.Property);
                    writer.WriteString("message", violation.Message);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            },
        };
    }

    private static Failure InvalidJobs(InvalidJobsFileException invalid)
    {
        var lines = new List<string>(invalid.Problems.Count);
        foreach (var problem in invalid.Problems)
        {
            lines.Add("  " + problem);
        }

        return new Failure(ExitCodes.InvalidInput, "invalid_jobs", invalid.Message)
        {
            Lines = lines,
            Details = writer =>
            {
                writer.WriteStartArray("problems");
                foreach (var problem in invalid.Problems)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("line", problem.Line);
                    WriteIfSet(writer, "id", problem.DiagnosticId);
                    writer.WriteString("message", problem.Message);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            },
        };
    }

    private static Failure TimedOut(CommandRun run, TimeoutException timeout)
    {
        var taskId = run.TaskId ?? timeout.GetVideoTaskId();
        if (taskId is not null)
        {
            run.Track(taskId);
        }

        var limit = run.WaitTimeout is { } wait ? " within --timeout " + wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s" : " in time";
        var seen = run.LastSeen is { } last ? " (last seen " + TaskText.StatusWithProgress(last) + ")" : string.Empty;
        return new Failure(
            ExitCodes.NotFinished,
            "timeout",
            "task " + (taskId ?? "(unknown)") + " did not finish" + limit + seen + ". It was not cancelled and may still complete.")
        {
            Resume = run.ResumeCommand,
        };
    }

    private static Failure Interrupted(CommandRun run)
    {
        if (run.TaskId is { } taskId)
        {
            return new Failure(
                ExitCodes.Cancelled,
                "cancelled",
                "Interrupted: stopped waiting for task " + taskId + ". The task was not cancelled and keeps running on the service.")
            {
                Resume = run.ResumeCommand,
            };
        }

        return run.Submitting
            ? new Failure(
                ExitCodes.Cancelled,
                "cancelled",
                "Interrupted while submitting: the service may have created a task before its answer arrived. Check your tasks before submitting again (each one is charged).")
            : new Failure(ExitCodes.Cancelled, "cancelled", "Interrupted: nothing was submitted.");
    }

    private static Failure ServiceError(CommandRun run, LemonDataApiException api)
    {
        var taskId = run.TaskId ?? api.TaskId;
        if (taskId is not null)
        {
            run.Track(taskId);
        }

        var lines = new List<string>();
        if (api.TaskMayExist)
        {
            // Whatever the status (a 5xx, a lost answer): the job may be running and charged. Never "try again".
            lines.Add(taskId is null
                ? "The task may exist and be charged although this command failed: do not submit it again blindly. "
                  + "Check your account's tasks (the LemonData dashboard) first, and submit again only if none was made."
                : "Task " + taskId + " may exist and be charged although this command failed: do not submit it again; resume it instead.");
        }

        if (run.BuiltInSimulator && api.StatusCode == 404 && string.Equals(api.ErrorCode, "async_task_not_found", StringComparison.Ordinal))
        {
            lines.Add("The built-in simulator starts empty for each command, so it only knows tasks created in the same run. "
                + "To resume a real task, set LEMONDATA_API_KEY (and LEMONDATA_BASE_URL or --endpoint for another service).");
        }

        // A task that exists is worth resuming; a 404 for it is not.
        var resume = taskId is not null && api.StatusCode != 404 && api.StatusCode != 401 && api.StatusCode != 403 ? run.ResumeCommand : null;
        return new Failure(ExitCodes.ServiceError, "service_error", api.Message)
        {
            Lines = lines,
            Resume = resume,
            Details = writer => WriteApiDetails(writer, api),
        };
    }

    /// <summary>Every part of the service's answer the exception carries, under the names of the <c>--json</c> document (camelCase).</summary>
    private static void WriteApiDetails(Utf8JsonWriter writer, LemonDataApiException api)
    {
        if (api.StatusCode != 0)
        {
            writer.WriteNumber("statusCode", api.StatusCode);
        }

        WriteIfSet(writer, "code", api.ErrorCode);
        WriteIfSet(writer, "type", api.ErrorType);
        WriteIfSet(writer, "param", api.Param);
        WriteIfSet(writer, "serviceMessage", api.ServiceMessage);
        WriteIfSet(writer, "hint", api.Hint);
        WriteIfSet(writer, "didYouMean", api.DidYouMean);
        WriteIfSet(writer, "requestId", api.RequestId);
        WriteIfSet(writer, "taskId", api.TaskId);
        if (api.RetryAfter is { } retryAfter)
        {
            writer.WriteNumber("retryAfterSeconds", retryAfter.TotalSeconds);
        }

        if (api.TaskMayExist)
        {
            writer.WriteBoolean("taskMayExist", true);
        }

        if (api.ValidationErrors.Count > 0)
        {
            writer.WriteStartArray("validationErrors");
            foreach (var field in api.ValidationErrors)
            {
                writer.WriteStartObject();
                writer.WriteString("field", field.Field);
                writer.WriteString("message", field.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (api.BalanceUsd is { } balance)
        {
            writer.WriteNumber("balanceUsd", balance);
        }

        if (api.EstimatedCostUsd is { } cost)
        {
            writer.WriteNumber("estimatedCostUsd", cost);
        }

        if (api.SupportedParameters is { } parameters)
        {
            JsonOutput.WriteStrings(writer, "supportedParameters", parameters);
        }

        if (api.AllowedResolutions is { } resolutions)
        {
            JsonOutput.WriteStrings(writer, "allowedResolutions", resolutions);
        }

        if (api.RecommendedRequest is { } recommended)
        {
            // As the service sent it (in its wire names), with any key already masked by the SDK.
            writer.WritePropertyName("recommendedRequest");
            recommended.WriteTo(writer);
        }

        if (api.RateLimit is { } rateLimit)
        {
            writer.WriteStartObject("rateLimit");
            if (rateLimit.Limit is { } limit)
            {
                writer.WriteNumber("limit", limit);
            }

            if (rateLimit.Remaining is { } remaining)
            {
                writer.WriteNumber("remaining", remaining);
            }

            if (rateLimit.Reset is { } reset)
            {
                writer.WriteString("reset", reset.ToUniversalTime());
            }

            writer.WriteEndObject();
        }
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private sealed record Failure(int ExitCode, string Kind, string Message)
    {
        public IReadOnlyList<string> Lines { get; init; } = Array.Empty<string>();

        public string? Resume { get; init; }

        public VideoTask? Task { get; init; }

        public Action<Utf8JsonWriter>? Details { get; init; }
    }
}
