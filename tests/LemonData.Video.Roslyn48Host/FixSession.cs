using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.PortableExecutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LemonData.Video.Roslyn48Host;

/// <summary>
/// One consumer document in an <see cref="AdhocWorkspace"/> (Workspaces 4.8 composed by its default MEF host), with
/// the package's analyzer and code fixes as analyzer references; fixes are applied through the workspace as an editor's
/// light bulb applies them.
/// </summary>
internal sealed class FixSession : IDisposable
{
    private const string AnalyzerFileName = "LemonData.Video.Analyzers.dll";
    private const string CodeFixesFileName = "LemonData.Video.Analyzers.CodeFixes.dll";

    private readonly AdhocWorkspace workspace;
    private readonly DocumentId documentId;
    private readonly AnalyzerFileReference analyzerReference;
    private readonly AnalyzerFileReference codeFixesReference;

    private FixSession(AdhocWorkspace workspace, DocumentId documentId, AnalyzerFileReference analyzerReference, AnalyzerFileReference codeFixesReference)
    {
        this.workspace = workspace;
        this.documentId = documentId;
        this.analyzerReference = analyzerReference;
        this.codeFixesReference = codeFixesReference;
    }

    /// <summary>A workspace with one project holding <paramref name="sourceText"/>, compiled against the SDK assembly of the package.</summary>
    public static FixSession Open(string analyzerFolder, string sdkAssembly, string sourceText)
    {
        var loader = new AnalyzerLoader();
        var analyzer = new AnalyzerFileReference(Path.Combine(analyzerFolder, AnalyzerFileName), loader);
        var codeFixes = new AnalyzerFileReference(Path.Combine(analyzerFolder, CodeFixesFileName), loader);

        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var references = FrameworkReferences().Append(MetadataReference.CreateFromFile(sdkAssembly));
        var project = ProjectInfo.Create(
            projectId,
            VersionStamp.Create(),
            "Consumer",
            "Consumer",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
            metadataReferences: references,
            analyzerReferences: new AnalyzerReference[] { analyzer, codeFixes });
        workspace.AddProject(project);
        var document = workspace.AddDocument(projectId, "Requests.cs", SourceText.From(sourceText));
        return new FixSession(workspace, document.Id, analyzer, codeFixes);
    }

    public Document Document => workspace.CurrentSolution.GetDocument(documentId)!;

    /// <summary>The System.Composition.AttributedModel the CodeFixes assembly references, read from its metadata without loading it.</summary>
    public string CodeFixesCompositionReference()
    {
        using var pe = new PEReader(File.OpenRead(codeFixesReference.FullPath));
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return metadata.AssemblyReferences
            .Select(handle => metadata.GetAssemblyReference(handle))
            .Where(reference => metadata.GetString(reference.Name) == "System.Composition.AttributedModel")
            .Select(reference => "System.Composition.AttributedModel " + reference.Version)
            .SingleOrDefault() ?? "none";
    }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers() => analyzerReference.GetAnalyzers(LanguageNames.CSharp);

    /// <summary>
    /// The code fix providers of the CodeFixes assembly, found as `dotnet format` and a MEF catalog find them: every
    /// <see cref="CodeFixProvider"/> with an <see cref="ExportCodeFixProviderAttribute"/> for C#. Reading the attributes
    /// resolves every attribute type on the class, [Shared] (System.Composition.AttributedModel) included.
    /// </summary>
    public ImmutableArray<CodeFixProvider> CodeFixProviders() =>
        codeFixesReference.GetAssembly().GetTypes()
            .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type))
            .Where(type => type.GetCustomAttribute<ExportCodeFixProviderAttribute>() is { } export && export.Languages.Contains(LanguageNames.CSharp))
            .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
            .ToImmutableArray();

    public async Task<ImmutableArray<Diagnostic>> CompilerErrorsAsync(CancellationToken cancellationToken)
    {
        var compilation = await Document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        return compilation!.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
    }

    /// <summary>The package's diagnostics on the document as it is now, in source order.</summary>
    public async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(CancellationToken cancellationToken)
    {
        var project = Document.Project;
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var withAnalyzers = compilation!.WithAnalyzers(Analyzers(), project.AnalyzerOptions);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    /// <summary>
    /// Applies the one fix every provider offers for the first <paramref name="id"/> diagnostic, through
    /// <see cref="ApplyChangesOperation.Apply"/> on the workspace, and returns the line it changed.
    /// </summary>
    public async Task<AppliedFix> FixFirstAsync(string id, ImmutableArray<CodeFixProvider> providers, CancellationToken cancellationToken)
    {
        var diagnostic = (await AnalyzeAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(d => d.Id == id)
            ?? throw new InvalidOperationException("The analyzer reported no " + id + " to fix.");
        var document = Document;
        var actions = new List<CodeAction>();
        foreach (var provider in providers.Where(p => p.FixableDiagnosticIds.Contains(id)))
        {
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken)).ConfigureAwait(false);
        }

        var chosen = actions.Count == 1
            ? actions[0]
            : throw new InvalidOperationException($"Expected one code action for {id}, got {actions.Count}: {string.Join(", ", actions.Select(a => a.Title))}");
        var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
        var before = (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).Lines[line].ToString();
        foreach (var operation in await chosen.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
        {
            operation.Apply(workspace, cancellationToken);
        }

        var after = (await Document.GetTextAsync(cancellationToken).ConfigureAwait(false)).Lines[line].ToString();
        return new AppliedFix(id, chosen.Title, line + 1, before.Trim(), after.Trim());
    }

    public void Dispose() => workspace.Dispose();

    /// <summary>The assemblies of the running shared framework, as reference assemblies for the consumer's compilation.</summary>
    private static IEnumerable<MetadataReference> FrameworkReferences()
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => string.Equals(Path.GetDirectoryName(path), framework, StringComparison.Ordinal))
            .Select(path => MetadataReference.CreateFromFile(path));
    }
}
