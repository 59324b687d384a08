using System;
using System.Collections.Generic;
using System.IO;

namespace LemonData.Video.Cli.Input;

/// <summary>Turns <c>--image &lt;file&gt;</c> into the base64 data URL the API takes as <c>image</c>.</summary>
internal static class ImageDataUrl
{
    /// <summary>A data URL of a real image is megabytes of JSON; past this the service refuses it anyway (413).</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    private static readonly Dictionary<string, string> MimeTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".webp"] = "image/webp",
        [".gif"] = "image/gif",
        [".bmp"] = "image/bmp",
    };

    /// <summary>Reads the file and returns <c>data:image/&lt;type&gt;;base64,...</c>.</summary>
    /// <exception cref="InvalidInputException">The file is missing, unreadable, too large, or not a known image type.</exception>
    public static string FromFile(string path)
    {
        var extension = Path.GetExtension(path);
        if (!MimeTypes.TryGetValue(extension, out var mimeType))
        {
            throw new InvalidInputException(
                "--image '" + path + "': the type is taken from the file extension, and '" + extension + "' is not one of "
                + string.Join(", ", MimeTypes.Keys) + ".");
        }

        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new InvalidInputException("--image '" + path + "': the file does not exist.");
            }

            if (info.Length > MaxFileBytes)
            {
                throw new InvalidInputException(
                    "--image '" + path + "' is " + info.Length + " bytes; the limit is " + MaxFileBytes + " bytes. Upload it and pass --image-url instead.");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidInputException("--image '" + path + "' cannot be read: " + exception.Message);
        }

        if (bytes.Length == 0)
        {
            throw new InvalidInputException("--image '" + path + "' is empty.");
        }

        return "data:" + mimeType + ";base64," + Convert.ToBase64String(bytes);
    }
}
