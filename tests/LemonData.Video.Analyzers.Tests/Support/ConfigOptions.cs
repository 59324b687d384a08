using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LemonData.Video.Analyzers.Tests.Support;

/// <summary>
/// .editorconfig and .globalconfig files as the compiler reads them (its own parser and section matching), for the tests
/// that compile on their own: the analyzer options, and the severities (<see cref="Severities"/>, for the compilation's
/// options). Source paths are taken from the root, where the files are.
/// </summary>
internal sealed class ConfigOptions : AnalyzerConfigOptionsProvider
{
    private readonly AnalyzerConfigSet set;

    /// <summary>Each text is a file at the root: '/.globalconfig' when it says <c>is_global = true</c>, '/.editorconfig' otherwise.</summary>
    public ConfigOptions(params string[] texts)
    {
        set = AnalyzerConfigSet.Create(texts
            .Select(text => AnalyzerConfig.Parse(text, text.Contains("is_global = true", System.StringComparison.Ordinal) ? "/.globalconfig" : "/.editorconfig"))
            .ToImmutableArray());
        Severities = new SeverityOptions(this);
    }

    /// <summary>The <c>dotnet_diagnostic.*.severity</c> entries, as a build hands them to the compiler.</summary>
    public SyntaxTreeOptionsProvider Severities { get; }

    public override AnalyzerConfigOptions GlobalOptions => new Options(set.GlobalConfigOptions.AnalyzerOptions);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => ForPath(tree.FilePath);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => ForPath(textFile.Path);

    private Options ForPath(string path) => new(OptionsForPath(path).AnalyzerOptions);

    private AnalyzerConfigOptionsResult OptionsForPath(string path) =>
        set.GetOptionsForSourcePath(path.StartsWith('/') ? path : "/" + path);

    private sealed class SeverityOptions : SyntaxTreeOptionsProvider
    {
        private readonly ConfigOptions config;

        public SeverityOptions(ConfigOptions config) => this.config = config;

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            config.OptionsForPath(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            config.set.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> values;

        public Options(ImmutableDictionary<string, string> values) => this.values = values;

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
