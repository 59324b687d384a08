using System.Net.Http;
using System.Threading;

namespace LemonData.Video.DependencyInjection;

/// <summary>
/// What happened to the sends of one create request, shared by every re-send of it: a retry handler
/// sends the same <see cref="HttpRequestMessage"/> again, and a hedging handler sends copies that carry
/// the same request options (so the same instance of this class).
/// </summary>
internal sealed class CreateAttempts
{
    private const string KeyName = "LemonData.Video.CreateAttempts";
#if NET8_0_OR_GREATER
    private static readonly HttpRequestOptionsKey<CreateAttempts> Key = new(KeyName);
#endif

    /// <summary>One send at a time: a hedged copy waits to learn how the first send ended.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Set once a send may have reached the service; no further send of this request is allowed.</summary>
    public bool MayHaveCreated { get; set; }

    /// <summary>The message of the send that may have created the task (a hedged copy is another instance).</summary>
    public HttpRequestMessage? FirstRequest { get; set; }

    /// <summary>The status that send was answered with, if it was answered.</summary>
    public int? FirstStatus { get; set; }

    /// <summary>The type of the exception that send failed with, if it failed.</summary>
    public string? FirstFailure { get; set; }

    /// <summary>The task id the first answer carried, if it was an error that did not prove nothing was created (a 5xx naming its task).</summary>
    public string? FirstTaskId { get; set; }

    /// <summary>Why a further send is refused, for the exception's message.</summary>
    public string WhyBlocked =>
        FirstStatus is int status
            ? status is >= 200 and < 300
                ? "the first send was answered " + status + ", so the task was created"
                : "the first send was answered " + status + ", which does not prove that nothing was created (a gateway can fail after the provider accepted the job)"
                  + (FirstTaskId is null ? string.Empty : "; that answer named task '" + FirstTaskId + "'")
        : FirstFailure is { } failure ? "the first send failed (" + failure + ") after it may have reached the service"
        : "a send was still in flight";

    public static CreateAttempts For(HttpRequestMessage request)
    {
        // A retry handler resends the same message, and the handlers of a pipeline run one after the other
        // for it, so reading then adding the entry cannot race for one message.
#if NET8_0_OR_GREATER
        if (!request.Options.TryGetValue(Key, out var attempts))
        {
            attempts = new CreateAttempts();
            request.Options.Set(Key, attempts);
        }

        return attempts;
#else
        if (request.Properties.TryGetValue(KeyName, out var existing) && existing is CreateAttempts found)
        {
            return found;
        }

        var attempts = new CreateAttempts();
        request.Properties[KeyName] = attempts;
        return attempts;
#endif
    }
}
