using System;
using System.Text.Json;

namespace LemonData.Video;

/// <summary>
/// Finds a task id in a body that could not be read as a task (a wrong type somewhere, a truncated
/// answer): the one thing that must reach the caller, because the task exists and is billed.
/// </summary>
internal static class TaskIdSalvage
{
    public static string? TryFind(ReadOnlySpan<byte> body)
    {
        string? taskId = null;
        try
        {
            var reader = new Utf8JsonReader(Utf8Bom.Skip(body), new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1
                    && (reader.ValueTextEquals("id") || reader.ValueTextEquals("task_id")))
                {
                    if (reader.Read() && reader.TokenType == JsonTokenType.String)
                    {
                        var value = reader.GetString();
                        if (!string.IsNullOrWhiteSpace(value))
                        {
                            taskId ??= value;
                        }
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A truncated or broken body: keep whatever was found before the break.
        }

        return taskId;
    }
}
