using System;

namespace LemonData.Video.Tests.Unit;

/// <summary>Which failures are retried: reads are, a paid create only when the service provably did not act.</summary>
public sealed class RetryPolicyTests
{
    private readonly RetryPolicy _policy = new(maxRetries: 3, initialDelay: TimeSpan.FromSeconds(1), maxDelay: TimeSpan.FromSeconds(60));

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public void Reads_are_retried_on_transient_statuses(int status)
    {
        Assert.True(_policy.ForStatus(idempotent: true, retriesDone: 0, status, retryAfter: null).ShouldRetry);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(402)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(413)]
    public void Reads_are_not_retried_on_client_errors(int status)
    {
        Assert.False(_policy.ForStatus(idempotent: true, retriesDone: 0, status, retryAfter: null).ShouldRetry);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public void A_create_is_never_retried_after_a_status_that_may_follow_a_created_task(int status)
    {
        Assert.False(_policy.ForStatus(idempotent: false, retriesDone: 0, status, retryAfter: null).ShouldRetry);
    }

    [Fact]
    public void A_create_refused_with_429_is_retried_after_the_services_wait()
    {
        var decision = _policy.ForStatus(idempotent: false, retriesDone: 0, 429, TimeSpan.FromSeconds(7));

        Assert.True(decision.ShouldRetry);
        Assert.Equal(TimeSpan.FromSeconds(7), decision.Delay);
    }

    [Fact]
    public void A_create_is_retried_only_when_it_was_never_sent()
    {
        Assert.True(_policy.ForTransportFailure(idempotent: false, retriesDone: 0, TransportFailure.NotSent).ShouldRetry);
        Assert.False(_policy.ForTransportFailure(idempotent: false, retriesDone: 0, TransportFailure.OutcomeUnknown).ShouldRetry);
    }

    [Fact]
    public void Reads_are_retried_on_any_transport_failure()
    {
        Assert.True(_policy.ForTransportFailure(idempotent: true, retriesDone: 0, TransportFailure.OutcomeUnknown).ShouldRetry);
    }

    [Fact]
    public void Retries_stop_at_the_maximum()
    {
        Assert.True(_policy.ForStatus(true, retriesDone: 2, 503, null).ShouldRetry);
        Assert.False(_policy.ForStatus(true, retriesDone: 3, 503, null).ShouldRetry);
        Assert.False(new RetryPolicy(0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)).ForStatus(true, 0, 503, null).ShouldRetry);
    }

    [Fact]
    public void Backoff_doubles_with_jitter_and_is_capped()
    {
        for (var i = 0; i < 50; i++)
        {
            var first = _policy.ForStatus(true, 0, 503, null).Delay;
            var third = _policy.ForStatus(true, 2, 503, null).Delay;
            Assert.InRange(first.TotalSeconds, 0.8, 1.2);
            Assert.InRange(third.TotalSeconds, 3.2, 4.8);
        }

        var capped = new RetryPolicy(30, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)).ForStatus(true, 20, 503, null).Delay;
        Assert.InRange(capped.TotalSeconds, 8, 12);
    }

    [Fact]
    public void A_retry_after_beyond_the_cap_is_left_to_the_caller_and_says_so()
    {
        var decision = _policy.ForStatus(true, 0, 429, TimeSpan.FromMinutes(5));

        Assert.False(decision.ShouldRetry);
        Assert.Equal(TimeSpan.FromSeconds(60), decision.WaitOverCap);
    }

    [Fact]
    public void A_stop_for_any_other_reason_does_not_blame_the_cap()
    {
        Assert.Null(_policy.ForStatus(true, 3, 429, TimeSpan.FromMinutes(5)).WaitOverCap);
        Assert.Null(_policy.ForStatus(false, 0, 503, TimeSpan.FromMinutes(5)).WaitOverCap);
        Assert.Null(_policy.ForStatus(true, 0, 400, null).WaitOverCap);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(418)]
    [InlineData(500)]
    [InlineData(599)]
    public void A_create_is_never_retried_after_an_answer_that_is_not_a_refusal(int status)
    {
        Assert.False(_policy.ForStatus(idempotent: false, retriesDone: 0, status, retryAfter: TimeSpan.Zero).ShouldRetry);
    }
}
