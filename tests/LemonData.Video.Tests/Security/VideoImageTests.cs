using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace LemonData.Video.Tests.Security;

/// <summary>The image helper reads the media type from the bytes, checks it and caps the size.</summary>
public sealed class VideoImageTests : IDisposable
{
    private static readonly byte[] Png = Bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R');
    private static readonly byte[] Jpeg = Bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0);
    private static readonly byte[] Gif87 = Encoding.ASCII.GetBytes("GIF87a\x01\x00\x01\x00");
    private static readonly byte[] Gif89 = Encoding.ASCII.GetBytes("GIF89a\x01\x00\x01\x00");
    private static readonly byte[] Webp = Encoding.ASCII.GetBytes("RIFF\x1a\x00\x00\x00WEBPVP8 ");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ldv-image-" + Guid.NewGuid().ToString("N"));

    public VideoImageTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string, byte[]> Images() => new()
    {
        { "image/png", Png },
        { "image/jpeg", Jpeg },
        { "image/gif", Gif87 },
        { "image/gif", Gif89 },
        { "image/webp", Webp },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Each_supported_type_is_detected_from_its_magic_bytes(string mediaType, byte[] image)
    {
        var url = VideoImage.ToDataUrl(image);

        Assert.Equal("data:" + mediaType + ";base64," + Convert.ToBase64String(image), url);
        Assert.Equal(mediaType, VideoImage.DetectMediaType(image));
        Assert.Contains(mediaType, VideoImage.SupportedMediaTypes);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void A_matching_declared_media_type_is_accepted(string mediaType, byte[] image)
    {
        Assert.StartsWith("data:" + mediaType + ";base64,", VideoImage.ToDataUrl(image, mediaType), StringComparison.Ordinal);
        Assert.StartsWith("data:" + mediaType + ";base64,", VideoImage.ToDataUrl(image, mediaType.ToUpperInvariant()), StringComparison.Ordinal);
    }

    [Fact]
    public void Image_jpg_is_read_as_image_jpeg()
    {
        Assert.StartsWith("data:image/jpeg;base64,", VideoImage.ToDataUrl(Jpeg, "image/jpg"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("image/png", "jpeg")]
    [InlineData("image/gif", "png")]
    [InlineData("image/webp", "gif")]
    [InlineData("image/jpeg", "webp")]
    [InlineData("image/svg+xml", "png")]
    [InlineData("text/html", "png")]
    public void A_declared_media_type_that_the_bytes_contradict_is_refused(string declared, string actual)
    {
        var bytes = actual switch { "jpeg" => Jpeg, "png" => Png, "gif" => Gif89, _ => Webp };

        var exception = Assert.Throws<ArgumentException>(() => VideoImage.ToDataUrl(bytes, declared));

        Assert.Contains(declared, exception.Message, StringComparison.Ordinal);
        Assert.Contains("image/" + actual, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_bytes_are_refused()
    {
        var exception = Assert.Throws<ArgumentException>(() => VideoImage.ToDataUrl(Array.Empty<byte>()));

        Assert.Contains("empty", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Null_bytes_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => VideoImage.ToDataUrl(null!));
    }

    [Fact]
    public void Bytes_over_the_cap_are_refused_with_the_size_and_the_limit()
    {
        var image = Png.Concat(new byte[100]).ToArray();

        var exception = Assert.Throws<ArgumentException>(() => VideoImage.ToDataUrl(image, maxBytes: 64));

        Assert.Contains(image.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message, StringComparison.Ordinal);
        Assert.Contains("64", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_exactly_at_the_cap_are_accepted()
    {
        Assert.StartsWith("data:image/png;base64,", VideoImage.ToDataUrl(Png, maxBytes: Png.Length), StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_cap_is_10_MiB()
    {
        Assert.Equal(10 * 1024 * 1024, VideoImage.DefaultMaxBytes);
        var tooLarge = new byte[VideoImage.DefaultMaxBytes + 1];
        Png.CopyTo(tooLarge, 0);

        Assert.Throws<ArgumentException>(() => VideoImage.ToDataUrl(tooLarge));
    }

    public static TheoryData<string, byte[]> NotImages() => new()
    {
        { "text", Encoding.UTF8.GetBytes("hello, this is not an image") },
        { "svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>") },
        { "html", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>") },
        { "pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n") },
        { "zip", Bytes(0x50, 0x4B, 0x03, 0x04, 0, 0) },
        { "mp4", Bytes(0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'p', (byte)'4', (byte)'2') },
        { "wav (RIFF but not WEBP)", Encoding.ASCII.GetBytes("RIFF\x1a\x00\x00\x00WAVEfmt ") },
        { "truncated png signature", Bytes(0x89, 0x50, 0x4E, 0x47) },
        { "truncated gif signature", Encoding.ASCII.GetBytes("GIF8") },
        { "GIF88a", Encoding.ASCII.GetBytes("GIF88a....") },
        { "bmp", Encoding.ASCII.GetBytes("BM\x36\x00\x00\x00") },
        { "a data url as bytes", Encoding.ASCII.GetBytes("data:image/png;base64,iVBORw0KGgo=") },
    };

    [Theory]
    [MemberData(nameof(NotImages))]
    public void Bytes_that_are_no_supported_image_are_refused_naming_the_allowed_types(string what, byte[] bytes)
    {
        var exception = Assert.Throws<ArgumentException>(() => VideoImage.ToDataUrl(bytes));

        Assert.Null(VideoImage.DetectMediaType(bytes));
        Assert.True(
            new[] { "PNG", "JPEG", "WebP", "GIF" }.All(type => exception.Message.Contains(type, StringComparison.Ordinal)),
            what + ": the message must name the allowed types: " + exception.Message);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public async Task A_file_of_each_type_becomes_its_data_url(string mediaType, byte[] image)
    {
        // The extension is ignored: the bytes decide.
        var path = Write("picture.bin", image);

        var url = await VideoImage.FromFileAsync(path);

        Assert.Equal("data:" + mediaType + ";base64," + Convert.ToBase64String(image), url);
    }

    [Fact]
    public async Task A_non_image_file_named_png_is_refused_naming_the_file_and_the_allowed_types()
    {
        var path = Write("not-really.png", Encoding.UTF8.GetBytes("#!/bin/sh\necho owned\n"));

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => VideoImage.FromFileAsync(path));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains("PNG", exception.Message, StringComparison.Ordinal);
        Assert.Contains("JPEG", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_cap_is_refused_naming_the_file_and_its_size()
    {
        var path = Write("big.png", Png.Concat(new byte[4096]).ToArray());

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => VideoImage.FromFileAsync(path, maxBytes: 1024));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains((Png.Length + 4096).ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message, StringComparison.Ordinal);
        Assert.Contains("1024", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var path = Write("empty.png", Array.Empty<byte>());

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => VideoImage.FromFileAsync(path));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains("empty", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_missing_file_is_a_FileNotFoundException()
    {
        var path = Path.Combine(_directory, "missing.png");

        var exception = await Assert.ThrowsAsync<FileNotFoundException>(() => VideoImage.FromFileAsync(path));

        Assert.Equal(path, exception.FileName);
    }

    [Fact]
    public async Task A_cancelled_read_is_an_OperationCanceledException()
    {
        var path = Write("cancel.png", Png);
        using var cancellation = new System.Threading.CancellationTokenSource();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => VideoImage.FromFileAsync(path, cancellationToken: cancellation.Token));
    }

    [Theory]
    [MemberData(nameof(Images))]
    public async Task The_result_passes_the_LDV0010_rule(string mediaType, byte[] image)
    {
        var fromBytes = VideoImage.ToDataUrl(image, mediaType);
        var fromFile = await VideoImage.FromFileAsync(Write("image", image));

        foreach (var url in new[] { fromBytes, fromFile })
        {
            var request = new VideoGenerationRequest { Model = VideoModels.Wan26I2V, Prompt = "The picture comes alive", Image = url };
            Assert.DoesNotContain(request.Validate(), violation => violation.DiagnosticId == "LDV0010");
            Assert.Empty(request.Validate());
        }
    }

    [Fact]
    public void A_hand_made_non_data_url_fails_LDV0010_for_contrast()
    {
        var request = new VideoGenerationRequest { Model = VideoModels.Wan26I2V, Prompt = "The picture comes alive", Image = "iVBORw0KGgo=" };

        Assert.Contains(request.Validate(), violation => violation.DiagnosticId == "LDV0010");
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + "-" + name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Bytes(params byte[] bytes) => bytes;
}
