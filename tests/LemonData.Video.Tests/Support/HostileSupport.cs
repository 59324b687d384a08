using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Tests.Support;

/// <summary>
/// A bare HTTP/1.1 server on 127.0.0.1 that answers every request with the same raw bytes and records
/// each request head exactly as it arrived on the wire (no server-side decoding of the request target).
/// </summary>
public sealed class RawHttpServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _heads = new();
    private readonly Func<string, byte[]> _answer;

    public RawHttpServer(Func<string, byte[]> answer)
    {
        _answer = answer;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Endpoint = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port);
        _ = AcceptAsync();
    }

    public Uri Endpoint { get; }

    /// <summary>Every request head received (request line and headers), in order.</summary>
    public IReadOnlyList<string> Heads => _heads.ToList();

    /// <summary>The request target ("/v1/tasks/a%2Fb") of every request, as sent.</summary>
    public IReadOnlyList<string> Targets => Heads.Select(head => head.Split('\n')[0].Split(' ')[1]).ToList();

    /// <summary>A complete HTTP/1.1 answer that closes the connection.</summary>
    public static byte[] Answer(int status, string contentType, byte[] body, string? extraHeaders = null)
    {
        var head = "HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.Length
            + "\r\nConnection: close\r\n" + (extraHeaders ?? string.Empty) + "\r\n";
        return Encoding.ASCII.GetBytes(head).Concat(body).ToArray();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var connection = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                _ = ServeAsync(connection);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        using (connection)
        {
            try
            {
                var stream = connection.GetStream();
                var received = new StringBuilder();
                var buffer = new byte[8192];
                while (true)
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return;
                    }

                    received.Append(Encoding.Latin1.GetString(buffer, 0, read));
                    var end = received.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal);
                    if (end >= 0)
                    {
                        var head = received.ToString(0, end);
                        _heads.Enqueue(head);
                        var answer = _answer(head);
                        await stream.WriteAsync(answer, _stop.Token).ConfigureAwait(false);
                        await stream.FlushAsync(_stop.Token).ConfigureAwait(false);
                        connection.Client.Shutdown(SocketShutdown.Send);
                        return;
                    }
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or IOException or SocketException)
            {
                // The client hung up, or the server stopped.
            }
        }
    }
}

/// <summary>
/// A body of <see cref="Length"/> bytes produced on demand (a prefix, then padding), counting what
/// the client actually read: proves a client stops reading a huge body early.
/// </summary>
public sealed class CountingBodyStream : Stream
{
    private readonly byte[] _prefix;
    private readonly byte _padding;
    private long _position;
    private long _read;

    public CountingBodyStream(string prefix, long length, byte padding = (byte)' ')
    {
        _prefix = Encoding.UTF8.GetBytes(prefix);
        Length = length;
        _padding = padding;
    }

    public override long Length { get; }

    public long BytesRead => Interlocked.Read(ref _read);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, Length - _position);
        for (var i = 0; i < n; i++)
        {
            var at = _position + i;
            buffer[offset + i] = at < _prefix.Length ? _prefix[at] : _padding;
        }

        _position += n;
        Interlocked.Add(ref _read, n);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var array = new byte[buffer.Length];
        var n = Read(array, 0, array.Length);
        array.AsSpan(0, n).CopyTo(buffer.Span);
        return new ValueTask<int>(n);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>An in-process handler that answers every request from a factory, without a network.</summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage> _answer;
    private int _requests;

    public StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) => _answer = answer;

    public int Requests => Volatile.Read(ref _requests);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        return Task.FromResult(_answer(request));
    }
}

/// <summary>Tests that measure process-wide state (allocations, listeners, Console) run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideStateCollection
{
    public const string Name = "process-wide state";
}
