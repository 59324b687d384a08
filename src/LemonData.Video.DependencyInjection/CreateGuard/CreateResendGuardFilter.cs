using System;
using Microsoft.Extensions.Http;

namespace LemonData.Video.DependencyInjection;

/// <summary>
/// Puts <see cref="CreateAttemptsMarker"/> outermost and <see cref="CreateResendGuardHandler"/> innermost in the
/// LemonData.Video client's pipeline, around every handler the application adds.
/// </summary>
/// <remarks>
/// Handlers run in the order they were added, and the application adds its own (a resilience handler,
/// say) after <c>AddLemonDataVideoClient</c> returns the builder. A handler added by the builder would sit
/// outside them and could not see their retries. A filter wraps the whole configuration instead: it lets
/// every other action run, then appends the guard last, next to the primary handler, where each re-send
/// of the same request must pass through it, and puts the marker first, before any handler can copy the request.
/// </remarks>
internal sealed class CreateResendGuardFilter : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (string.Equals(builder.Name, LemonDataVideoHttpClient.Name, StringComparison.Ordinal))
        {
            builder.AdditionalHandlers.Insert(0, new CreateAttemptsMarker());
            builder.AdditionalHandlers.Add(new CreateResendGuardHandler());
        }
    };
}
