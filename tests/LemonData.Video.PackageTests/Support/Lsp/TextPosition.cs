using System;

namespace LemonData.Video.PackageTests.Support.Lsp;

/// <summary>A place in a text as LSP names it: 0-based line and character (UTF-16 units, which our ASCII sources equal).</summary>
public readonly record struct TextPosition(int Line, int Character)
{
    /// <summary>Where <paramref name="fragment"/> starts in <paramref name="text"/>; it must occur exactly once.</summary>
    public static TextPosition Of(string text, string fragment)
    {
        var index = text.IndexOf(fragment, StringComparison.Ordinal);
        if (index < 0 || text.IndexOf(fragment, index + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"'{fragment}' must occur exactly once in the text.", nameof(fragment));
        }

        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new TextPosition(line, index - lineStart);
    }

    /// <summary>This position moved right by <paramref name="characters"/> on the same line.</summary>
    public TextPosition Plus(int characters) => this with { Character = Character + characters };
}
