using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using LemonData.Video.DependencyInjection.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LemonData.Video.DependencyInjection.Tests.Registration;

public sealed class RegistrationTests
{
    [Fact]
    public async Task A_resolved_client_generates_and_downloads_against_the_configured_endpoint()
    {
        await using var simulator = Containers.FastSimulator();
        var services = Containers.ForSimulator(simulator);
        services.AddLemonDataVideoClient();
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<LemonDataVideoClient>();
        var task = await client.GenerateVideoAsync(new VideoGenerationRequest { Prompt = "a lighthouse at dusk", Model = VideoModels.Sora2 });
        using var video = new MemoryStream();
        await client.DownloadVideoAsync(task, video);

        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.Equal(simulator.Endpoint, client.Endpoint);
        Assert.Equal(LemonData.Video.Testing.LemonDataSimulator.SampleVideo.ToArray(), video.ToArray());
        Assert.Equal(1, simulator.CreatesReceived);
        Assert.All(simulator.Requests.Where(r => !r.Path.StartsWith("/files/", StringComparison.Ordinal)), r => Assert.True(r.HasAuthorization));
    }

    [Fact]
    public async Task The_returned_builder_adds_handlers_to_the_clients_pipeline()
    {
        await using var simulator = Containers.FastSimulator();
        var services = Containers.ForSimulator(simulator);
        var counting = new CountingHandler();
        services.AddLemonDataVideoClient().AddHttpMessageHandler(() => counting);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<LemonDataVideoClient>();
        var created = await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "a fox" });
        await client.GetVideoTaskAsync(created.Id);

        Assert.Equal(new[] { "POST /v1/videos/generations", "GET " + new Uri(simulator.Endpoint, created.PollUrl ?? "/v1/tasks/" + created.Id).AbsolutePath }, counting.Seen.ToArray());
    }

    [Fact]
    public void The_client_is_transient_and_its_HttpClient_comes_from_the_factory()
    {
        var services = Containers.WithConfiguration(new System.Collections.Generic.Dictionary<string, string?> { ["LemonData:ApiKey"] = "sk-x" });
        var builder = services.AddLemonDataVideoClient();
        using var provider = services.BuildServiceProvider();

        Assert.Equal(LemonDataVideoHttpClient.Name, builder.Name);
        Assert.NotSame(provider.GetRequiredService<LemonDataVideoClient>(), provider.GetRequiredService<LemonDataVideoClient>());
        var descriptor = services.Single(d => d.ServiceType == typeof(LemonDataVideoClient));
        Assert.Equal(ServiceLifetime.Transient, descriptor.Lifetime);
        Assert.Equal(Timeout(provider), System.Threading.Timeout.InfiniteTimeSpan);

        static TimeSpan Timeout(IServiceProvider provider) =>
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(LemonDataVideoHttpClient.Name).Timeout;
    }

    [Fact]
    public void The_containers_logger_factory_is_used_unless_the_application_set_one()
    {
        var services = Containers.WithConfiguration(new System.Collections.Generic.Dictionary<string, string?> { ["LemonData:ApiKey"] = "sk-x" });
        services.AddLogging();
        services.AddLemonDataVideoClient();
        using var provider = services.BuildServiceProvider();
        Assert.Same(provider.GetRequiredService<ILoggerFactory>(), provider.GetRequiredService<IOptions<LemonDataVideoClientOptions>>().Value.LoggerFactory);

        var own = new ServiceCollection();
        own.AddLogging();
        own.AddLemonDataVideoClient(options =>
        {
            options.ApiKey = "sk-x";
            options.LoggerFactory = NullLoggerFactory.Instance;
        });
        using var ownProvider = own.BuildServiceProvider();
        Assert.Same(NullLoggerFactory.Instance, ownProvider.GetRequiredService<IOptions<LemonDataVideoClientOptions>>().Value.LoggerFactory);
    }

    [Fact]
    public void Registering_twice_keeps_one_guard_and_one_validator()
    {
        var services = new ServiceCollection();
        services.AddLemonDataVideoClient(o => o.ApiKey = "sk-x");
        services.AddLemonDataVideoClient(o => o.ApiKey = "sk-x");

        Assert.Single(services, d => d.ImplementationType == typeof(CreateResendGuardFilter));
        Assert.Single(services, d => d.ImplementationType == typeof(LemonDataVideoOptionsValidator));
    }
}
