using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Tests.Support;

/// <summary>
/// Counts the attempts an <see cref="HttpClient"/> makes, including those that never reach a server
/// (connection refused), which no server log can show.
/// </summary>
public sealed class CountingHandler : DelegatingHandler
{
    private int _attempts;

    public CountingHandler()
        : base(new SocketsHttpHandler())
    {
    }

    public int Attempts => Volatile.Read(ref _attempts);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        return base.SendAsync(request, cancellationToken);
    }
}
