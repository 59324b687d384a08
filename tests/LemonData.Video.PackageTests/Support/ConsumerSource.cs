using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace LemonData.Video.PackageTests.Support;

/// <summary>
/// The consumer's Program.cs (Consumer/Program.cs, embedded) and what its markers expect: <c>// expect LDV00NN</c>
/// on a line that must get that diagnostic, <c>// expect silent</c> on a line that must get none.
/// </summary>
internal static partial class ConsumerSource
{
    private static readonly Lazy<string> LazyText = new(Load);

    public static string Text => LazyText.Value;

    /// <summary>Every expected diagnostic: (1-based line, id).</summary>
    public static IReadOnlyList<(int Line, string Id)> ExpectedDiagnostics =>
        Markers().Where(m => m.Marker != "silent").Select(m => (m.Line, m.Marker)).ToList();

    /// <summary>The 1-based lines that must get no LDV diagnostic.</summary>
    public static IReadOnlyList<int> SilentLines => Markers().Where(m => m.Marker == "silent").Select(m => m.Line).ToList();

    /// <summary>The 1-based line whose text contains <paramref name="fragment"/>; exactly one must.</summary>
    public static int LineOf(string fragment)
    {
        var lines = Lines().Select((text, index) => (text, line: index + 1)).Where(l => l.text.Contains(fragment, StringComparison.Ordinal)).ToList();
        return lines.Count == 1
            ? lines[0].line
            : throw new InvalidOperationException($"'{fragment}' is on {lines.Count} lines of the consumer, not one.");
    }

    private static IEnumerable<(int Line, string Marker)> Markers()
    {
        foreach (var (text, index) in Lines().Select((text, index) => (text, index)))
        {
            var match = MarkerPattern().Match(text);
            if (match.Success)
            {
                yield return (index + 1, match.Groups["marker"].Value);
            }
        }
    }

    private static string[] Lines() => Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    private static string Load()
    {
        using var stream = typeof(ConsumerSource).Assembly.GetManifestResourceStream("Consumer.Program.cs")
            ?? throw new InvalidOperationException("The consumer's Program.cs is not embedded in the test assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"// expect (?<marker>LDV\d{4}|silent)\s*$")]
    private static partial Regex MarkerPattern();
}
