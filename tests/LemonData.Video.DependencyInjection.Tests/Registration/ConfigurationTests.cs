using System;
using System.Collections.Generic;
using System.Threading;
using LemonData.Video.DependencyInjection.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LemonData.Video.DependencyInjection.Tests.Registration;

public sealed class ConfigurationTests
{
    [Fact]
    public void Every_option_is_read_from_the_LemonData_section()
    {
        var services = Containers.WithConfiguration(new Dictionary<string, string?>
        {
            ["LemonData:ApiKey"] = "sk-from-config",
            ["LemonData:Endpoint"] = "https://gateway.example.com/lemondata",
            ["LemonData:PollInterval"] = "00:00:07",
            ["LemonData:MaxPollInterval"] = "00:01:00",
            ["LemonData:WaitTimeout"] = "Infinite",
            ["LemonData:MaxRetries"] = "5",
            ["LemonData:RetryDelay"] = "00:00:02",
            ["LemonData:MaxRetryDelay"] = "00:00:30",
            ["LemonData:AttemptTimeout"] = "00:00:45",
            ["LemonData:AllowInsecureHttp"] = "true",
            ["LemonData:ValidateRequests"] = "false",
            ["LemonData:IncludePromptInTelemetry"] = "True",
            ["LemonData:ModelLookup"] = "allmodels",
            ["LemonData:ModelLookupTimeout"] = "00:00:02",
        });
        services.AddLemonDataVideoClient();

        var options = services.BuildServiceProvider().GetRequiredService<IOptions<LemonDataVideoClientOptions>>().Value;

        Assert.Equal("sk-from-config", options.ApiKey);
        Assert.Equal(new Uri("https://gateway.example.com/lemondata"), options.Endpoint);
        Assert.Equal(TimeSpan.FromSeconds(7), options.PollInterval);
        Assert.Equal(TimeSpan.FromMinutes(1), options.MaxPollInterval);
        Assert.Equal(Timeout.InfiniteTimeSpan, options.WaitTimeout);
        Assert.Equal(5, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxRetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(45), options.AttemptTimeout);
        Assert.True(options.AllowInsecureHttp);
        Assert.False(options.ValidateRequests);
        Assert.True(options.IncludePromptInTelemetry);
        Assert.Equal(ModelLookup.AllModels, options.ModelLookup);
        Assert.Equal(TimeSpan.FromSeconds(2), options.ModelLookupTimeout);
        Assert.Equal(15, LemonDataVideoConfiguration.Keys.Count);
    }

    [Fact]
    public void Code_runs_after_the_configuration_and_wins()
    {
        var services = Containers.WithConfiguration(new Dictionary<string, string?>
        {
            ["LemonData:ApiKey"] = "sk-from-config",
            ["LemonData:PollInterval"] = "00:00:07",
            ["LemonData:MaxRetries"] = "5",
        });
        services.AddLemonDataVideoClient(options => options.PollInterval = TimeSpan.FromSeconds(9));

        var options = services.BuildServiceProvider().GetRequiredService<IOptions<LemonDataVideoClientOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(9), options.PollInterval);
        Assert.Equal(5, options.MaxRetries);
    }

    [Fact]
    public void A_custom_section_can_be_given()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Video:ApiKey"] = "sk-custom",
            ["Video:WaitTimeout"] = "00:20:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddLemonDataVideoClient(configuration.GetSection("Video"));

        var options = services.BuildServiceProvider().GetRequiredService<IOptions<LemonDataVideoClientOptions>>().Value;

        Assert.Equal("sk-custom", options.ApiKey);
        Assert.Equal(TimeSpan.FromMinutes(20), options.WaitTimeout);
    }

    [Theory]
    [InlineData("LemonData:PollInterval", "5 seconds", "Configuration key 'LemonData:PollInterval' is '5 seconds', which is not a time span such as \"00:00:05\"")]
    [InlineData("LemonData:MaxRetries", "three", "Configuration key 'LemonData:MaxRetries' is 'three', which is not a whole number")]
    [InlineData("LemonData:ValidateRequests", "yes", "Configuration key 'LemonData:ValidateRequests' is 'yes', which is not true or false")]
    [InlineData("LemonData:Endpoint", "api.lemondata.cc", "Configuration key 'LemonData:Endpoint' is 'api.lemondata.cc', which is not an absolute URL")]
    [InlineData("LemonData:MaxRetries", "-1", "Configuration key 'LemonData:MaxRetries' has a value LemonData.Video cannot use: MaxRetries must be 0 or more.")]
    [InlineData("LemonData:ModelLookup", "2", "Configuration key 'LemonData:ModelLookup' is '2', which is not MissingModels, AllModels or None")]
    [InlineData("LemonData:ModelLookup", "Always", "Configuration key 'LemonData:ModelLookup' is 'Always', which is not MissingModels, AllModels or None")]
    [InlineData("LemonData:ModelLookupTimeout", "00:00:00", "Configuration key 'LemonData:ModelLookupTimeout' has a value LemonData.Video cannot use: ModelLookupTimeout must be positive")]
    [InlineData("LemonData:PollIntervall", "00:00:05", "Configuration key 'LemonData:PollIntervall' is not a LemonData.Video option. The section may hold: ApiKey, Endpoint, PollInterval,")]
    public void A_bad_value_or_a_misspelt_key_names_the_key_and_what_it_accepts(string key, string value, string expectedStart)
    {
        var services = Containers.WithConfiguration(new Dictionary<string, string?> { ["LemonData:ApiKey"] = "sk-x", [key] = value });
        services.AddLemonDataVideoClient();
        var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<LemonDataVideoClient>());

        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelsFile_loads_the_catalog_the_client_checks_by()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ldv-di-" + Guid.NewGuid().ToString("N") + ".json");
        System.IO.File.WriteAllText(path, """
            {"format": "lemondata-video-models/1", "models": [{"id": "acme-video-9", "operations": ["text-to-video"], "resolutions": ["720p"]}]}
            """);
        try
        {
            var services = Containers.WithConfiguration(new Dictionary<string, string?> { ["LemonData:ApiKey"] = "sk-x", ["LemonData:ModelsFile"] = path });
            services.AddLemonDataVideoClient();

            var options = services.BuildServiceProvider().GetRequiredService<IOptions<LemonDataVideoClientOptions>>().Value;

            Assert.NotNull(options.ModelCatalog);
            Assert.True(options.ModelCatalog!.TryGetModel("acme-video-9", out var model));
            Assert.Equal(new[] { "720p" }, model.Resolutions);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void A_models_file_that_is_missing_or_bad_names_the_key_and_the_line()
    {
        var bad = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ldv-di-" + Guid.NewGuid().ToString("N") + ".json");
        System.IO.File.WriteAllText(bad, "{\"format\": \"lemondata-video-models/9\", \"models\": []}");
        try
        {
            foreach (var (path, says) in new[] { (bad, "(1): format: "), (bad + ".missing", "cannot be read") })
            {
                var services = Containers.WithConfiguration(new Dictionary<string, string?> { ["LemonData:ApiKey"] = "sk-x", ["LemonData:ModelsFile"] = path });
                services.AddLemonDataVideoClient();
                var provider = services.BuildServiceProvider();

                var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<LemonDataVideoClient>());

                Assert.StartsWith("Configuration key 'LemonData:ModelsFile' ", error.Message, StringComparison.Ordinal);
                Assert.Contains(says, error.Message, StringComparison.Ordinal);
            }
        }
        finally
        {
            System.IO.File.Delete(bad);
        }
    }

    [Fact]
    public void An_empty_value_keeps_the_default()
    {
        var services = Containers.WithConfiguration(new Dictionary<string, string?> { ["LemonData:ApiKey"] = "sk-x", ["LemonData:PollInterval"] = "" });
        services.AddLemonDataVideoClient();

        var options = services.BuildServiceProvider().GetRequiredService<IOptions<LemonDataVideoClientOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(5), options.PollInterval);
    }

    [Fact]
    public void Without_a_key_resolving_the_client_says_where_a_key_can_come_from()
    {
        var previous = Environment.GetEnvironmentVariable(LemonDataVideoClientOptions.ApiKeyEnvironmentVariable);
        Environment.SetEnvironmentVariable(LemonDataVideoClientOptions.ApiKeyEnvironmentVariable, null);
        try
        {
            var services = Containers.WithConfiguration(new Dictionary<string, string?>());
            services.AddLemonDataVideoClient();
            var provider = services.BuildServiceProvider();

            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<LemonDataVideoClient>());

            Assert.Contains("'LemonData:ApiKey'", error.Message, StringComparison.Ordinal);
            Assert.Contains("LEMONDATA_API_KEY", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(LemonDataVideoClientOptions.ApiKeyEnvironmentVariable, previous);
        }
    }
}
