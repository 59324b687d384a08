using System;
using System.Collections.Generic;
using System.Text.Json;

namespace LemonData.Video;

/// <summary>Reads the service's error body into a <see cref="LemonDataApiError"/>; a body that is not that JSON becomes an excerpt.</summary>
internal static class ErrorBodyReader
{
    public static void Read(ReadOnlySpan<byte> body, LemonDataApiError error)
    {
        ErrorResponse? parsed = null;
        if (!body.IsEmpty)
        {
            try
            {
                parsed = JsonSerializer.Deserialize(Utf8Bom.Skip(body), LemonDataJsonContext.Default.ErrorResponse);
            }
            catch (JsonException)
            {
                parsed = null;
            }
        }

        if (parsed?.Error is not { } detail)
        {
            error.ResponseExcerpt = body.IsEmpty ? null : BodyExcerpt.From(body);
            return;
        }

        error.ServiceMessage = detail.Message;
        error.ErrorType = detail.Type;
        error.ErrorCode = detail.Code;
        error.Param = detail.Param;
        error.Hint = detail.Hint;
        error.DidYouMean = detail.DidYouMean;
        if (error.RetryAfter is null && detail.RetryAfter is { } seconds && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
        {
            error.RetryAfter = TimeSpan.FromSeconds(seconds);
        }

        if (parsed.ValidationErrors is { Count: > 0 } validationErrors)
        {
            var fields = new List<KeyValuePair<string, string>>(validationErrors.Count);
            foreach (var validationError in validationErrors)
            {
                if (validationError?.Field is { } field)
                {
                    fields.Add(new KeyValuePair<string, string>(field, validationError.Message ?? "invalid"));
                }
            }

            error.ValidationErrors = fields;
        }
    }
}
