using System;
using System.Collections.Generic;
using System.Linq;

namespace LemonData.Video.Cli.Output;

/// <summary>The exact command that picks a task up again: <c>lemondata-video wait &lt;id&gt; --out &lt;file&gt;</c>.</summary>
internal static class ResumeCommand
{
    public const string ToolName = "lemondata-video";

    public static string For(string taskId, string? outPath, Uri? endpointFlag)
    {
        var words = new List<string> { ToolName, "wait", taskId };
        if (outPath is not null)
        {
            words.Add("--out");
            words.Add(outPath);
        }

        if (endpointFlag is not null)
        {
            words.Add("--endpoint");
            words.Add(endpointFlag.ToString());
        }

        return string.Join(" ", words.Select(Quote));
    }

    /// <summary>Quotes a word for a POSIX shell (and PowerShell) when it needs it.</summary>
    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsLetterOrDigit(c) || "-_./:=@%+,".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''") + "'";
}
