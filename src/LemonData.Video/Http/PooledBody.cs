using System;
using System.Buffers;

namespace LemonData.Video;

/// <summary>
/// A body read into a buffer rented from <see cref="ArrayPool{T}.Shared"/>: every poll reads one, and it is
/// only needed until it is parsed. Valid until disposed; dispose it exactly once (a <c>using</c> local).
/// </summary>
internal struct PooledBody : IDisposable
{
    private byte[]? _buffer;

    public PooledBody(byte[] buffer, int length, bool truncated)
    {
        _buffer = buffer;
        Length = length;
        Truncated = truncated;
    }

    /// <summary>How many bytes were read (at most the reader's limit).</summary>
    public int Length { get; }

    /// <summary>Whether the body was longer than the limit, or shorter than its declared length.</summary>
    public bool Truncated { get; }

    public readonly ReadOnlySpan<byte> Span => _buffer is null ? ReadOnlySpan<byte>.Empty : new ReadOnlySpan<byte>(_buffer, 0, Length);

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ReturnCleared(buffer, Length);
        }
    }

    /// <summary>
    /// Gives a buffer back to the shared pool with the bytes read into it wiped: an answer may echo the API key,
    /// and the next user of the buffer may be any code in the process.
    /// </summary>
    internal static void ReturnCleared(byte[] buffer, int usedLength)
    {
        Array.Clear(buffer, 0, Math.Min(usedLength, buffer.Length));
        ArrayPool<byte>.Shared.Return(buffer);
    }
}
