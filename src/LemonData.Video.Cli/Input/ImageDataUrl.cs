using System;
using System.IO;
using System.Threading.Tasks;

namespace LemonData.Video.Cli.Input;

/// <summary>
/// Turns <c>--image &lt;file&gt;</c> into the base64 data URL the API takes as <c>image</c>, with the SDK's
/// <see cref="VideoImage"/>: the type comes from the file's bytes, and the size is capped.
/// </summary>
internal static class ImageDataUrl
{
    /// <summary>Reads the file and returns <c>data:image/&lt;type&gt;;base64,...</c>.</summary>
    /// <exception cref="InvalidInputException">The file is missing, unreadable, too large, or not a supported image.</exception>
    public static string FromFile(string path)
    {
        try
        {
            // The tool runs one command at a time: blocking here keeps the option parsing synchronous.
            return Task.Run(() => VideoImage.FromFileAsync(path)).GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidInputException("--image '" + path + "': " + exception.Message);
        }
    }
}
