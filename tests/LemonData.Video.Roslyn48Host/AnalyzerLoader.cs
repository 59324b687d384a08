using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Roslyn48Host;

/// <summary>
/// Loads analyzer assemblies as a .NET host of Roslyn 4.8 does (its own loader is internal): each analyzer folder gets
/// an <see cref="AssemblyLoadContext"/>, and a dependency resolves to the host's copy first (Microsoft.CodeAnalysis,
/// System.Collections.Immutable, System.Composition: one version per process), else to a file beside the analyzer. So
/// the fixes meet exactly the versions this process has: what Workspaces 4.8 brings.
/// </summary>
internal sealed class AnalyzerLoader : IAnalyzerAssemblyLoader
{
    private readonly Dictionary<string, FolderLoadContext> contexts = new(StringComparer.Ordinal);

    public void AddDependencyLocation(string fullPath)
    {
    }

    public Assembly LoadFromPath(string fullPath)
    {
        var folder = Path.GetDirectoryName(fullPath)!;
        lock (contexts)
        {
            if (!contexts.TryGetValue(folder, out var context))
            {
                context = new FolderLoadContext(folder);
                contexts.Add(folder, context);
            }

            return context.LoadFromAssemblyPath(fullPath);
        }
    }

    private sealed class FolderLoadContext : AssemblyLoadContext
    {
        private readonly string folder;

        public FolderLoadContext(string folder)
            : base("analyzers: " + folder)
        {
            this.folder = folder;
        }

        protected override Assembly? Load(AssemblyName name)
        {
            try
            {
                return Default.LoadFromAssemblyName(name);
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException)
            {
                // Not the host's (or not at a version the host has): only the analyzer's own folder is left.
            }

            var beside = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(beside) ? LoadFromAssemblyPath(beside) : null;
        }
    }
}
