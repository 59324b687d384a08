using System;
using System.IO;
using System.Threading.Tasks;

namespace LemonData.Video.PackageTests.Support.Lsp;

/// <summary>
/// csharp-ls, the Roslyn language server of Neovim, Helix and Emacs users, as the repository's tool manifest
/// (<c>.config/dotnet-tools.json</c>) pins it. The manifest is the repository's rather than a temporary one of the
/// tests so that the version is in one visible place and a developer reproduces a failure with
/// <c>dotnet tool restore</c> and <c>dotnet tool run csharp-ls</c>; the tests restore it themselves, so the README's
/// <c>dotnet test Generated.sln</c> works on a fresh clone as well as after <c>.ci/run</c>'s own restore.
/// </summary>
internal static class CSharpLsTool
{
    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(3);
    private static readonly Lazy<Task<string?>> Restore = new(RestoreAsync);

    /// <summary>Why the server cannot run here (printed as the tests' skip reason), or null once it is restored.</summary>
    public static Task<string?> UnavailableBecauseAsync() => Restore.Value;

    private static async Task<string?> RestoreAsync()
    {
        var manifest = Path.Combine(RepositoryRoot.Path, ".config", "dotnet-tools.json");
        if (!File.Exists(manifest) || !(await File.ReadAllTextAsync(manifest).ConfigureAwait(false)).Contains("\"csharp-ls\"", StringComparison.Ordinal))
        {
            return $"{manifest} does not list csharp-ls: there is no editor host to test.";
        }

        try
        {
            var restore = await DotNet.RunAsync(RepositoryRoot.Path, new[] { "tool", "restore" }, RestoreTimeout).ConfigureAwait(false);
            return restore.ExitCode == 0
                ? null
                : $"csharp-ls, as {manifest} pins it, could not be installed (no package feed serves it?):{Environment.NewLine}{restore.Describe(maxLines: 20)}";
        }
        catch (TimeoutException timeout)
        {
            return $"csharp-ls, as {manifest} pins it, could not be installed in {RestoreTimeout.TotalMinutes:F0} min: {timeout.Message}";
        }
    }
}
