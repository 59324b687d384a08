using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Tests.Support;

/// <summary>
/// A raw TCP host on 127.0.0.1 with a free port, for the answers no HTTP test server can give (hanging, cutting a body at a
/// byte): it accepts connections until disposed, hands each to <see cref="ServeAsync"/>, and closes them all on dispose.
/// </summary>
public abstract class LoopbackTcpHost : IDisposable
{
    private readonly TcpListener _listener;
    private readonly ConcurrentQueue<TcpClient> _connections = new();
    private readonly CancellationTokenSource _stop;

    /// <param name="stopAfter">Stops by itself after this long (a test that forgets to dispose never leaves it running); null: only on dispose.</param>
    protected LoopbackTcpHost(TimeSpan? stopAfter = null)
    {
        _stop = stopAfter is { } limit ? new CancellationTokenSource(limit) : new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Endpoint = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port);
    }

    public Uri Endpoint { get; }

    /// <summary>Cancelled when the host stops.</summary>
    protected CancellationToken Stopping => _stop.Token;

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

    /// <summary>Starts accepting: called by the derived constructor once its own fields are set.</summary>
    protected void StartAccepting() => _ = AcceptAsync();

    /// <summary>Serves one connection; any failure of it is the connection's alone.</summary>
    protected abstract Task ServeAsync(TcpClient connection);

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var connection = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                _connections.Enqueue(connection);
                _ = ServeAsync(connection);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }
}
