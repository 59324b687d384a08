using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video;

/// <summary>
/// Reads a body into memory up to a limit. A task or an error is a few hundred bytes; a body of
/// megabytes is a misbehaving proxy or server, and must not exhaust the caller's memory.
/// </summary>
internal static class BoundedBodyReader
{
    public static async Task<(byte[] Body, bool Truncated)> ReadAsync(HttpContent? content, int limit, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return (Array.Empty<byte>(), false);
        }

        if (content.Headers.ContentLength is { } declared && declared > limit)
        {
            // Read only what an excerpt needs.
            limit = Math.Min(limit, 4096);
        }

#if NET8_0_OR_GREATER
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        // Sized to what was declared, so a small answer is not copied through a growing buffer; the read
        // chunk is pooled because every request of every poll reads a body.
        using var buffer = new MemoryStream(content.Headers.ContentLength is { } expected && expected <= limit ? (int)expected : 0);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            return await ReadIntoAsync(stream, buffer, chunk, content, limit, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException or InvalidDataException && !cancellationToken.IsCancellationRequested)
        {
            // The connection broke mid-body: what did arrive may still name a task that exists.
            throw new BrokenBodyException(buffer.ToArray(), exception);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static async Task<(byte[] Body, bool Truncated)> ReadIntoAsync(Stream stream, MemoryStream buffer, byte[] chunk, HttpContent content, int limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            var room = limit - (int)buffer.Length;
            if (room <= 0)
            {
                // One more byte tells a body of exactly `limit` bytes from a longer one.
                var probe = await stream.ReadAsync(chunk, 0, 1, cancellationToken).ConfigureAwait(false);
                return (buffer.ToArray(), probe > 0);
            }

            var read = await stream.ReadAsync(chunk, 0, Math.Min(chunk.Length, room), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return (buffer.ToArray(), content.Headers.ContentLength is { } length && length > buffer.Length);
            }

            buffer.Write(chunk, 0, read);
        }
    }
}

/// <summary>
/// A body that broke off mid-way (an <see cref="IOException"/>, so every transport handler still treats it as one),
/// carrying the bytes that did arrive.
/// </summary>
internal sealed class BrokenBodyException : IOException
{
    public BrokenBodyException(byte[] partial, Exception innerException)
        : base(innerException.Message, innerException)
    {
        Partial = partial;
    }

    /// <summary>The bytes read before the break.</summary>
    public byte[] Partial { get; }
}
