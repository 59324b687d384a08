using System;

namespace LemonData.Video;

/// <summary>
/// Skips a UTF-8 byte order mark: some proxies add one, and System.Text.Json's span readers refuse it,
/// which would turn a readable task (and its id) into an unreadable answer.
/// </summary>
internal static class Utf8Bom
{
    public static ReadOnlySpan<byte> Skip(ReadOnlySpan<byte> body) =>
        body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF ? body.Slice(3) : body;
}
