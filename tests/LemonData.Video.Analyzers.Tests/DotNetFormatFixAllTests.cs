extern alias Analyzers;

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ClampToNearestBoundFix = Analyzers::LemonData.Video.Analyzers.CodeFixes.ClampToNearestBoundFix;
using UseOfferedValueFix = Analyzers::LemonData.Video.Analyzers.CodeFixes.UseOfferedValueFix;
using UseSuggestedModelIdFix = Analyzers::LemonData.Video.Analyzers.CodeFixes.UseSuggestedModelIdFix;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>
/// Fix All as <c>dotnet format analyzers</c> runs it (its <c>SolutionCodeFixApplier</c>): the fix is asked about the
/// first diagnostic the analysis found, whatever its rule, the key of the first action it registers names the Fix All,
/// and the Fix All gets every diagnostic of the analysis. With one analyzer for all the LDV rules, that first diagnostic
/// is often another rule's; the fix must still give its Fix All (FixAllKeyForAnotherRule), which fixes its own rule only.
/// </summary>
public class DotNetFormatFixAllTests
{
    private static readonly string Source = TestSource.InClass("""
            VideoGenerationRequest Request() => new VideoGenerationRequest
            {
                Prompt = "a cat surfing",
                Model = "sora2",
                Fps = 240,
            };

            VideoGenerationRequest Longer() => new VideoGenerationRequest { Prompt = "a cat surfing", Model = "sora-2", Duration = 7 };
        """);

    private static readonly string ModelsFile = """
        { "format": "lemondata-video-models/1", "models": [ { "id": "sora-2", "durations": [4, 8, 12] } ] }
        """;

    public static TheoryData<string, string, string> Edits => new()
    {
        { "LDV0001", "Model = \"sora2\",", "Model = \"sora-2\"," },
        { "LDV0006", "Fps = 240,", "Fps = 120," },
        { "LDV0009", "Duration = 7 }", "Duration = 8 }" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task Asked_about_another_rules_diagnostic_the_fix_still_fixes_all_of_its_own(string id, string before, string after)
    {
        using var workspace = new AdhocWorkspace();
        var document = await DocumentAsync(workspace);
        var diagnostics = await AnalyzeAsync(document);
        Assert.Equal(new[] { "LDV0001", "LDV0006", "LDV0009" }, diagnostics.Select(d => d.Id).Order());
        var fix = FixProviders().Single(f => f.FixableDiagnosticIds.Contains(id));

        CodeAction? first = null;
        var asked = diagnostics.First(d => d.Id != id);
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, asked, (action, _) => first ??= action, CancellationToken.None));
        Assert.NotNull(first);

        var fixAll = await fix.GetFixAllProvider()!.GetFixAsync(
            new FixAllContext(document, fix, FixAllScope.Solution, first!.EquivalenceKey!, new[] { id }, new AllDiagnostics(diagnostics), CancellationToken.None));
        Assert.NotNull(fixAll);
        var changed = (await fixAll!.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;

        Assert.Equal(Source.Replace(before, after, System.StringComparison.Ordinal), (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString());
    }

    private static IEnumerable<CodeFixProvider> FixProviders() => new CodeFixProvider[] { new UseSuggestedModelIdFix(), new ClampToNearestBoundFix(), new UseOfferedValueFix() };

    private static async Task<Document> DocumentAsync(AdhocWorkspace workspace)
    {
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Create(),
            "Consumer",
            "Consumer",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
            metadataReferences: await SdkReferences.WithSdkAsync()));
        project = project.AddAdditionalDocument(ModelsFiles.Name, SourceText.From(ModelsFile), filePath: "/" + ModelsFiles.Name).Project;
        return project.AddDocument("Sample.cs", SourceText.From(Source), filePath: "/Sample.cs");
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(AllAnalyzers.Instances, document.Project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    /// <summary>As dotnet format's provider: every diagnostic of the analysis, of every rule.</summary>
    private sealed class AllDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
