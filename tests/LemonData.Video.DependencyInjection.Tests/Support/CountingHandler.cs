using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.DependencyInjection.Tests.Support;

/// <summary>An application's own handler: records what passes through it.</summary>
internal sealed class CountingHandler : DelegatingHandler
{
    public ConcurrentQueue<string> Seen { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Seen.Enqueue(request.Method + " " + request.RequestUri!.AbsolutePath);
        return base.SendAsync(request, cancellationToken);
    }
}
