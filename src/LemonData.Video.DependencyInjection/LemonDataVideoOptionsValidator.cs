using Microsoft.Extensions.Options;

namespace LemonData.Video.DependencyInjection;

/// <summary>
/// Fails when the client is first resolved without an API key, with a message that says where a key can
/// come from in an application with a container (the client's own message speaks of constructors).
/// </summary>
internal sealed class LemonDataVideoOptionsValidator : IValidateOptions<LemonDataVideoClientOptions>
{
    public ValidateOptionsResult Validate(string? name, LemonDataVideoClientOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ApiKey))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(
            "LemonData.Video has no API key. Set '" + LemonDataVideoConfiguration.SectionName + ":ApiKey' in configuration "
            + "(user secrets or an environment variable LemonData__ApiKey keep it out of source control), set the "
            + LemonDataVideoClientOptions.ApiKeyEnvironmentVariable + " environment variable, or set options.ApiKey in AddLemonDataVideoClient(options => ...).");
    }
}
