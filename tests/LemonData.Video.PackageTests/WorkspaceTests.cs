using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.PackageTests.Support;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace LemonData.Video.PackageTests;

/// <summary>
/// The consumer as an IDE opens it: MSBuildWorkspace, the project's analyzer references run through
/// CompilationWithAnalyzers, and the package's code fixes applied to the workspace's solution.
/// </summary>
[Collection(PackagedConsumerCollection.Name)]
public sealed class WorkspaceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private readonly PackagedConsumer consumer;
    private readonly ITestOutputHelper output;

    public WorkspaceTests(PackagedConsumer consumer, ITestOutputHelper output)
    {
        this.consumer = consumer;
        this.output = output;
    }

    [Fact]
    public async Task Workspace_analysis_finds_what_the_command_line_build_found()
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        var workspace = await consumer.GetWorkspaceAsync();
        var analysis = await workspace.AnalyzeAsync(null, cancellation.Token);
        Write(workspace, analysis);

        Assert.DoesNotContain(workspace.LoadFailures, f => f.StartsWith("Failure", StringComparison.Ordinal));
        Assert.Empty(analysis.CompilerErrors);
        Assert.Empty(analysis.AnalyzerExceptions);
        // One analyzer: every rule runs in the same pass.
        Assert.Single(analysis.Analyzers);
        Assert.Equal(
            Enumerable.Range(1, 16).Select(n => $"LDV{n:D4}"),
            analysis.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));

        var fromSarif = consumer.Sarif.Results
            .Where(r => r.RuleId.StartsWith("LDV", StringComparison.Ordinal))
            .Select(r => $"{r.Line}: {r.RuleId}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        var fromWorkspace = analysis.LdvFindings.Select(f => $"{f.Line}: {f.Id}").OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(fromSarif);
        Assert.Equal(fromSarif, fromWorkspace);
        Assert.All(analysis.LdvFindings, f => Assert.Equal("Program.cs", f.File));
    }

    [Fact]
    public async Task Fps_fix_clamps_0_to_1_through_the_workspace()
    {
        var (before, after) = await FixAsync("LDV0006", "Fps = 0, // expect LDV0006", "Use 1, the nearest value in range");

        Assert.Equal("Fps = 0, // expect LDV0006", before.Trim());
        Assert.Equal("Fps = 1, // expect LDV0006", after.Trim());
    }

    [Fact]
    public async Task Model_fix_uses_the_suggested_id_sora_2()
    {
        var (before, after) = await FixAsync("LDV0001", "Model = \"sora-3\", // expect LDV0001", "Use model 'sora-2'");

        Assert.Equal("Model = \"sora-3\", // expect LDV0001", before.Trim());
        Assert.Equal("Model = \"sora-2\", // expect LDV0001", after.Trim());
    }

    /// <summary>
    /// Takes the diagnostic <paramref name="id"/> on the line holding <paramref name="lineFragment"/> from the
    /// workspace's analysis, applies the code action titled <paramref name="title"/>, checks that only that line
    /// changed and that the diagnostic is gone from the new solution (the others stay), and returns the line
    /// before and after.
    /// </summary>
    private async Task<(string Before, string After)> FixAsync(string id, string lineFragment, string title)
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        var workspace = await consumer.GetWorkspaceAsync();
        var solution = workspace.Workspace.CurrentSolution;
        var analysis = await workspace.AnalyzeAsync(solution, cancellation.Token);
        var line = ConsumerSource.LineOf(lineFragment);
        var diagnostic = Assert.Single(analysis.Diagnostics, d => d.Id == id && d.Location.GetLineSpan().StartLinePosition.Line + 1 == line);
        output.WriteLine($"{id} at line {line}: {diagnostic.GetMessage()}");
        output.WriteLine("Code fix providers: " + string.Join(", ", workspace.GetCodeFixProviders().Select(p => p.GetType().Name)));

        var (action, changed) = await workspace.FixAsync(solution, diagnostic, a => a.Title == title, cancellation.Token);
        output.WriteLine($"Applied '{action.Title}' ({action.EquivalenceKey})");

        var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
        var oldText = await document.GetTextAsync(cancellation.Token);
        var newText = await changed.GetDocument(document.Id)!.GetTextAsync(cancellation.Token);
        Assert.Equal(oldText.Lines.Count, newText.Lines.Count);
        var changedLines = Enumerable.Range(0, oldText.Lines.Count)
            .Where(i => oldText.Lines[i].ToString() != newText.Lines[i].ToString())
            .Select(i => i + 1)
            .ToList();
        Assert.Equal(new[] { line }, changedLines);

        var before = oldText.Lines[line - 1].ToString();
        var after = newText.Lines[line - 1].ToString();
        output.WriteLine("- " + before.Trim());
        output.WriteLine("+ " + after.Trim());

        // The fixed solution no longer has the diagnostic; every other finding stays where it was.
        var reanalysis = await workspace.AnalyzeAsync(changed, cancellation.Token);
        Assert.Empty(reanalysis.CompilerErrors);
        Assert.Equal(
            analysis.LdvFindings.Where(f => !(f.Line == line && f.Id == id)).ToList(),
            reanalysis.LdvFindings.ToList());
        return (before, after);
    }

    private void Write(ConsumerWorkspace workspace, WorkspaceAnalysis analysis)
    {
        output.WriteLine("Analyzer reference: " + workspace.AnalyzerReference.FullPath + " (" + workspace.AnalyzerReference.GetType().Name + ")");
        output.WriteLine("Code fixes reference: " + workspace.CodeFixesReference.FullPath + " (" + workspace.CodeFixesReference.GetType().Name + ")");
        output.WriteLine("Analyzers: " + string.Join(", ", analysis.Analyzers.Select(a => a.GetType().Name)));
        output.WriteLine($"Analyzer execution time through CompilationWithAnalyzers: {analysis.AnalyzerExecutionTime.TotalMilliseconds:F0} ms");
        foreach (var failure in workspace.LoadFailures)
        {
            output.WriteLine("Workspace: " + failure);
        }

        foreach (var error in analysis.CompilerErrors)
        {
            output.WriteLine("Compiler: " + error);
        }

        foreach (var exception in analysis.AnalyzerExceptions)
        {
            output.WriteLine("Analyzer exception: " + exception);
        }

        foreach (var finding in analysis.LdvFindings)
        {
            output.WriteLine($"Workspace {finding.File}({finding.Line}): {finding.Id}");
        }
    }
}
