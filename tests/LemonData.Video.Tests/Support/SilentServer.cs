using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Tests.Support;

/// <summary>
/// A server on 127.0.0.1 that accepts connections, reads the requests and never answers: a service
/// that hangs. Unlike a delayed WireMock answer, disposing it does not wait for anything.
/// </summary>
public sealed class SilentServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly ConcurrentQueue<TcpClient> _connections = new();
    private readonly ConcurrentQueue<string> _requestLines = new();
    private readonly CancellationTokenSource _stop = new();

    public SilentServer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Endpoint = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port);
        _ = AcceptAsync();
    }

    public Uri Endpoint { get; }

    /// <summary>The request line ("POST /v1/videos/generations HTTP/1.1") of every request received.</summary>
    public IReadOnlyList<string> RequestLines => _requestLines.ToList();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        while (_connections.TryDequeue(out var connection))
        {
            connection.Dispose();
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var connection = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                _connections.Enqueue(connection);
                _ = ReadRequestLineAsync(connection);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }

    private async Task ReadRequestLineAsync(TcpClient connection)
    {
        try
        {
            var stream = connection.GetStream();
            var received = new StringBuilder();
            var buffer = new byte[4096];
            while (!_stop.IsCancellationRequested)
            {
                var read = await stream.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                var text = received.ToString();
                var end = text.IndexOf("\r\n", StringComparison.Ordinal);
                if (end >= 0)
                {
                    // One request per connection is all a silent server ever gets: the client gives up on it.
                    _requestLines.Enqueue(text.Substring(0, end));
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or System.IO.IOException or SocketException)
        {
            // The client hung up, or the server stopped.
        }
    }
}
