using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LemonData.Video.Analyzers.Configuration;

/// <summary>
/// The <c>lemondata_video.extra_models</c> option of one compilation: models released after the user's SDK, declared in
/// .editorconfig (per file, by section) or .globalconfig. Read only when a model is not in the catalog, so a compilation
/// that uses catalog models never reads it; each distinct value is parsed once.
/// </summary>
internal sealed class ExtraModelsOption
{
    /// <summary>The option's key.</summary>
    public const string Key = "lemondata_video.extra_models";

    // Values are few (one per configuration file) and short-lived in the IDE, which makes a compilation per edit: the
    // parse is shared across compilations, and the cache is emptied, not grown, should values keep changing.
    private const int MaxCachedValues = 32;
    private static readonly ConcurrentDictionary<string, ExtraModels> Parsed = new(StringComparer.Ordinal);

    private readonly AnalyzerConfigOptionsProvider options;

    public ExtraModelsOption(AnalyzerConfigOptionsProvider options) => this.options = options;

    /// <summary>The models declared for <paramref name="tree"/>: by its .editorconfig sections, else by the global configuration.</summary>
    public ExtraModels For(SyntaxTree tree) =>
        TryGetValue(tree, out var value) ? Parse(value) : ExtraModels.None;

    /// <summary>The declarations of <paramref name="value"/>, parsed once per distinct value.</summary>
    public static ExtraModels Parse(string value)
    {
        if (Parsed.TryGetValue(value, out var models))
        {
            return models;
        }

        if (Parsed.Count >= MaxCachedValues)
        {
            Parsed.Clear();
        }

        return Parsed.GetOrAdd(value, ExtraModelsParser.Parse);
    }

    /// <summary>
    /// The entries of every value some file of <paramref name="compilation"/> sees that are not used as written, each once;
    /// among them those that declare a model <paramref name="catalog"/> has from its catalog file, whose entry wins.
    /// </summary>
    public ImmutableArray<ExtraModelProblem> FindProblems(VideoModelCatalog catalog, Compilation compilation, CancellationToken cancellationToken)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        var messages = new HashSet<string>(StringComparer.Ordinal);
        var problems = ImmutableArray.CreateBuilder<ExtraModelProblem>();
        AddProblems(options.GlobalOptions, catalog, values, messages, problems);
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AddProblems(options.GetOptions(tree), catalog, values, messages, problems);
        }

        return problems.ToImmutable();
    }

    // The same entry may stand in several values (a global one and a section's): it is reported once.
    private static void AddProblems(
        AnalyzerConfigOptions options,
        VideoModelCatalog catalog,
        HashSet<string> values,
        HashSet<string> messages,
        ImmutableArray<ExtraModelProblem>.Builder problems)
    {
        if (!options.TryGetValue(Key, out var value) || !values.Add(value))
        {
            return;
        }

        var models = Parse(value);
        foreach (var problem in models.Problems)
        {
            Add(problem, messages, problems);
        }

        if (ReferenceEquals(catalog, VideoModelCatalog.Snapshot))
        {
            return;
        }

        // The parse knows only the snapshot (it is shared by every compilation); the catalog file is this compilation's.
        foreach (var declared in models.Entries)
        {
            if (catalog.ContainsModel(declared.Key))
            {
                Add(
                    new ExtraModelProblem(declared.Value, "'" + declared.Key + "' is a model of " + ModelsFile.FileName + ", whose entry applies; remove the entry", isSyntax: false),
                    messages,
                    problems);
            }
        }
    }

    private static void Add(ExtraModelProblem problem, HashSet<string> messages, ImmutableArray<ExtraModelProblem>.Builder problems)
    {
        if (messages.Add(problem.Message))
        {
            problems.Add(problem);
        }
    }

    private bool TryGetValue(SyntaxTree tree, out string value) =>
        options.GetOptions(tree).TryGetValue(Key, out value!) || options.GlobalOptions.TryGetValue(Key, out value!);
}
