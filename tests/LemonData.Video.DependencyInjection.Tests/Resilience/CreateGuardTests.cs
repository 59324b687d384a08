using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.DependencyInjection.Tests.Support;
using LemonData.Video.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace LemonData.Video.DependencyInjection.Tests.Resilience;

/// <summary>
/// The guard follows the SDK's own rule: only a refusal (400, 401, 402, 403, 404, 409, 413, 422, 429) proves that a
/// create made nothing. After any other answer (a 5xx, a 408, a status nobody documented) a resend by the application's
/// handlers is blocked, the reason says that the first answer does not prove that nothing was created, and a task id
/// that answer named still reaches the caller, though the retry handler disposed the answer.
/// </summary>
public sealed class CreateGuardTests
{
    private static readonly VideoGenerationRequest Request = new() { Prompt = "a paper boat on a river", Model = VideoModels.Sora2 };

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_create_answered_5xx_is_not_resent_by_the_standard_handler(int status)
    {
        await using var simulator = Containers.FastSimulator();
        var services = Containers.ForSimulator(simulator);
        services.AddLemonDataVideoClient().AddStandardResilienceHandler(StandardResilienceHandlerTests.FastRetries);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<LemonDataVideoClient>();
        simulator.Script.ServerErrorNext(1, status, SimulatorTarget.Create);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.Equal(1, simulator.CreatesReceived);
        Assert.True(error.TaskMayExist);
        Assert.Contains("the first send was answered " + status + ", which does not prove that nothing was created", error.Message, StringComparison.Ordinal);
        Assert.Contains("do not submit the request again blindly", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(599)]
    public async Task A_create_answered_408_or_an_undocumented_status_is_not_resent_by_the_standard_handler(int status)
    {
        var service = new ScriptedService(_ => Answer(status, "{\"error\":{\"message\":\"Timed out\"}}"));
        var client = ClientOn(service, builder => builder.AddStandardResilienceHandler(StandardResilienceHandlerTests.FastRetries));

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.Equal(1, service.Creates);
        Assert.True(error.TaskMayExist);
        Assert.Contains("the first send was answered " + status + ", which does not prove that nothing was created", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_create_answered_5xx_is_not_hedged()
    {
        await using var simulator = Containers.FastSimulator();
        var services = Containers.ForSimulator(simulator);
        services.AddLemonDataVideoClient().AddStandardHedgingHandler().Configure(options =>
        {
            options.Hedging.Delay = TimeSpan.FromMilliseconds(50);
            options.Hedging.MaxHedgedAttempts = 3;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<LemonDataVideoClient>();
        simulator.Script.ServerErrorNext(1, 503, SimulatorTarget.Create);

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.Equal(1, simulator.CreatesReceived);
        Assert.True(error.TaskMayExist);
    }

    [Fact]
    public async Task The_task_id_of_a_5xx_reaches_the_caller_although_the_retry_handler_disposed_the_answer()
    {
        var service = new ScriptedService(_ => Answer(502, """{"task_id":"ldtask_guarded","error":{"message":"Upstream timed out after accepting","code":"upstream_timeout"}}"""));
        var client = ClientOn(service, builder => builder.AddStandardResilienceHandler(StandardResilienceHandlerTests.FastRetries));

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.Equal(1, service.Creates);
        Assert.True(error.TaskMayExist);
        Assert.Equal("ldtask_guarded", error.TaskId);
        Assert.Equal("ldtask_guarded", error.GetVideoTaskId());
        Assert.Contains("that answer named task 'ldtask_guarded'", error.Message, StringComparison.Ordinal);
        Assert.Contains("WaitForCompletionAsync(\"ldtask_guarded\")", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_retry_handler_the_guard_s_reading_leaves_the_5xx_answer_whole_for_the_SDK()
    {
        var service = new ScriptedService(_ => Answer(503, """{"id":"ldtask_whole","error":{"message":"Model unavailable","code":"model_unavailable"}}"""));
        var client = ClientOn(service, _ => { });

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Request));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal("model_unavailable", error.ErrorCode);
        Assert.Equal("ldtask_whole", error.TaskId);
        Assert.True(error.TaskMayExist);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(402)]
    [InlineData(409)]
    [InlineData(422)]
    [InlineData(429)]
    public async Task After_a_refusal_a_resend_may_pass_the_guard(int status)
    {
        var inner = new ScriptedService(sends => sends == 1 ? Answer(status, "{\"error\":{\"message\":\"Refused\"}}") : Answer(200, "{\"id\":\"ldtask_ok\",\"status\":\"pending\"}"));
        using var invoker = new HttpMessageInvoker(new CreateResendGuardHandler { InnerHandler = inner });
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.example.test/v1/videos/generations") { Content = new StringContent("{}") };

        using var first = await invoker.SendAsync(request, CancellationToken.None);
        using var second = await invoker.SendAsync(request, CancellationToken.None); // a retry handler resends the same message

        Assert.Equal(status, (int)first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, inner.Creates);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(303)]
    [InlineData(408)]
    [InlineData(418)]
    [InlineData(500)]
    [InlineData(599)]
    public async Task After_any_other_answer_a_resend_is_blocked_before_it_leaves(int status)
    {
        var inner = new ScriptedService(_ => Answer(status, "{\"error\":{\"message\":\"whatever\"}}"));
        using var invoker = new HttpMessageInvoker(new CreateResendGuardHandler { InnerHandler = inner });
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.example.test/v1/videos/generations") { Content = new StringContent("{}") };

        using var first = await invoker.SendAsync(request, CancellationToken.None);
        var blocked = await Assert.ThrowsAnyAsync<IOException>(() => invoker.SendAsync(request, CancellationToken.None));

        Assert.Equal(1, inner.Creates);
        Assert.Contains("the first send was answered " + status, blocked.Message, StringComparison.Ordinal);
        Assert.Contains(status is >= 200 and < 300 ? "so the task was created" : "does not prove that nothing was created", blocked.Message, StringComparison.Ordinal);
    }

    private static HttpResponseMessage Answer(int status, string json) =>
        new((HttpStatusCode)status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static LemonDataVideoClient ClientOn(ScriptedService service, Action<IHttpClientBuilder> configure)
    {
        var services = Containers.WithConfiguration(new Dictionary<string, string?>
        {
            ["LemonData:Endpoint"] = "https://api.example.test",
            ["LemonData:ApiKey"] = "sk-guard-0123456789abcdef",
            ["LemonData:RetryDelay"] = "00:00:00.010",
        });
        var builder = services.AddLemonDataVideoClient().ConfigurePrimaryHttpMessageHandler(() => service);
        configure(builder);
        return services.BuildServiceProvider().GetRequiredService<LemonDataVideoClient>();
    }

    /// <summary>The service, as a primary handler: answers each create as scripted (by the number of the send) and counts them.</summary>
    private sealed class ScriptedService : HttpMessageHandler
    {
        private readonly Func<int, HttpResponseMessage> _answer;
        private int _creates;

        public ScriptedService(Func<int, HttpResponseMessage> answer)
        {
            _answer = answer;
        }

        public int Creates => Volatile.Read(ref _creates);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var sends = request.Method == HttpMethod.Post ? Interlocked.Increment(ref _creates) : 0;
            var response = _answer(sends);
            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }
}
