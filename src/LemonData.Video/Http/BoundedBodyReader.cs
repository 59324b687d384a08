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
    /// <summary>What is read of a body that declares more than the limit: enough for an excerpt.</summary>
    private const int ExcerptBytes = 4096;

    /// <summary>The first buffer for a body of unknown length: a task or an error fits.</summary>
    private const int UnknownLengthFirstBuffer = 4096;

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes into a pooled buffer. The buffer is sized to the declared
    /// length, so a small answer is read in one go without copies; it grows (from the pool) only when the
    /// length is unknown or wrong.
    /// </summary>
    public static async ValueTask<PooledBody> ReadAsync(HttpContent? content, int limit, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return default;
        }

        var declared = content.Headers.ContentLength;
        if (declared > limit)
        {
            // Read only what an excerpt needs.
            limit = Math.Min(limit, ExcerptBytes);
        }

#if NET8_0_OR_GREATER
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        // One byte more than the body, so that the read that finds its end (or a byte past the limit) has room.
        var buffer = ArrayPool<byte>.Shared.Rent(declared is { } expected && expected <= limit ? (int)expected + 1 : Math.Min(limit + 1, UnknownLengthFirstBuffer));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, length, limit + 1);
                }

                var read = await ReadChunkAsync(stream, buffer, length, Math.Min(buffer.Length, limit + 1) - length, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    var body = new PooledBody(buffer, length, truncated: declared is { } promised && promised > length);
                    buffer = null;
                    return body;
                }

                length += read;
                if (length > limit)
                {
                    // One byte past the limit tells a body of exactly `limit` bytes from a longer one; that byte
                    // is not part of the body, and is wiped now since the body will only wipe its own.
                    buffer[limit] = 0;
                    var body = new PooledBody(buffer, limit, truncated: true);
                    buffer = null;
                    return body;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException or InvalidDataException && !cancellationToken.IsCancellationRequested)
        {
            // The connection broke mid-body: what did arrive may still name a task that exists.
            var partial = new byte[length];
            Buffer.BlockCopy(buffer!, 0, partial, 0, length);
            throw new BrokenBodyException(partial, exception);
        }
        finally
        {
            if (buffer is not null)
            {
                PooledBody.ReturnCleared(buffer, length);
            }
        }
    }

    private static byte[] Grow(byte[] buffer, int length, int max)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, max));
        Buffer.BlockCopy(buffer, 0, larger, 0, length);
        PooledBody.ReturnCleared(buffer, length);
        return larger;
    }

    private static ValueTask<int> ReadChunkAsync(Stream stream, byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return stream.ReadAsync(buffer.AsMemory(offset, count), cancellationToken);
#else
        return new ValueTask<int>(stream.ReadAsync(buffer, offset, count, cancellationToken));
#endif
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
