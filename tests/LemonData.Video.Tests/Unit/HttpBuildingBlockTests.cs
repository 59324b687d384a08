using System;
using System.Net;
using System.Net.Http;
using System.Text;

namespace LemonData.Video.Tests.Unit;

public sealed class HttpBuildingBlockTests
{
    [Theory]
    [InlineData("https://gw.example.com/lemondata", "https://gw.example.com/lemondata/v1/tasks/t")]
    [InlineData("https://gw.example.com/lemondata/", "https://gw.example.com/lemondata/v1/tasks/t")]
    [InlineData("https://api.lemondata.cc", "https://api.lemondata.cc/v1/tasks/t")]
    [InlineData("https://gw.example.com/a/b", "https://gw.example.com/a/b/v1/tasks/t")]
    public void An_endpoint_keeps_its_path(string endpoint, string expected)
    {
        var api = new ApiEndpoint(new Uri(endpoint));

        Assert.Equal(expected, api.Resolve("/v1/tasks/t").AbsoluteUri);
        Assert.Equal(expected, api.Resolve("v1/tasks/t").AbsoluteUri);
    }

    [Theory]
    [InlineData("https://api.lemondata.cc", "ldtask_0123456789abcdef0123456789abcdef")]
    [InlineData("https://gw.example.com/lemondata", "../x")]
    [InlineData("https://gw.example.com/a%20b/c/", "a/../../b?c=d#e")]
    [InlineData("http://127.0.0.1:5080", "100%")]
    [InlineData("https://user@[::1]:8443/base", "vid\u00e9o \u4efb\u52a1")]
    [InlineData("https://api.lemondata.cc/", "...")]
    public void The_fast_join_of_an_api_path_gives_the_address_relative_resolution_gives(string endpoint, string taskId)
    {
        var api = new ApiEndpoint(new Uri(endpoint));

        foreach (var operation in new[] { LemonDataVideoOperations.GetTask, LemonDataVideoOperations.GetVideoGeneration, LemonDataVideoOperations.CancelTask })
        {
            var path = operation.PathFor(System.Text.RegularExpressions.Regex.Unescape(taskId));
            var resolved = api.Resolve(path);
            var joined = api.ResolveApiPath(path);

            Assert.Equal(resolved.AbsoluteUri, joined.AbsoluteUri);
            Assert.Equal(resolved, joined);
        }

        Assert.Equal(api.Resolve(LemonDataVideoOperations.CreateVideoGeneration.Path()), api.ResolveApiPath(LemonDataVideoOperations.CreateVideoGeneration.Path()));
    }

    [Theory]
    [InlineData("ftp://example.com")]
    [InlineData("file:///tmp/x")]
    public void An_endpoint_must_be_http_or_https(string endpoint)
    {
        var exception = Assert.Throws<ArgumentException>(() => new ApiEndpoint(new Uri(endpoint)));
        Assert.Contains("http", exception.Message);
    }

    [Fact]
    public void A_relative_poll_url_is_joined_to_the_path_base()
    {
        var api = new ApiEndpoint(new Uri("https://gw.example.com/lemondata"));

        Assert.True(api.TryResolvePollUrl("/v1/tasks/ldtask_1", out var uri));
        Assert.Equal("https://gw.example.com/lemondata/v1/tasks/ldtask_1", uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://evil.example.com/v1/tasks/t")]
    [InlineData("//evil.example.com/v1/tasks/t")]
    [InlineData("http://gw.example.com/v1/tasks/t")]
    public void A_poll_url_on_another_origin_is_refused_because_the_key_goes_with_polls(string pollUrl)
    {
        var api = new ApiEndpoint(new Uri("https://gw.example.com/lemondata"));

        Assert.False(api.TryResolvePollUrl(pollUrl, out _));
    }

    [Theory]
    [InlineData("http:")]
    [InlineData("HTTP:")]
    [InlineData("http:/x")]
    [InlineData("x:y:z")]
    [InlineData("\\\\server\\share")]
    public void A_poll_url_that_joins_to_no_address_of_the_service_is_refused_rather_than_thrown(string pollUrl)
    {
        var api = new ApiEndpoint(new Uri("https://gw.example.com/lemondata"));

        Assert.False(api.TryResolvePollUrl(pollUrl, out _));
    }

    [Fact]
    public void An_absolute_poll_url_on_the_same_origin_is_used()
    {
        var api = new ApiEndpoint(new Uri("https://gw.example.com/lemondata"));

        Assert.True(api.TryResolvePollUrl("https://gw.example.com/lemondata/v1/tasks/t", out var uri));
        Assert.Equal("https://gw.example.com/lemondata/v1/tasks/t", uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("a/b", "v1/tasks/a%2Fb")]
    [InlineData("../x", "v1/tasks/..%2Fx")]
    [InlineData("a/../../b", "v1/tasks/a%2F..%2F..%2Fb")]
    [InlineData("a?b=c", "v1/tasks/a%3Fb%3Dc")]
    [InlineData("100%", "v1/tasks/100%25")]
    [InlineData("a#b", "v1/tasks/a%23b")]
    [InlineData("ldtask_0123", "v1/tasks/ldtask_0123")]
    public void Task_ids_are_escaped_so_they_cannot_change_the_path(string id, string expected)
    {
        Assert.Equal(expected, LemonDataVideoOperations.GetTask.PathFor(id));
    }

    [Fact]
    public void Ids_with_dot_segments_stay_inside_the_tasks_path()
    {
        var api = new ApiEndpoint(new Uri("https://api.lemondata.cc"));

        Assert.Equal("/v1/tasks/..%2Fx", api.Resolve(LemonDataVideoOperations.GetTask.PathFor("../x")).AbsolutePath);
        Assert.Equal("/v1/tasks/..%2F..%2Fadmin", api.Resolve(LemonDataVideoOperations.GetTask.PathFor("../../admin")).AbsolutePath);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void A_dot_segment_is_refused_as_a_task_id(string id)
    {
        // System.Uri collapses "..", even escaped as %2E%2E: such an id could only reach another path.
        Assert.Throws<ArgumentException>(() => LemonDataVideoOperations.GetTask.PathFor(id));
    }

    [Fact]
    public void Retry_after_in_seconds()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "20");

        Assert.Equal(TimeSpan.FromSeconds(20), RetryAfterReader.Read(response, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void Retry_after_as_an_http_date()
    {
        var now = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", now.AddSeconds(30).ToString("r"));

        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfterReader.Read(response, now));
    }

    [Fact]
    public void Retry_after_in_the_past_means_now_and_fractions_are_read()
    {
        var now = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        using var past = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        past.Headers.TryAddWithoutValidation("Retry-After", now.AddSeconds(-30).ToString("r"));
        using var fractional = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        fractional.Headers.TryAddWithoutValidation("Retry-After", "1.5");
        using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(TimeSpan.Zero, RetryAfterReader.Read(past, now));
        Assert.Equal(TimeSpan.FromSeconds(1.5), RetryAfterReader.Read(fractional, now));
        Assert.Null(RetryAfterReader.Read(none, now));
    }

    [Theory]
    [InlineData("Invalid API key provided: sk-live-abcdef0123456789.", "sk-live-abcdef0123456789")]
    [InlineData("key=sk-other-key-9876543210XYZ was rejected", "sk-other-key-9876543210XYZ")]
    public void Keys_are_masked_in_texts(string text, string key)
    {
        var redacted = SecretRedactor.Redact(text, "sk-live-abcdef0123456789");

        Assert.DoesNotContain(key, redacted);
        Assert.Contains("sk-***", redacted);
    }

    [Fact]
    public void Short_sk_words_are_not_masked()
    {
        Assert.Equal("ask-me and risk-free", SecretRedactor.Redact("ask-me and risk-free", null));
    }

    [Theory]
    [InlineData("""{"task_id":"video_x","status":12""", "video_x")]
    [InlineData("""{"id":"ldtask_1","progress":"abc","status":{"nested":true}}""", "ldtask_1")]
    [InlineData("""{"status":"pending","task_id":"late_id"}""", "late_id")]
    [InlineData("""<html>502</html>""", null)]
    [InlineData("""{"data":{"id":"nested_is_not_the_task"}}""", null)]
    [InlineData("", null)]
    public void A_task_id_is_salvaged_from_an_unreadable_body(string body, string? expected)
    {
        Assert.Equal(expected, TaskIdSalvage.TryFind(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void A_body_excerpt_is_short_and_on_one_line()
    {
        var body = Encoding.UTF8.GetBytes("<html>\n<body>" + new string('x', 5000) + "</body></html>");

        var excerpt = BodyExcerpt.From(body);

        Assert.True(excerpt.Length <= BodyExcerpt.MaxCharacters + 3);
        Assert.DoesNotContain("\n", excerpt);
        Assert.StartsWith("<html>", excerpt);
        Assert.EndsWith("...", excerpt);
    }

    [Fact]
    public void Polling_keeps_the_interval_for_a_minute_then_backs_off_to_the_cap()
    {
        var schedule = new PollSchedule(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));

        var early = schedule.Next(TimeSpan.FromSeconds(10), null);
        Assert.InRange(early.TotalSeconds, 4.5, 5.5);

        TimeSpan late = default;
        for (var i = 0; i < 20; i++)
        {
            late = schedule.Next(TimeSpan.FromMinutes(2 + i), null);
        }

        Assert.InRange(late.TotalSeconds, 27, 30);
    }

    [Fact]
    public void Polling_honours_a_longer_retry_after()
    {
        var schedule = new PollSchedule(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(45), schedule.Next(TimeSpan.Zero, TimeSpan.FromSeconds(45)));
    }
}
