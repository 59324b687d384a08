using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.PackageTests.Support.Lsp;

/// <summary>
/// csharp-ls running over stdio on one workspace folder, driven as an editor drives it: <c>initialize</c> with a
/// client's capabilities, the editor's settings given back when the server asks for them (<c>workspace/configuration</c>,
/// as Neovim's and Helix's clients answer from their <c>settings</c>/<c>config</c>), then documents opened and edited,
/// diagnostics pulled, code actions asked for. It binds nothing to the network, and disposing it kills the server's
/// whole process tree (the MSBuild BuildHost processes it starts included).
/// </summary>
public sealed class CSharpLsSession : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly LspConnection connection;
    private readonly JsonObject settings;
    private readonly string folderUri;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<string> transcript = new();
    private readonly Dictionary<string, int> versions = new(StringComparer.Ordinal);

    private CSharpLsSession(Process process, string folder, JsonObject settings)
    {
        this.process = process;
        this.settings = settings;
        folderUri = new Uri(folder).AbsoluteUri;
        connection = new LspConnection(process.StandardOutput.BaseStream, process.StandardInput.BaseStream, Answer, OnNotification, Log);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Log("stderr: " + e.Data);
            }
        };
    }

    /// <summary>
    /// Starts the server on <paramref name="folder"/> (a folder with one restored project) and initializes it, with
    /// <paramref name="settings"/> as the editor's settings, e.g. <c>{"csharp": {"analyzersEnabled": true}}</c>.
    /// </summary>
    public static async Task<CSharpLsSession> StartAsync(string folder, JsonObject settings, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotNet.Executable)
        {
            // `dotnet tool run` finds the tool manifest from here; the server finds the project from rootUri.
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "tool", "run", "csharp-ls", "--", "--loglevel", "info" })
        {
            start.ArgumentList.Add(argument);
        }

        DotNet.Configure(start.Environment);

        // The server's design-time builds would otherwise leave a compiler server behind.
        start.Environment["UseSharedCompilation"] = "false";

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet tool run csharp-ls did not start.");
        var session = new CSharpLsSession(process, folder, settings);
        try
        {
            process.BeginErrorReadLine();
            session.connection.Start();
            await session.InitializeAsync(folder, cancellationToken).ConfigureAwait(false);
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The last lines of what the server logged and what the client did, with seconds since the start.</summary>
    public string Transcript(int lines = 60)
    {
        var all = transcript.ToArray();
        return string.Join(Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines)));
    }

    public Task OpenAsync(string path, string text, CancellationToken cancellationToken)
    {
        versions[path] = 1;
        Log("didOpen " + path);
        return connection.NotifyAsync(
            "textDocument/didOpen",
            new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["languageId"] = "csharp", ["version"] = 1, ["text"] = text } },
            cancellationToken);
    }

    /// <summary>Replaces <paramref name="length"/> characters at <paramref name="at"/> with <paramref name="replacement"/>, as typing does.</summary>
    public Task ChangeAsync(string path, TextPosition at, int length, string replacement, CancellationToken cancellationToken)
    {
        var version = ++versions[path];
        Log($"didChange {path} v{version}: {at.Line + 1}:{at.Character + 1} +{length} -> '{replacement}'");
        return connection.NotifyAsync(
            "textDocument/didChange",
            new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["version"] = version },
                ["contentChanges"] = new JsonArray(new JsonObject { ["range"] = Range(at, at.Plus(length)), ["text"] = replacement }),
            },
            cancellationToken);
    }

    /// <summary>The document's diagnostics, pulled (<c>textDocument/diagnostic</c>).</summary>
    public async Task<IReadOnlyList<LspDiagnostic>> PullDiagnosticsAsync(string path, CancellationToken cancellationToken)
    {
        var report = await RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri(path) } }, cancellationToken).ConfigureAwait(false);
        return report.ValueKind == JsonValueKind.Object && report.TryGetProperty("items", out var items)
            ? items.EnumerateArray().Select(LspDiagnostic.From).ToList()
            : Array.Empty<LspDiagnostic>();
    }

    /// <summary>
    /// Pulls the document's diagnostics until <paramref name="done"/> holds for them, or fails at the deadline with
    /// the last answer and the server's log. Returns the diagnostics that satisfied it and how long it took.
    /// </summary>
    public async Task<(IReadOnlyList<LspDiagnostic> Diagnostics, TimeSpan Elapsed)> WaitForDiagnosticsAsync(
        string path,
        string what,
        Func<IReadOnlyList<LspDiagnostic>, bool> done,
        TimeSpan deadline,
        CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(deadline);
        IReadOnlyList<LspDiagnostic> last = Array.Empty<LspDiagnostic>();
        try
        {
            while (true)
            {
                last = await PullDiagnosticsAsync(path, limit.Token).ConfigureAwait(false);
                if (done(last))
                {
                    Log($"{what}: after {waited.Elapsed.TotalSeconds:F1} s");
                    return (last, waited.Elapsed);
                }

                await Task.Delay(PollInterval, limit.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Not within {deadline.TotalSeconds:F0} s: {what}.{Environment.NewLine}Last diagnostics of {path}:{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", last) + Environment.NewLine + "Transcript:" + Environment.NewLine + Transcript());
        }
    }

    /// <summary>The titles (and kinds) of the code actions offered at <paramref name="diagnostic"/>, as a light bulb lists them.</summary>
    public async Task<IReadOnlyList<(string Title, string? Kind)>> CodeActionsAsync(string path, LspDiagnostic diagnostic, CancellationToken cancellationToken)
    {
        var range = diagnostic.Json.GetProperty("range");
        var answer = await RequestAsync(
            "textDocument/codeAction",
            new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = Uri(path) },
                ["range"] = JsonNode.Parse(range.GetRawText()),
                ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(JsonNode.Parse(diagnostic.Json.GetRawText())), ["triggerKind"] = 1 },
            },
            cancellationToken).ConfigureAwait(false);
        return answer.ValueKind == JsonValueKind.Array
            ? answer.EnumerateArray().Select(a => (a.GetProperty("title").GetString() ?? string.Empty, a.TryGetProperty("kind", out var kind) ? kind.GetString() : null)).ToList()
            : Array.Empty<(string, string?)>();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited && connection.ClosedBecause is null)
            {
                // Polite first, so the server can stop its build hosts; but never wait long for it.
                using var shortly = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                await connection.RequestAsync("shutdown", null, shortly.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or LspErrorException or System.IO.IOException)
        {
            Log("shutdown: " + exception.Message);
        }
        finally
        {
            // Killed while its root still runs, so that every descendant is found and killed with it.
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using (var shortly = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            {
                try
                {
                    await process.WaitForExitAsync(shortly.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    Log("the server's process did not exit within 10 s of being killed");
                }
            }

            connection.Dispose();
            process.Dispose();
        }
    }

    private async Task InitializeAsync(string folder, CancellationToken cancellationToken)
    {
        var capabilities = new JsonObject
        {
            ["workspace"] = new JsonObject
            {
                ["configuration"] = true,
                ["workspaceFolders"] = true,
                ["didChangeConfiguration"] = new JsonObject { ["dynamicRegistration"] = true },
            },
            ["textDocument"] = new JsonObject
            {
                ["synchronization"] = new JsonObject { ["dynamicRegistration"] = true },

                // A client that can pull gets no pushed diagnostics from csharp-ls (Runtime/PushDiagnostics.fs): pull
                // answers each question at once, where push would leave the test guessing whether more is coming.
                ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = true },
                ["codeAction"] = new JsonObject
                {
                    ["dynamicRegistration"] = true,
                    ["codeActionLiteralSupport"] = new JsonObject
                    {
                        ["codeActionKind"] = new JsonObject { ["valueSet"] = new JsonArray("", "quickfix", "refactor", "refactor.extract", "refactor.inline", "refactor.rewrite", "source") },
                    },
                    ["resolveSupport"] = new JsonObject { ["properties"] = new JsonArray("edit") },
                    ["dataSupport"] = true,
                },
            },
            ["window"] = new JsonObject { ["workDoneProgress"] = true },
        };
        await RequestAsync(
            "initialize",
            new JsonObject
            {
                ["processId"] = Environment.ProcessId,
                ["clientInfo"] = new JsonObject { ["name"] = "LemonData.Video.PackageTests" },
                ["rootUri"] = folderUri,
                ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = folderUri, ["name"] = System.IO.Path.GetFileName(folder) }),
                ["capabilities"] = capabilities,
            },
            cancellationToken).ConfigureAwait(false);
        await connection.NotifyAsync("initialized", new JsonObject(), cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonElement> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(RequestTimeout);
        return await connection.RequestAsync(method, parameters, limit.Token).ConfigureAwait(false);
    }

    /// <summary>The server's requests, answered as an editor does.</summary>
    private JsonNode? Answer(string method, JsonElement parameters) => method switch
    {
        "workspace/configuration" => new JsonArray(parameters.GetProperty("items").EnumerateArray()
            .Select(item => item.TryGetProperty("section", out var section) ? SettingsAt(section.GetString()) : settings.DeepClone())
            .ToArray()),
        "workspace/workspaceFolders" => new JsonArray(new JsonObject { ["uri"] = folderUri, ["name"] = "consumer" }),

        // client/registerCapability, window/workDoneProgress/create, the */refresh requests: acknowledged.
        _ => null,
    };

    /// <summary>The settings under a dotted section name (<c>csharp</c>), as Neovim's and Helix's clients look it up.</summary>
    private JsonNode? SettingsAt(string? section)
    {
        JsonNode? node = settings;
        foreach (var part in (section ?? string.Empty).Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(part, out var child) ? child : null;
        }

        return node?.DeepClone();
    }

    private void OnNotification(string method, JsonElement parameters)
    {
        if (method == "window/logMessage" && parameters.TryGetProperty("message", out var message))
        {
            Log("server: " + message.GetString());
        }
        else if (method != "$/progress")
        {
            Log("notification " + method);
        }
    }

    private void Log(string line)
    {
        transcript.Enqueue($"[{clock.Elapsed.TotalSeconds,6:F1} s] {line}");
        while (transcript.Count > 2000 && transcript.TryDequeue(out _))
        {
        }
    }

    private static string Uri(string path) => new Uri(path).AbsoluteUri;

    private static JsonObject Range(TextPosition start, TextPosition end) => new()
    {
        ["start"] = new JsonObject { ["line"] = start.Line, ["character"] = start.Character },
        ["end"] = new JsonObject { ["line"] = end.Line, ["character"] = end.Character },
    };
}
