using System;
using System.IO;

namespace LemonData.Video.PackageTests.Support;

/// <summary>The repository the tests run from: the first folder above the test assembly that holds Generated.sln.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No Generated.sln above " + AppContext.BaseDirectory + ": the tests must run from the repository.");
    }
}
