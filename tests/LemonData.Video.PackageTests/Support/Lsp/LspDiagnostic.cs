using System.Text.Json;

namespace LemonData.Video.PackageTests.Support.Lsp;

/// <summary>
/// One diagnostic as the server sent it: its code (<c>LDV0006</c>, <c>CS0219</c>), where it starts (0-based, as LSP
/// counts), its message, and the JSON itself, which a <c>textDocument/codeAction</c> request sends back.
/// </summary>
public sealed record LspDiagnostic(string Code, int Line, int Character, string Message, JsonElement Json)
{
    public static LspDiagnostic From(JsonElement json)
    {
        var start = json.GetProperty("range").GetProperty("start");
        var code = json.TryGetProperty("code", out var c) ? (c.ValueKind == JsonValueKind.String ? c.GetString()! : c.GetRawText()) : string.Empty;
        return new LspDiagnostic(code, start.GetProperty("line").GetInt32(), start.GetProperty("character").GetInt32(), json.GetProperty("message").GetString() ?? string.Empty, json.Clone());
    }

    public override string ToString() => $"{Line + 1}:{Character + 1} {Code} {Message}";
}
