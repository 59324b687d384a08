using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;

namespace LemonData.Video.PackageTests.Support;

/// <summary>
/// The consumer as an IDE sees it: the project opened with MSBuildWorkspace (its design-time build runs in Roslyn's
/// out-of-process BuildHost against the installed SDK, so no MSBuild assembly is loaded here), the analyzers its
/// analyzer references bring run through <see cref="CompilationWithAnalyzers"/>, and the code fixes loaded from the
/// CodeFixes assembly of the package.
/// </summary>
public sealed class ConsumerWorkspace : IDisposable
{
    public const string AnalyzerAssemblyFileName = "LemonData.Video.Analyzers.dll";
    public const string CodeFixesAssemblyFileName = "LemonData.Video.Analyzers.CodeFixes.dll";

    private ConsumerWorkspace(MSBuildWorkspace workspace, Project project, IReadOnlyList<string> loadFailures)
    {
        Workspace = workspace;
        ProjectId = project.Id;
        LoadFailures = loadFailures;
    }

    public MSBuildWorkspace Workspace { get; }

    public ProjectId ProjectId { get; }

    public Project Project => Workspace.CurrentSolution.GetProject(ProjectId)!;

    /// <summary>What the workspace reported while it loaded the project (WorkspaceFailed).</summary>
    public IReadOnlyList<string> LoadFailures { get; }

    public static async Task<ConsumerWorkspace> OpenAsync(string projectPath, CancellationToken cancellationToken)
    {
        // The BuildHost inherits these: no MSBuild node may outlive the test run.
        Environment.SetEnvironmentVariable("MSBUILDDISABLENODEREUSE", "1");
        Environment.SetEnvironmentVariable("DOTNET_CLI_TELEMETRY_OPTOUT", "1");
        Environment.SetEnvironmentVariable("DOTNET_NOLOGO", "1");

        var failures = new List<string>();
        var workspace = MSBuildWorkspace.Create(new Dictionary<string, string> { ["Configuration"] = "Debug" });
        try
        {
            using var failureHandler = workspace.RegisterWorkspaceFailedHandler(e =>
            {
                lock (failures)
                {
                    failures.Add(e.Diagnostic.Kind + ": " + e.Diagnostic.Message);
                }
            });
            var project = await workspace.OpenProjectAsync(projectPath, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new ConsumerWorkspace(workspace, project, failures);
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    /// <summary>The project's analyzer reference to the package's analyzer assembly.</summary>
    public AnalyzerReference AnalyzerReference => FindReference(AnalyzerAssemblyFileName);

    /// <summary>The project's analyzer reference to the package's code fixes assembly.</summary>
    public AnalyzerReference CodeFixesReference => FindReference(CodeFixesAssemblyFileName);

    /// <summary>The C# analyzers of the package, as the project's analyzer references load them.</summary>
    public ImmutableArray<DiagnosticAnalyzer> GetAnalyzers() => AnalyzerReference.GetAnalyzers(LanguageNames.CSharp);

    /// <summary>
    /// Runs the package's analyzers on the consumer project in <paramref name="solution"/> (the workspace's current
    /// solution unless given) and returns their diagnostics, the exceptions they threw, and their execution time.
    /// </summary>
    public async Task<WorkspaceAnalysis> AnalyzeAsync(Solution? solution, CancellationToken cancellationToken)
    {
        var project = (solution ?? Workspace.CurrentSolution).GetProject(ProjectId)!;
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The consumer project has no compilation.");
        var analyzers = GetAnalyzers();
        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (exception, analyzer, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(analyzer.GetType().Name + ": " + exception);
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: true);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var executionTime = TimeSpan.Zero;
        foreach (var analyzer in analyzers)
        {
            executionTime += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false)).ExecutionTime;
        }

        var compilerErrors = compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return new WorkspaceAnalysis(project, analyzers, diagnostics, compilerErrors, exceptions, executionTime);
    }

    /// <summary>
    /// The code fix providers of the package's CodeFixes assembly: every non-abstract <see cref="CodeFixProvider"/>
    /// with <see cref="ExportCodeFixProviderAttribute"/> for C#, as an IDE's MEF catalog finds them.
    /// </summary>
    public ImmutableArray<CodeFixProvider> GetCodeFixProviders()
    {
        var reference = CodeFixesReference;
        var assembly = reference is AnalyzerFileReference file
            ? file.GetAssembly()
            : Assembly.LoadFrom(reference.FullPath ?? throw new InvalidOperationException("The code fixes reference has no path."));
        return assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type))
            .Where(type => type.GetCustomAttribute<ExportCodeFixProviderAttribute>() is { } export && export.Languages.Contains(LanguageNames.CSharp))
            .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
            .ToImmutableArray();
    }

    /// <summary>
    /// Applies a fix for <paramref name="diagnostic"/> as the light bulb does: every provider that can fix its id gets a
    /// <see cref="CodeFixContext"/>, the action whose title <paramref name="chooseAction"/> accepts is taken, and its
    /// <see cref="ApplyChangesOperation"/> gives the new solution (not written to disk).
    /// </summary>
    public async Task<(CodeAction Action, Solution Changed)> FixAsync(
        Solution solution,
        Diagnostic diagnostic,
        Func<CodeAction, bool> chooseAction,
        CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(diagnostic.Location.SourceTree)
            ?? throw new InvalidOperationException("No document holds " + diagnostic);
        var actions = new List<CodeAction>();
        foreach (var provider in GetCodeFixProviders().Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
            await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        }

        var chosen = actions.SingleOrDefault(chooseAction)
            ?? throw new InvalidOperationException(
                $"No single code action for {diagnostic.Id} was chosen among: {string.Join(", ", actions.Select(a => "'" + a.Title + "'"))}");
        var operations = await chosen.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        var apply = operations.OfType<ApplyChangesOperation>().Single();
        return (chosen, apply.ChangedSolution);
    }

    public void Dispose() => Workspace.Dispose();

    private AnalyzerReference FindReference(string fileName)
    {
        var matches = Project.AnalyzerReferences
            .Where(r => r.FullPath is not null && string.Equals(Path.GetFileName(r.FullPath), fileName, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException(
                $"The consumer project has {matches.Count} analyzer references named {fileName}; all of them: "
                + string.Join(", ", Project.AnalyzerReferences.Select(r => r.FullPath ?? r.Display)));
    }
}

/// <summary>One run of the package's analyzers through <see cref="CompilationWithAnalyzers"/>.</summary>
public sealed record WorkspaceAnalysis(
    Project Project,
    ImmutableArray<DiagnosticAnalyzer> Analyzers,
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableArray<Diagnostic> CompilerErrors,
    IReadOnlyList<string> AnalyzerExceptions,
    TimeSpan AnalyzerExecutionTime)
{
    /// <summary>The LDV diagnostics as (file name, 1-based line, id), sorted.</summary>
    public IReadOnlyList<(string File, int Line, string Id)> LdvFindings =>
        Diagnostics
            .Where(d => d.Id.StartsWith("LDV", StringComparison.Ordinal))
            .Select(d => (Path.GetFileName(d.Location.SourceTree?.FilePath ?? string.Empty), d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Id))
            .OrderBy(f => f.Item2).ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
}
