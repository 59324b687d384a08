using System;
using System.Text;

namespace LemonData.Video;

/// <summary>A short, printable start of a body that could not be read, for error messages.</summary>
internal static class BodyExcerpt
{
    public const int MaxCharacters = 200;

    public static string From(ReadOnlySpan<byte> body)
    {
        var length = Math.Min(body.Length, MaxCharacters * 4);
#if NET8_0_OR_GREATER
        var text = Encoding.UTF8.GetString(body.Slice(0, length));
#else
        var text = Encoding.UTF8.GetString(body.Slice(0, length).ToArray());
#endif
        var excerpt = new StringBuilder(Math.Min(text.Length, MaxCharacters) + 3);
        foreach (var c in text)
        {
            if (excerpt.Length == MaxCharacters)
            {
                break;
            }

            // One line in a log: control characters (a binary or HTML body) become spaces.
            excerpt.Append(char.IsControl(c) ? ' ' : c);
        }

        if (body.Length > length || text.Length > MaxCharacters)
        {
            excerpt.Append("...");
        }

        return excerpt.ToString().Trim();
    }
}
