using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Tests.Support;

/// <summary>
/// Counts and records the attempts an <see cref="HttpClient"/> makes, including those that never reach
/// a server (connection refused), which no server log can show, and the exact request target that
/// went on the wire (a server decodes it before logging).
/// </summary>
public sealed class CountingHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<(HttpMethod Method, Uri Uri)> _requests = new();
    private int _attempts;

    public CountingHandler()
        : base(new SocketsHttpHandler())
    {
    }

    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Every request sent, in order: its method and its address as sent (escaped).</summary>
    public IReadOnlyList<(HttpMethod Method, Uri Uri)> Requests => _requests.ToList();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        _requests.Enqueue((request.Method, request.RequestUri!));
        return base.SendAsync(request, cancellationToken);
    }
}
