using System.Collections.Generic;
using System.IO;
using LemonData.Video.Cli.Commands;

namespace LemonData.Video.Cli.Output;

/// <summary>What a command prints when it succeeds: a short summary for people, or the JSON document.</summary>
internal static class TaskSummary
{
    /// <summary>After <c>generate</c>, <c>wait</c> or <c>download</c>: the finished task and where its videos went.</summary>
    public static void Finished(CommandRun run, VideoTask task, IReadOnlyList<SavedVideo>? saved)
    {
        if (run.Json)
        {
            JsonOutput.Begin(ExitCodes.Success).Task(task).Outputs(saved).Simulated(run.BuiltInSimulator).WriteTo(run.Context.Stdout);
            return;
        }

        var stdout = run.Context.Stdout;
        stdout.WriteLine("Task " + task.Id + " " + task.Status + (task.Model is null ? string.Empty : " (model " + task.Model + ")") + ".");
        if (saved is not null)
        {
            foreach (var file in saved)
            {
                stdout.WriteLine("Saved " + file.Path + " (" + TaskText.Bytes(file.Bytes) + ").");
            }
        }
        else if (task.Videos.Count > 0)
        {
            var videos = task.Videos;
            for (var index = 0; index < videos.Count; index++)
            {
                stdout.WriteLine((videos.Count == 1 ? "Video: " : "Video " + (index + 1) + ": ") + videos[index].Url);
            }

            stdout.WriteLine(run.BuiltInSimulator
                ? "(The built-in simulator stops with this command and its URL with it: pass --out <file> to keep the video.)"
                : "Save it with: " + ResumeCommand.ToolName + " download " + task.Id + " --out video.mp4"
                    + (videos.Count > 1 ? " (video.mp4, video-2.mp4, ...)" : string.Empty));
        }

        stdout.Flush();
    }

    /// <summary>After <c>status</c>: every field the service reported, and the command to run next.</summary>
    public static void Status(CommandRun run, VideoTask task)
    {
        if (run.Json)
        {
            JsonOutput.Begin(ExitCodes.Success).Task(task).Simulated(run.BuiltInSimulator).WriteTo(run.Context.Stdout);
            return;
        }

        var rows = new List<(string, string?)>
        {
            ("Task", task.Id),
            ("Status", TaskText.StatusWithProgress(task) + (task.IsCancelled ? " (cancelled)" : string.Empty)),
            ("Model", task.Model),
            ("Video URL", task.VideoUrl),
        };
        for (var index = 1; index < task.Videos.Count; index++)
        {
            rows.Add(("Video " + (index + 1), task.Videos[index].Url));
        }

        rows.AddRange(new (string, string?)[]
        {
            ("Billing", task.BillingTransactionId),
            ("Error", task.Error is null ? null : task.Error + (task.ErrorCode is null ? string.Empty : " [" + task.ErrorCode + "]")),
            ("Created", task.CreatedAt is null ? null : TaskText.Timestamp(task.CreatedAt)),
            ("Updated", task.UpdatedAt is null ? null : TaskText.Timestamp(task.UpdatedAt)),
            ("Completed", task.CompletedAt is null ? null : TaskText.Timestamp(task.CompletedAt)),
        });

        var stdout = run.Context.Stdout;
        foreach (var (name, value) in rows)
        {
            if (value is not null)
            {
                stdout.WriteLine(name.PadRight(11) + value);
            }
        }

        if (task.Status == VideoTaskStatus.Completed)
        {
            stdout.WriteLine("Next: " + ResumeCommand.ToolName + " download " + task.Id + " --out video.mp4");
        }
        else if (!task.IsTerminal)
        {
            stdout.WriteLine("Next: " + ResumeCommand.For(task.Id, "video.mp4", endpointFlag: null));
        }

        stdout.Flush();
    }

    public static void Notice(TextWriter notices, string line)
    {
        notices.WriteLine(line);
        notices.Flush();
    }
}
