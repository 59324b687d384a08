using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video;

/// <summary>
/// Turns an image into the base64 data URL that <see cref="VideoGenerationRequest.Image"/> takes
/// (<c>data:image/png;base64,...</c>). The media type is read from the bytes themselves, so a file
/// misnamed <c>.png</c> is not sent as one, and the size is capped: the whole image travels in the
/// request body, and the service refuses large bodies (413).
/// </summary>
public static class VideoImage
{
    /// <summary>The default cap on an image's size: 10 MiB.</summary>
    public const int DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>The media types the helper recognises.</summary>
    public static IReadOnlyList<string> SupportedMediaTypes { get; } = new[] { "image/png", "image/jpeg", "image/webp", "image/gif" };

    /// <summary>Encodes image bytes as a data URL.</summary>
    /// <param name="bytes">A PNG, JPEG, WebP or GIF image.</param>
    /// <param name="mediaType">The media type the caller expects, checked against the bytes; <see langword="null"/> to detect it.</param>
    /// <param name="maxBytes">The largest image accepted.</param>
    /// <returns>The data URL, for <see cref="VideoGenerationRequest.Image"/>.</returns>
    /// <exception cref="ArgumentException">The bytes are empty, too large, not a supported image, or not of <paramref name="mediaType"/>.</exception>
    public static string ToDataUrl(byte[] bytes, string? mediaType = null, int maxBytes = DefaultMaxBytes)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }

        return Encode(bytes, mediaType, maxBytes, "the image");
    }

    /// <summary>Reads an image file and encodes it as a data URL.</summary>
    /// <param name="path">A PNG, JPEG, WebP or GIF file.</param>
    /// <param name="maxBytes">The largest image accepted; a larger file is refused before it is read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The data URL, for <see cref="VideoGenerationRequest.Image"/>.</returns>
    /// <exception cref="ArgumentException">The file is empty, too large, or not a supported image.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static async Task<string> FromFileAsync(string path, int maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException("The image file '" + path + "' does not exist.", path);
        }

        RequireSize(info.Length, maxBytes, "'" + path + "'");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var bytes = new byte[info.Length];
        var read = 0;
        while (read < bytes.Length)
        {
            var count = await stream.ReadAsync(bytes, read, bytes.Length - read, cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                Array.Resize(ref bytes, read);
                break;
            }

            read += count;
        }

        return Encode(bytes, mediaType: null, maxBytes, "'" + path + "'");
    }

    /// <summary>The media type of an image from its first bytes, or <see langword="null"/> when it is none of <see cref="SupportedMediaTypes"/>.</summary>
    public static string? DetectMediaType(ReadOnlySpan<byte> bytes)
    {
        if (StartsWith(bytes, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A))
        {
            return "image/png";
        }

        if (StartsWith(bytes, 0xFF, 0xD8, 0xFF))
        {
            return "image/jpeg";
        }

        if (StartsWith(bytes, (byte)'G', (byte)'I', (byte)'F', (byte)'8') && bytes.Length >= 6 && (bytes[4] == '7' || bytes[4] == '9') && bytes[5] == 'a')
        {
            return "image/gif";
        }

        if (bytes.Length >= 12 && StartsWith(bytes, (byte)'R', (byte)'I', (byte)'F', (byte)'F')
            && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P')
        {
            return "image/webp";
        }

        return null;
    }

    private static string Encode(byte[] bytes, string? mediaType, int maxBytes, string what)
    {
        RequireSize(bytes.Length, maxBytes, what);
        var detected = DetectMediaType(bytes)
            ?? throw new ArgumentException(
                Capitalize(what) + " is not a PNG, JPEG, WebP or GIF image (its first bytes match none of them).", nameof(bytes));
        if (mediaType is not null && !string.Equals(Normalize(mediaType), detected, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                Capitalize(what) + " was given as " + mediaType + " but its bytes are " + detected + ".", nameof(mediaType));
        }

        return "data:" + detected + ";base64," + Convert.ToBase64String(bytes);
    }

    private static void RequireSize(long length, int maxBytes, string what)
    {
        if (length == 0)
        {
            throw new ArgumentException(Capitalize(what) + " is empty.", "bytes");
        }

        if (length > maxBytes)
        {
            throw new ArgumentException(
                Capitalize(what) + " is " + length + " bytes, over the limit of " + maxBytes + " bytes. "
                + "Send a smaller image, or host it and set ImageUrl instead.",
                "bytes");
        }
    }

    private static string Normalize(string mediaType) =>
        string.Equals(mediaType.Trim(), "image/jpg", StringComparison.OrdinalIgnoreCase) ? "image/jpeg" : mediaType.Trim();

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    private static bool StartsWith(ReadOnlySpan<byte> bytes, params byte[] prefix)
    {
        if (bytes.Length < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (bytes[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }
}
