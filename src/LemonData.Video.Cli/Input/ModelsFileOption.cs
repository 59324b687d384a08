using System;
using System.CommandLine;
using System.IO;

namespace LemonData.Video.Cli.Input;

/// <summary>The models a command checks against, and where they come from (for the line the tool prints about it).</summary>
internal sealed record ModelCatalogChoice(VideoModelCatalog Catalog, string? FilePath)
{
    /// <summary>How a person reads where the list comes from.</summary>
    public string Describe() => FilePath is null
        ? "the snapshot built into LemonData.Video " + typeof(VideoModelCatalog).Assembly.GetName().Version?.ToString(3)
          + " (no " + VideoModelCatalog.DefaultFileName + " here; 'lemondata-video models sync' writes one)"
        : FilePath + (Catalog.SyncedAt is { } syncedAt ? ", synced " + syncedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) : string.Empty)
          + (Catalog.Source is { } source ? " from " + source : string.Empty);
}

/// <summary>
/// <c>--models-file</c>: the <c>lemondata-models.json</c> a command checks requests against. Without it, the file of that
/// name in the current folder is used when there is one (as the analyzer reads the one beside the project), else the
/// snapshot built into the SDK.
/// </summary>
internal sealed class ModelsFileOption
{
    public Option<string?> ModelsFile { get; } = new("--models-file")
    {
        Description = "The model catalog file to check requests against (default: " + VideoModelCatalog.DefaultFileName + " in the current folder, if there is one; else the SDK's snapshot).",
        HelpName = "file",
    };

    public void AddTo(Command command) => command.Add(ModelsFile);

    /// <exception cref="InvalidInputException">The file given does not exist, or is not a valid catalog file (its line and field named).</exception>
    public ModelCatalogChoice Resolve(ParseResult parseResult, CliContext context)
    {
        var given = parseResult.GetValue(ModelsFile);
        var path = given is null
            ? Path.Combine(context.WorkingDirectory, VideoModelCatalog.DefaultFileName)
            : Path.GetFullPath(Path.Combine(context.WorkingDirectory, given));
        if (!File.Exists(path))
        {
            if (given is not null)
            {
                throw new InvalidInputException("--models-file: there is no file '" + path + "'. Write one with 'lemondata-video models sync --out " + given + "'.");
            }

            return new ModelCatalogChoice(VideoModelCatalog.Snapshot, FilePath: null);
        }

        try
        {
            return new ModelCatalogChoice(VideoModelCatalog.Load(path), path);
        }
        catch (VideoModelCatalogException exception)
        {
            throw new InvalidInputException(exception.Message + " Fix the file, or write it again with 'lemondata-video models sync'.");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException("The model catalog file '" + path + "' cannot be read: " + exception.Message);
        }
    }
}
