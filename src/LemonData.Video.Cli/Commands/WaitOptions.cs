using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Threading;

namespace LemonData.Video.Cli.Commands;

/// <summary>The options of every command that waits for a task and saves its video: <c>generate</c> and <c>wait</c>.</summary>
internal sealed class WaitOptions
{
    public const double DefaultTimeoutSeconds = 600;

    public WaitOptions(bool outRequired = false)
    {
        Out = new Option<string?>("--out", "-o")
        {
            Description = outRequired ? "Save the video to this file." : "Save the video to this file when the task completes.",
            HelpName = "file",
            Required = outRequired,
        };
        PollInterval.Validators.Add(result => RequireNonNegative(result, PollInterval));
        Timeout.Validators.Add(result => RequireNonNegative(result, Timeout));
    }

    public Option<string?> Out { get; }

    public Option<double?> PollInterval { get; } = new("--poll-interval")
    {
        Description = "Seconds before the first poll (default 5 against the service, 0.5 against the simulator); long tasks are polled less often.",
        HelpName = "seconds",
    };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "Stop waiting after this many seconds (0 = no limit); the task keeps running and exit code 4 says so.",
        HelpName = "seconds",
        DefaultValueFactory = _ => DefaultTimeoutSeconds,
    };

    public void AddTo(Command command, bool withOut = true)
    {
        if (withOut)
        {
            command.Add(Out);
        }

        command.Add(PollInterval);
        command.Add(Timeout);
    }

    public TimeSpan? PollIntervalFrom(ParseResult parseResult) =>
        parseResult.GetValue(PollInterval) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    public TimeSpan WaitTimeoutFrom(ParseResult parseResult)
    {
        var seconds = parseResult.GetValue(Timeout);
        return seconds == 0 ? System.Threading.Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds);
    }

    private static void RequireNonNegative<T>(OptionResult result, Option<T> option)
    {
        var value = Convert.ToDouble(result.GetValueOrDefault<T>(), CultureInfo.InvariantCulture);
        if (double.IsNaN(value) || value < 0 || value > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            result.AddError(option.Name + " must be a number of seconds, 0 or more.");
        }
    }
}
