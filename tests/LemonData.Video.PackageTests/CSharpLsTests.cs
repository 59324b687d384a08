using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.PackageTests.Support;
using LemonData.Video.PackageTests.Support.Lsp;
using Xunit.Abstractions;

namespace LemonData.Video.PackageTests;

/// <summary>
/// A real editor host: csharp-ls (the Roslyn language server of Neovim, Helix and Emacs users) over stdio on a
/// consumer of the packed package, driven as an editor drives it. What a user of such an editor relies on: the LDV
/// diagnostics appear while typing, go when the code is fixed, obey <c>.editorconfig</c>, and need the setting
/// <c>csharp.analyzersEnabled = true</c> (the README's "In your editor" says so). Skipped, with the reason printed,
/// where the tool cannot be installed.
/// </summary>
[Collection(PackagedConsumerCollection.Name)]
public sealed class CSharpLsTests : IClassFixture<CSharpLsTests.SharedServer>
{
    /// <summary>The first answer waits for the server to load the project (a design-time build): slow on a busy machine.</summary>
    private static readonly TimeSpan FirstDiagnostics = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan AfterEdit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(4);

    /// <summary>
    /// What Neovim's <c>settings</c> and Helix's <c>config</c> hold with the README's snippets: both clients answer the
    /// server's <c>workspace/configuration</c> for <c>csharp</c> with its value, as <see cref="CSharpLsSession"/> does.
    /// </summary>
    private static readonly JsonObject AnalyzersEnabled = new() { ["csharp"] = new JsonObject { ["analyzersEnabled"] = true } };

    /// <summary>That object in Lua's and TOML's inline syntax, which happen to spell it the same.</summary>
    private const string AnalyzersEnabledInSnippets = "csharp = { analyzersEnabled = true }";

    private const string Typing = """
        using LemonData.Video;

        namespace Consumer;

        public static class Typing
        {
            public static VideoGenerationRequest Request() => new VideoGenerationRequest
            {
                Prompt = "a cat surfing",
                Model = "sora2",
                Fps = 240,
            };
        }

        """;

    private const string Fixing = """
        using LemonData.Video;

        namespace Consumer;

        public static class Fixing
        {
            public static VideoGenerationRequest Request()
            {
                int unused = 1;
                return new VideoGenerationRequest { Prompt = "a cat surfing", Model = "sora2" };
            }
        }

        """;

    private const string Silenced = """
        using LemonData.Video;

        namespace Consumer.Quiet;

        public static class Silenced
        {
            public static VideoGenerationRequest Request() => new VideoGenerationRequest
            {
                Prompt = "a cat surfing",
                Model = "sora2",
                Fps = 240,
            };
        }

        """;

    private const string SilencedEditorConfig = """
        [*.cs]
        dotnet_diagnostic.LDV0006.severity = none

        """;

    private const string Program = """
        namespace Consumer;

        public static class Program
        {
            public static void Main()
            {
            }
        }

        """;

    private const string DefaultsProgram = """
        using LemonData.Video;

        namespace Consumer;

        public static class Program
        {
            public static VideoGenerationRequest Request()
            {
                int unused = 1;
                return new VideoGenerationRequest { Prompt = "a cat surfing", Model = "sora2", Fps = 240 };
            }

            public static void Main()
            {
            }
        }

        """;

    private readonly PackagedConsumer consumer;
    private readonly SharedServer server;
    private readonly ITestOutputHelper output;

    public CSharpLsTests(PackagedConsumer consumer, SharedServer server, ITestOutputHelper output)
    {
        this.consumer = consumer;
        this.server = server;
        this.output = output;
    }

    [Fact]
    public void The_READMEs_Neovim_and_Helix_snippets_give_the_setting_these_tests_give()
    {
        var section = ReadmeSection.Read("### In your editor");
        var neovim = Assert.Single(section.CodeBlocks("lua"));
        var helix = Assert.Single(section.CodeBlocks("toml"));

        Assert.Contains("settings = { " + AnalyzersEnabledInSnippets + " }", neovim, StringComparison.Ordinal);
        Assert.Contains("config = { " + AnalyzersEnabledInSnippets + " }", helix, StringComparison.Ordinal);
        Assert.Equal("""{"csharp":{"analyzersEnabled":true}}""", AnalyzersEnabled.ToJsonString());
    }

    [SkippableFact]
    public async Task LDV0006_shows_on_open_and_goes_after_the_edit_that_fixes_it()
    {
        using var cancellation = new CancellationTokenSource(TestTimeout);
        var (session, folder) = await StartSharedAsync(cancellation.Token);
        var path = Path.Combine(folder, "Typing.cs");
        var fpsLine = TextPosition.Of(Typing, "Fps = 240").Line;

        try
        {
            await session.OpenAsync(path, Typing, cancellation.Token);
            var (opened, toFirst) = await session.WaitForDiagnosticsAsync(
                path, "LDV0006 after didOpen", d => d.Any(x => x.Code == "LDV0006"), FirstDiagnostics, cancellation.Token);
            Write("after didOpen", opened);
            output.WriteLine($"LDV0006 appeared {toFirst.TotalSeconds:F1} s after didOpen (the server's first project load included)");
            var fps = Assert.Single(opened, d => d.Code == "LDV0006");
            Assert.Equal(fpsLine, fps.Line);
            Assert.Contains("120", fps.Message, StringComparison.Ordinal);
            Assert.Contains(opened, d => d.Code == "LDV0001");
            Assert.DoesNotContain(opened, d => d.Code == "CS0246");

            // What typing does: the three characters of 240 replaced by 30.
            await session.ChangeAsync(path, TextPosition.Of(Typing, "240"), 3, "30", cancellation.Token);

            // LDV0001 on the same request stays: the answer that lacks LDV0006 is a real analysis, not an empty one.
            var (changed, toClear) = await session.WaitForDiagnosticsAsync(
                path, "LDV0006 gone after didChange", d => d.All(x => x.Code != "LDV0006") && d.Any(x => x.Code == "LDV0001"), AfterEdit, cancellation.Token);
            Write("after didChange to Fps = 30", changed);
            output.WriteLine($"LDV0006 was gone {toClear.TotalSeconds:F1} s after didChange");
        }
        finally
        {
            output.WriteLine(session.Transcript(25));
        }
    }

    [SkippableFact]
    public async Task An_editorconfig_severity_of_none_silences_LDV0006_while_LDV0001_still_shows()
    {
        using var cancellation = new CancellationTokenSource(TestTimeout);
        var (session, folder) = await StartSharedAsync(cancellation.Token);
        var path = Path.Combine(folder, "Quiet", "Silenced.cs");

        await session.OpenAsync(path, Silenced, cancellation.Token);
        var (diagnostics, _) = await session.WaitForDiagnosticsAsync(
            path, "LDV0001 in Quiet/Silenced.cs", d => d.Any(x => x.Code == "LDV0001"), FirstDiagnostics, cancellation.Token);
        Write("Quiet/Silenced.cs, under dotnet_diagnostic.LDV0006.severity = none", diagnostics);

        // One pull runs every analyzer at once: LDV0006 cannot be merely late.
        Assert.DoesNotContain(diagnostics, d => d.Code == "LDV0006");
    }

    /// <summary>
    /// csharp-ls never offers a package's code fixes. Its <c>Handlers/CodeAction.fs</c> builds its fix providers in
    /// <c>instantiateRoslynProviders</c> from the Microsoft.CodeAnalysis.Features, .CSharp.Features and .Workspaces
    /// assemblies only, and <c>getRoslynCodeActions</c> hands them the compiler's diagnostics
    /// (<c>semanticModel.GetDiagnostics</c>), never an analyzer's; no path loads a project's analyzer references
    /// for fixes (checked in razzmatazz/csharp-language-server, and in ../shared/product/editor-hosts.md). This test
    /// holds it to that, so the README stays true: if a release starts offering our fix, it fails, and the README's
    /// "In your editor" and this test change together. The fix's host is <c>dotnet format</c> (DotNetFormatTests).
    /// </summary>
    [SkippableFact]
    public async Task Code_actions_at_LDV0001_offer_the_hosts_own_fixes_but_not_the_packages()
    {
        using var cancellation = new CancellationTokenSource(TestTimeout);
        var (session, folder) = await StartSharedAsync(cancellation.Token);
        var path = Path.Combine(folder, "Fixing.cs");

        await session.OpenAsync(path, Fixing, cancellation.Token);
        var (diagnostics, _) = await session.WaitForDiagnosticsAsync(
            path, "LDV0001 and CS0219 in Fixing.cs", d => d.Any(x => x.Code == "LDV0001") && d.Any(x => x.Code == "CS0219"), FirstDiagnostics, cancellation.Token);
        Write("Fixing.cs", diagnostics);

        var atModel = await session.CodeActionsAsync(path, diagnostics.Single(d => d.Code == "LDV0001"), cancellation.Token);
        var atUnused = await session.CodeActionsAsync(path, diagnostics.Single(d => d.Code == "CS0219"), cancellation.Token);
        output.WriteLine("Code actions at LDV0001: " + string.Join(" | ", atModel.Select(a => $"'{a.Title}' ({a.Kind})")));
        output.WriteLine("Code actions at CS0219: " + string.Join(" | ", atUnused.Select(a => $"'{a.Title}' ({a.Kind})")));

        // The host does offer fixes, for the compiler's diagnostics...
        Assert.Contains(atUnused, a => a.Title.Contains("unused variable", StringComparison.OrdinalIgnoreCase));

        // ...but not the package's: "Use model 'sora-2'" is what Visual Studio and dotnet format offer here.
        Assert.DoesNotContain(atModel, a => a.Title.Contains("sora-2", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Without_analyzersEnabled_no_LDV_diagnostic_shows()
    {
        using var cancellation = new CancellationTokenSource(TestTimeout);
        await SkipUnlessInstalledAsync();
        var folder = await WriteRestoredProjectAsync("editor-host-defaults", new Dictionary<string, string> { ["Program.cs"] = DefaultsProgram });
        var path = Path.Combine(folder, "Program.cs");

        // The settings an editor sends before the user adds the README's line.
        await using var session = await CSharpLsSession.StartAsync(folder, new JsonObject { ["csharp"] = new JsonObject() }, cancellation.Token);
        try
        {
            await session.OpenAsync(path, DefaultsProgram, cancellation.Token);

            // CS0219 shows that the document was analyzed; no CS0246 that the package's types resolved, so the
            // project (and with it the package's analyzer) was loaded.
            var (diagnostics, elapsed) = await session.WaitForDiagnosticsAsync(
                path, "CS0219 with the package resolved", d => d.Any(x => x.Code == "CS0219") && d.All(x => x.Code != "CS0246"), FirstDiagnostics, cancellation.Token);
            Write($"analyzersEnabled unset, after {elapsed.TotalSeconds:F1} s", diagnostics);
            Assert.DoesNotContain(diagnostics, d => d.Code.StartsWith("LDV", StringComparison.Ordinal));
        }
        finally
        {
            output.WriteLine(session.Transcript(25));
        }
    }

    private static async Task SkipUnlessInstalledAsync()
    {
        var unavailable = await CSharpLsTool.UnavailableBecauseAsync();
        Skip.If(unavailable is not null, unavailable);
    }

    private async Task<(CSharpLsSession Session, string Folder)> StartSharedAsync(CancellationToken cancellationToken)
    {
        await SkipUnlessInstalledAsync();
        return await server.GetAsync(async () =>
        {
            var folder = await WriteRestoredProjectAsync("editor-host", new Dictionary<string, string>
            {
                ["Program.cs"] = Program,
                ["Typing.cs"] = Typing,
                ["Fixing.cs"] = Fixing,
                [Path.Combine("Quiet", "Silenced.cs")] = Silenced,
                [Path.Combine("Quiet", ".editorconfig")] = SilencedEditorConfig,
            });
            return (await CSharpLsSession.StartAsync(folder, AnalyzersEnabled, cancellationToken), folder);
        });
    }

    /// <summary>
    /// A consumer project of its own for the server: restored first, because csharp-ls loads a project as it is and
    /// an unrestored one has no package, so no analyzer.
    /// </summary>
    private async Task<string> WriteRestoredProjectAsync(string name, IReadOnlyDictionary<string, string> files)
    {
        var project = consumer.WriteProject(name, "EditorHost.csproj", files);
        var restore = await consumer.RestoreAsync(project);
        output.WriteLine($"{name}: restored in {restore.Elapsed.TotalSeconds:F1} s");
        return Path.GetDirectoryName(project)!;
    }

    private void Write(string when, IEnumerable<LspDiagnostic> diagnostics)
    {
        output.WriteLine(when + ":");
        foreach (var diagnostic in diagnostics)
        {
            output.WriteLine("  " + diagnostic);
        }
    }

    /// <summary>One server with analyzers on, started by the first test that needs it, killed after the class.</summary>
    public sealed class SharedServer : IAsyncLifetime
    {
        private readonly SemaphoreSlim starting = new(1, 1);
        private Task<(CSharpLsSession Session, string Folder)>? started;

        public async Task<(CSharpLsSession Session, string Folder)> GetAsync(Func<Task<(CSharpLsSession, string)>> start)
        {
            await starting.WaitAsync();
            try
            {
                started ??= start();
            }
            finally
            {
                starting.Release();
            }

            return await started;
        }

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync()
        {
            if (started is { IsCompletedSuccessfully: true })
            {
                await started.Result.Session.DisposeAsync();
            }

            starting.Dispose();
        }
    }
}
