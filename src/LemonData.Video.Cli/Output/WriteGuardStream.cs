using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Cli.Output;

/// <summary>
/// A write-only view of the output file that reports its own failures as <see cref="OutputFileException"/>,
/// so that a full disk is told apart from a broken download when the SDK writes into it.
/// </summary>
internal sealed class WriteGuardStream : Stream
{
    private readonly Stream _inner;
    private readonly string _path;

    public WriteGuardStream(Stream inner, string path)
    {
        _inner = inner;
        _path = path;
    }

    public long BytesWritten { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesWritten;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        Guard(() => _inner.Write(buffer, offset, count));
        BytesWritten += count;
    }

    public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        await GuardAsync(() => _inner.WriteAsync(buffer, offset, count, cancellationToken)).ConfigureAwait(false);
        BytesWritten += count;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await GuardAsync(() => _inner.WriteAsync(buffer, cancellationToken).AsTask()).ConfigureAwait(false);
        BytesWritten += buffer.Length;
    }

    public override void Flush() => Guard(_inner.Flush);

    public override Task FlushAsync(CancellationToken cancellationToken) => GuardAsync(() => _inner.FlushAsync(cancellationToken));

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new OutputFileException(_path, exception);
        }
    }

    private async Task GuardAsync(Func<Task> write)
    {
        try
        {
            await write().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new OutputFileException(_path, exception);
        }
    }
}
