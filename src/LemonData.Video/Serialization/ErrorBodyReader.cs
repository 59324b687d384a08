using System;
using System.Collections.Generic;
using System.Globalization;
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
        error.RequestId = NonBlank(detail.RequestId) ?? NonBlank(parsed.RequestId);
        error.BalanceUsd = ReadMoney(detail.BalanceUsd);
        error.EstimatedCostUsd = ReadMoney(detail.EstimatedCostUsd);
        error.SupportedParameters = ModelContractLists.ReadStrings(detail.SupportedParameters);
        error.AllowedResolutions = ModelContractLists.ReadStrings(detail.AllowedResolutions);
        if (ModelContractLists.IsGiven(detail.RecommendedRequest))
        {
            error.RecommendedRequest = detail.RecommendedRequest;
        }

        if (error.RetryAfter is null && detail.RetryAfter is { } seconds && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
        {
            error.RetryAfter = TimeSpan.FromSeconds(seconds);
        }

        if (parsed.ValidationErrors is { Count: > 0 } validationErrors)
        {
            var fields = new List<VideoFieldError>(validationErrors.Count);
            foreach (var validationError in validationErrors)
            {
                if (validationError?.Field is { } field)
                {
                    fields.Add(new VideoFieldError(field, validationError.Message ?? "invalid"));
                }
            }

            error.ValidationErrors = fields;
        }
    }

    private static string? NonBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

    // An amount in US dollars: a number, or a number in a string ("0.12", "$0.12"). Anything else is not guessed at.
    private static decimal? ReadMoney(JsonElement? value)
    {
        switch (value)
        {
            case { ValueKind: JsonValueKind.Number } number:
                return number.TryGetDecimal(out var amount) ? amount : null;
            case { ValueKind: JsonValueKind.String } text:
                var trimmed = text.GetString()?.Trim().TrimStart('$');
                return decimal.TryParse(trimmed, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            default:
                return null;
        }
    }
}
