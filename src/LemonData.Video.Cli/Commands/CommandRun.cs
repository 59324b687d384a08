using System;
using System.CommandLine;
using System.IO;
using System.Threading.Tasks;
using LemonData.Video.Cli.Output;

namespace LemonData.Video.Cli.Commands;

/// <summary>
/// One invocation of a command: its output mode, the client it opened, and what it has learned about
/// the task so far, so that whatever ends it (a failure, a timeout, Ctrl+C) can name the task and
/// print the exact command that resumes it.
/// </summary>
internal sealed class CommandRun
{
    private readonly Uri? _endpointFlag;
    private readonly bool _simulate;

    public CommandRun(CliContext context, GlobalOptions globals, ParseResult parseResult)
    {
        Context = context;
        Json = parseResult.GetValue(globals.Json);
        _simulate = parseResult.GetValue(globals.Simulate);
        _endpointFlag = parseResult.GetValue(globals.Endpoint);
    }

    public CliContext Context { get; }

    /// <summary><c>--json</c>: stdout carries one JSON document; progress and notices move to stderr.</summary>
    public bool Json { get; }

    /// <summary>Where progress and notices go: stdout for people, stderr under <c>--json</c>.</summary>
    public TextWriter Notices => Json ? Context.Stderr : Context.Stdout;

    public bool NoticesIsTerminal => Json ? Context.StderrIsTerminal : Context.StdoutIsTerminal;

    /// <summary>The task this run works on, once known.</summary>
    public string? TaskId { get; private set; }

    /// <summary>The task's last state seen.</summary>
    public VideoTask? LastSeen { get; private set; }

    /// <summary><c>--out</c> as the user wrote it (repeated in the resume command).</summary>
    public string? OutPath { get; set; }

    /// <summary>The <c>--timeout</c> in effect, for the timeout message.</summary>
    public TimeSpan? WaitTimeout { get; set; }

    /// <summary>A create was sent and its answer has not arrived: a task may exist without an id.</summary>
    public bool Submitting { get; set; }

    /// <summary>The client talks to the built-in simulator, whose tasks end with this process.</summary>
    public bool BuiltInSimulator { get; private set; }

    /// <summary>The command that resumes the task, once its id is known.</summary>
    public string? ResumeCommand => TaskId is null ? null : Output.ResumeCommand.For(TaskId, OutPath, BuiltInSimulator ? null : _endpointFlag);

    public ClientSession OpenSession(TimeSpan? pollInterval = null, TimeSpan? waitTimeout = null, VideoModelCatalog? catalog = null)
    {
        var session = ClientFactory.Create(Context, new ClientSettings(_simulate, _endpointFlag, pollInterval, waitTimeout, catalog), Notices);
        BuiltInSimulator = session.IsBuiltInSimulator;
        return session;
    }

    public void Track(string taskId) => TaskId = taskId;

    public void Saw(VideoTask task)
    {
        TaskId = task.Id;
        LastSeen = task;
    }

    public IProgressView CreateProgressView() => ConsoleFactory.CreateProgressView(Notices, NoticesIsTerminal, Context.Environment);

    /// <summary>Runs the command's body; any exception becomes a message and its documented exit code.</summary>
    public async Task<int> ExecuteAsync(Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            return FailureReporter.Report(this, exception);
        }
    }
}
