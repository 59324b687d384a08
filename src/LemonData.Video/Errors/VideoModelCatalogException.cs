using System;

namespace LemonData.Video;

/// <summary>
/// A catalog file (<c>lemondata-models.json</c>) that <see cref="VideoModelCatalog.Load(string)"/> cannot use: not valid
/// JSON, an unknown <c>format</c>, or an entry that cannot be read. The message names the file, the line and the field,
/// and says what the field must be.
/// </summary>
public sealed class VideoModelCatalogException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, where, and what the field must be.</param>
    /// <param name="line">The 1-based line of the problem, as an editor shows it.</param>
    /// <param name="field">The field's path, for example <c>models[3].durations[1]</c>.</param>
    public VideoModelCatalogException(string message, int? line, string? field)
        : base(message)
    {
        Line = line;
        Field = field;
    }

    /// <summary>The 1-based line of the problem, or <see langword="null"/> when it has none.</summary>
    public int? Line { get; }

    /// <summary>The path of the field at fault (for example <c>models[3].durations[1]</c> or <c>format</c>), or <see langword="null"/>.</summary>
    public string? Field { get; }
}
