using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Tests.Support;

/// <summary>
/// A server on 127.0.0.1 that accepts connections, reads the requests and never answers: a service
/// that hangs. Unlike a delayed WireMock answer, disposing it does not wait for anything.
/// </summary>
public sealed class SilentServer : LoopbackTcpHost
{
    private readonly ConcurrentQueue<string> _requestLines = new();

    public SilentServer() => StartAccepting();

    /// <summary>The request line ("POST /v1/videos/generations HTTP/1.1") of every request received.</summary>
    public IReadOnlyList<string> RequestLines => _requestLines.ToList();

    protected override async Task ServeAsync(TcpClient connection)
    {
        try
        {
            var stream = connection.GetStream();
            var received = new StringBuilder();
            var buffer = new byte[4096];
            while (!Stopping.IsCancellationRequested)
            {
                var read = await stream.ReadAsync(buffer, Stopping).ConfigureAwait(false);
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
