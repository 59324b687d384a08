using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LemonData.Video;

/// <summary>Writes a JSON value out as plain text, so that what it holds can be searched (and masked) as text.</summary>
internal static class JsonText
{
    // Relaxed: only what JSON requires is escaped, so a key hidden behind \u escapes in the answer comes out as itself.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Normalize(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
