using System;
using System.Net.Http;
using LemonData.Video.Tests.Support;

namespace LemonData.Video.Tests.Security;

/// <summary>Plain http:// sends the key in clear text: refused off this machine unless the caller opts in.</summary>
[Collection(EnvironmentVariables.Collection)]
public sealed class InsecureEndpointTests
{
    private const string Key = "sk-insecure-0123456789abcdef";

    [Theory]
    [InlineData("https://api.lemondata.cc")]
    [InlineData("https://api.tokenlab.sh/")]
    [InlineData("https://gw.example.com/lemondata")]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://127.0.0.2")]
    [InlineData("http://localhost:5000/base")]
    [InlineData("http://LOCALHOST")]
    [InlineData("http://[::1]:8080")]
    public void Https_and_loopback_http_are_accepted(string endpoint)
    {
        using var _ = EnvironmentVariables.Set(LemonDataVideoClientOptions.EndpointEnvironmentVariable, null);

        var client = new LemonDataVideoClient(Key, new LemonDataVideoClientOptions { Endpoint = new Uri(endpoint) });
        using var httpClient = new HttpClient();
        var onCallersClient = new LemonDataVideoClient(httpClient, new LemonDataVideoClientOptions { Endpoint = new Uri(endpoint), ApiKey = Key });

        Assert.Equal(new Uri(endpoint).Host, client.Endpoint.Host);
        Assert.Equal(new Uri(endpoint).Host, onCallersClient.Endpoint.Host);
    }

    [Theory]
    [InlineData("http://api.example.com")]
    [InlineData("http://api.lemondata.cc/")]
    [InlineData("http://10.0.0.5:8080")]
    [InlineData("http://0.0.0.0")]
    [InlineData("http://localhost.example.com")]
    [InlineData("http://127.0.0.1.nip.io")]
    public void Plain_http_off_this_machine_is_refused_with_a_clear_message(string endpoint)
    {
        using var _ = EnvironmentVariables.Set(LemonDataVideoClientOptions.EndpointEnvironmentVariable, null);

        var exception = Assert.Throws<ArgumentException>(() => new LemonDataVideoClient(Key, new LemonDataVideoClientOptions { Endpoint = new Uri(endpoint) }));

        AssertExplains(exception, endpoint);
    }

    [Fact]
    public void Plain_http_is_refused_on_a_callers_client_too_whether_the_endpoint_comes_from_options_or_BaseAddress()
    {
        using var _ = EnvironmentVariables.Set(LemonDataVideoClientOptions.EndpointEnvironmentVariable, null);
        using var httpClient = new HttpClient { BaseAddress = new Uri("http://api.example.com/") };

        var fromBaseAddress = Assert.Throws<ArgumentException>(() => new LemonDataVideoClient(httpClient, new LemonDataVideoClientOptions { ApiKey = Key }));
        var fromOptions = Assert.Throws<ArgumentException>(() => new LemonDataVideoClient(new HttpClient(), new LemonDataVideoClientOptions { ApiKey = Key, Endpoint = new Uri("http://api.example.com") }));

        AssertExplains(fromBaseAddress, "http://api.example.com");
        AssertExplains(fromOptions, "http://api.example.com");
    }

    [Theory]
    [InlineData("http://api.example.com")]
    [InlineData("http://10.0.0.5:8080/gw")]
    public void Plain_http_is_allowed_when_the_caller_opts_in(string endpoint)
    {
        using var _ = EnvironmentVariables.Set(LemonDataVideoClientOptions.EndpointEnvironmentVariable, null);

        var client = new LemonDataVideoClient(Key, new LemonDataVideoClientOptions { Endpoint = new Uri(endpoint), AllowInsecureHttp = true });
        using var httpClient = new HttpClient { BaseAddress = new Uri(endpoint) };
        var onCallersClient = new LemonDataVideoClient(httpClient, new LemonDataVideoClientOptions { ApiKey = Key, AllowInsecureHttp = true });

        Assert.Equal("http", client.Endpoint.Scheme);
        Assert.Equal("http", onCallersClient.Endpoint.Scheme);
    }

    [Fact]
    public void The_opt_in_is_off_by_default()
    {
        Assert.False(new LemonDataVideoClientOptions().AllowInsecureHttp);
    }

    [Fact]
    public void A_plain_http_LEMONDATA_BASE_URL_off_this_machine_is_refused()
    {
        using var _ = EnvironmentVariables.Set(LemonDataVideoClientOptions.EndpointEnvironmentVariable, "http://api.example.com");

        var exception = Assert.Throws<ArgumentException>(() => new LemonDataVideoClient(Key));
        var withOptions = Assert.Throws<ArgumentException>(() => new LemonDataVideoClient(Key, new LemonDataVideoClientOptions()));
        var onCallersClient = Assert.Throws<ArgumentException>(() => new LemonDataVideoClient(new HttpClient(), new LemonDataVideoClientOptions { ApiKey = Key }));

        AssertExplains(exception, "http://api.example.com");
        AssertExplains(withOptions, "http://api.example.com");
        AssertExplains(onCallersClient, "http://api.example.com");
    }

    [Fact]
    public void A_plain_http_LEMONDATA_BASE_URL_is_accepted_on_loopback_or_with_the_opt_in()
    {
        using (EnvironmentVariables.Set(LemonDataVideoClientOptions.EndpointEnvironmentVariable, "http://127.0.0.1:9"))
        {
            Assert.Equal("127.0.0.1", new LemonDataVideoClient(Key).Endpoint.Host);
        }

        using (EnvironmentVariables.Set(LemonDataVideoClientOptions.EndpointEnvironmentVariable, "http://api.example.com"))
        {
            Assert.Equal("api.example.com", new LemonDataVideoClient(Key, new LemonDataVideoClientOptions { AllowInsecureHttp = true }).Endpoint.Host);
        }
    }

    [Fact]
    public void The_refusal_never_contains_the_key()
    {
        using var _ = EnvironmentVariables.Set(LemonDataVideoClientOptions.EndpointEnvironmentVariable, null);

        var exception = Assert.Throws<ArgumentException>(() => new LemonDataVideoClient(Key, new LemonDataVideoClientOptions { Endpoint = new Uri("http://api.example.com") }));

        Assert.DoesNotContain(Key, exception.ToString(), StringComparison.Ordinal);
    }

    private static void AssertExplains(ArgumentException exception, string endpoint)
    {
        Assert.Contains(new Uri(endpoint).Host, exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Endpoint", exception.Message, StringComparison.Ordinal);
        Assert.Contains("http", exception.Message, StringComparison.Ordinal);
        Assert.Contains("https", exception.Message, StringComparison.Ordinal);
        Assert.Contains("AllowInsecureHttp", exception.Message, StringComparison.Ordinal);
    }
}
