using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace LemonData.Video.Tests.Integration;

/// <summary>
/// The service advises one poll per 5-10 s. A task just created cannot have moved yet, so waiting on the task
/// <see cref="LemonDataVideoClient.CreateVideoAsync"/> returned polls first one interval after the create (or
/// after the create answer's Retry-After); a wait on a task id, or on a task this client did not create, is a
/// resume and polls at once.
/// </summary>
public sealed class FirstPollAfterCreateTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly VideoGenerationRequest Request = new() { Prompt = "A lemon rolling on a table" };

    [Fact]
    public async Task Waiting_on_the_created_task_polls_first_one_interval_after_the_create()
    {
        var (clock, api, client) = Start();
        var created = await client.CreateVideoAsync(Request);

        var wait = client.WaitForCompletionAsync(created);
        clock.Advance(Interval - TimeSpan.FromMilliseconds(1));
        await Task.Delay(50);
        Assert.Empty(api.PollTimes);
        Assert.False(wait.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        var done = await wait.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        Assert.Equal(new[] { Interval }, api.PollTimes);
    }

    [Fact]
    public async Task Watching_the_created_task_yields_it_at_once_and_polls_first_one_interval_after_the_create()
    {
        var (clock, api, client) = Start();
        var created = await client.CreateVideoAsync(Request);

        var watch = client.WatchVideoTaskAsync(created).GetAsyncEnumerator();
        Assert.True(await watch.MoveNextAsync());
        Assert.Same(created, watch.Current);
        var next = watch.MoveNextAsync().AsTask();
        clock.Advance(Interval - TimeSpan.FromMilliseconds(1));
        await Task.Delay(50);
        Assert.Empty(api.PollTimes);
        Assert.False(next.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(VideoTaskStatus.Completed, watch.Current.Status);
        Assert.False(await watch.MoveNextAsync());
        await watch.DisposeAsync();
        Assert.Equal(new[] { Interval }, api.PollTimes);

        // By id, a watch is a resume: the first poll goes out at once.
        var (_, resumedApi, resumedClient) = Start();
        var again = await resumedClient.CreateVideoAsync(Request);
        await foreach (var _ in resumedClient.WatchVideoTaskAsync(again.Id))
        {
        }

        Assert.Equal(new[] { TimeSpan.Zero }, resumedApi.PollTimes);
    }

    [Fact]
    public async Task A_longer_Retry_After_on_the_create_answer_is_honoured_by_both_ways_of_waiting()
    {
        var (clock, api, client) = Start(createRetryAfterSeconds: 12);
        var created = await client.CreateVideoAsync(Request);
        var wait = client.WaitForCompletionAsync(created);
        await AdvanceUntilAsync(clock, wait);

        Assert.Equal(new[] { TimeSpan.FromSeconds(12) }, api.PollTimes);

        var (clock2, api2, client2) = Start(createRetryAfterSeconds: 12);
        var generate = client2.GenerateVideoAsync(Request);
        await AdvanceUntilAsync(clock2, generate);

        Assert.Equal(new[] { TimeSpan.FromSeconds(12) }, api2.PollTimes);
    }

    [Fact]
    public async Task Time_spent_since_the_create_counts_toward_the_first_interval()
    {
        var (clock, api, client) = Start();
        var created = await client.CreateVideoAsync(Request);
        clock.Advance(TimeSpan.FromSeconds(3));

        var wait = client.WaitForCompletionAsync(created);
        await AdvanceUntilAsync(clock, wait);
        Assert.Equal(new[] { Interval }, api.PollTimes);

        var (later, laterApi, laterClient) = Start();
        var old = await laterClient.CreateVideoAsync(Request);
        later.Advance(TimeSpan.FromSeconds(8));

        await laterClient.WaitForCompletionAsync(old).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(new[] { TimeSpan.FromSeconds(8) }, laterApi.PollTimes);
    }

    [Fact]
    public async Task A_wait_by_task_id_is_a_resume_and_polls_at_once()
    {
        var (_, api, client) = Start();
        var created = await client.CreateVideoAsync(Request);

        await client.WaitForCompletionAsync(created.Id).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(new[] { TimeSpan.Zero }, api.PollTimes);
    }

    [Fact]
    public async Task A_task_this_client_did_not_create_is_polled_at_once()
    {
        var (_, api, client) = Start();

        await client.WaitForCompletionAsync(new VideoTask("ldtask_stored", VideoTaskStatus.Pending)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(new[] { TimeSpan.Zero }, api.PollTimes);
    }

    private static (FakeTimeProvider Clock, ScriptedApi Api, LemonDataVideoClient Client) Start(int? createRetryAfterSeconds = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var api = new ScriptedApi(clock, createRetryAfterSeconds);
        var client = new LemonDataVideoClient(new HttpClient(api), new LemonDataVideoClientOptions
        {
            ApiKey = "sk-test-first-poll",
            Endpoint = new Uri("https://api.lemondata.cc"),
            TimeProvider = clock,
            PollInterval = Interval,
        });
        return (clock, api, client);
    }

    // Moves the fake clock a second at a time until the wait ends (at most two minutes of fake time).
    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, Task wait)
    {
        for (var step = 0; step < 120 && !wait.IsCompleted; step++)
        {
            await Task.WhenAny(wait, Task.Delay(5));
            if (!wait.IsCompleted)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        await wait.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Creates a pending task; every read finds it completed and notes when (on the fake clock, since the create, or since the start when there was none).</summary>
    private sealed class ScriptedApi : HttpMessageHandler
    {
        private readonly FakeTimeProvider _clock;
        private readonly int? _createRetryAfterSeconds;
        private readonly List<TimeSpan> _pollTimes = new();
        private DateTimeOffset _createdAt;

        public ScriptedApi(FakeTimeProvider clock, int? createRetryAfterSeconds)
        {
            _clock = clock;
            _createRetryAfterSeconds = createRetryAfterSeconds;
            _createdAt = clock.GetUtcNow();
        }

        public TimeSpan[] PollTimes
        {
            get
            {
                lock (_pollTimes)
                {
                    return _pollTimes.ToArray();
                }
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string body;
            var response = new HttpResponseMessage(HttpStatusCode.OK);
            if (request.Method == HttpMethod.Post)
            {
                _createdAt = _clock.GetUtcNow();
                body = """{"id":"ldtask_first","task_id":"ldtask_first","poll_url":"/v1/tasks/ldtask_first","status":"pending","model":"sora-2"}""";
                if (_createRetryAfterSeconds is { } seconds)
                {
                    response.Headers.TryAddWithoutValidation("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else
            {
                lock (_pollTimes)
                {
                    _pollTimes.Add(_clock.GetUtcNow() - _createdAt);
                }

                var id = request.RequestUri!.Segments[^1];
                body = "{\"id\":\"" + id + "\",\"status\":\"completed\",\"video_url\":\"https://cdn.example/v.mp4\"}";
            }

            response.Content = new StringContent(body, Encoding.UTF8, "application/json");
            return Task.FromResult(response);
        }
    }
}
