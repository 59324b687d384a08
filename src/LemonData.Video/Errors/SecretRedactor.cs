using System;
using System.Text;

namespace LemonData.Video;

/// <summary>
/// Keeps API keys out of exception messages. The service may echo a key back (for example in an
/// "invalid API key" message), and messages end up in logs.
/// </summary>
internal static class SecretRedactor
{
    private const string Mask = "sk-***";

    public static string Redact(string text, string? secret)
    {
        if (!string.IsNullOrEmpty(secret) && text.IndexOf(secret!, StringComparison.Ordinal) >= 0)
        {
            text = text.Replace(secret!, Mask);
        }

        return RedactKeyShapedTokens(text);
    }

    /// <summary>Whether <paramref name="text"/> holds an <c>sk-</c> token of key length (what <see cref="Redact"/> would mask).</summary>
    public static bool ContainsKeyShapedToken(string text) =>
        text.IndexOf("sk-", StringComparison.Ordinal) >= 0 && !string.Equals(RedactKeyShapedTokens(text), text, StringComparison.Ordinal);

    // Any "sk-" token of key length is masked too: it may be another key of the same user.
    private static string RedactKeyShapedTokens(string text)
    {
        var start = text.IndexOf("sk-", StringComparison.Ordinal);
        if (start < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var copied = 0;
        while (start >= 0)
        {
            var end = start + 3;
            while (end < text.Length && IsKeyCharacter(text[end]))
            {
                end++;
            }

            var precededByKeyCharacter = start > 0 && IsKeyCharacter(text[start - 1]);
            if (end - start >= 12 && !precededByKeyCharacter)
            {
                result.Append(text, copied, start - copied).Append(Mask);
                copied = end;
            }

            start = text.IndexOf("sk-", end, StringComparison.Ordinal);
        }

        result.Append(text, copied, text.Length - copied);
        return result.ToString();
    }

    private static bool IsKeyCharacter(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}
