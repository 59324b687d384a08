using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.DependencyInjection;

/// <summary>
/// Attaches one <see cref="CreateAttempts"/> record to each create before any handler of the application sees it.
/// </summary>
/// <remarks>
/// It must sit outermost: a hedging handler snapshots the request (options included) before the first send and
/// builds each hedged copy from that snapshot. A record attached further in would not be in the snapshot, and
/// each copy would look like a first send to <see cref="CreateResendGuardHandler"/>.
/// </remarks>
internal sealed class CreateAttemptsMarker : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post)
        {
            _ = CreateAttempts.For(request);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
