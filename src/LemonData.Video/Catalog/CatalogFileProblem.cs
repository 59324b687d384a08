#nullable enable

using System.Globalization;

namespace LemonData.Video;

/// <summary>
/// Something wrong in a catalog file (<c>lemondata-models.json</c>): where (a 1-based line, and the field's path such as
/// <c>models[3].durations[1]</c>) and what. Shared by <c>VideoModelCatalog.Load</c>, which throws it, and the analyzer,
/// which reports it as LDV0016.
/// </summary>
internal readonly struct CatalogFileProblem
{
    public CatalogFileProblem(int line, string? field, string message, bool skipsEntry)
    {
        Line = line;
        Field = field;
        Message = message;
        SkipsEntry = skipsEntry;
    }

    public int Line { get; }

    public string? Field { get; }

    /// <summary>A sentence that names the field and says what it must be.</summary>
    public string Message { get; }

    /// <summary>True when only one entry is skipped and the file's other entries apply; false when the whole file is unusable.</summary>
    public bool SkipsEntry { get; }

    /// <summary>The problem as one line of a build log: <c>line 12, models[3].durations[1]: ...</c>.</summary>
    public string Describe(string fileName) =>
        fileName + "(" + Line.ToString(CultureInfo.InvariantCulture) + "): " + (Field is null ? string.Empty : Field + ": ") + Message;
}
