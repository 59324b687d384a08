using System;
using LemonData.Video.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LemonData.Video.Sample.MinimalApi;

/// <summary>Builds the sample application; the tests call this with their own configuration and loggers.</summary>
public static class VideoApi
{
    /// <summary>Builds the application, ready to run.</summary>
    /// <param name="args">Command-line arguments (configuration, such as <c>--urls</c>).</param>
    /// <param name="configure">Changes the builder before the services are added (tests add settings and loggers).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        // With no key anywhere, the sample runs against the offline simulator rather than failing, as the CLI does.
        var simulator = StartSimulatorWithoutKey(builder.Configuration);

        // Everything the client needs: options from the "LemonData" section, the container's logging.
        builder.Services.AddLemonDataVideoClient();
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        if (simulator is not null)
        {
            app.Logger.LogWarning("No LemonData API key is configured: using the offline simulator at {Endpoint}.", simulator.Endpoint);
            app.Lifetime.ApplicationStopped.Register(simulator.Dispose);
        }

        app.UseExceptionHandler();
        app.MapVideoEndpoints();
        return app;
    }

    private static LemonDataSimulator? StartSimulatorWithoutKey(ConfigurationManager configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration["LemonData:ApiKey"])
            || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(LemonDataVideoClientOptions.ApiKeyEnvironmentVariable)))
        {
            return null;
        }

        var simulator = LemonDataSimulator.Start();
        configuration["LemonData:Endpoint"] = simulator.Endpoint.ToString();
        configuration["LemonData:ApiKey"] = simulator.ApiKey;
        return simulator;
    }
}
