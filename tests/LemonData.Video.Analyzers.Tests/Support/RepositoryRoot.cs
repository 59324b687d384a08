using System;
using System.IO;

namespace LemonData.Video.Analyzers.Tests.Support;

/// <summary>The repository the tests run from: its docs are checked against the analyzer.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "analyzers", "LemonData.Video.Analyzers", "AnalyzerReleases.Unshipped.md")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }
}
