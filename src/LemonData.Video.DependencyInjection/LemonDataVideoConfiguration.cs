using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace LemonData.Video.DependencyInjection;

/// <summary>
/// Reads <see cref="LemonDataVideoClientOptions"/> from a configuration section, by hand rather than with
/// ConfigurationBinder: it stays trimming- and AOT-safe without a source generator, and a bad value or a
/// misspelt key fails with the key's full path and what it accepts, instead of silently keeping a default.
/// </summary>
public static class LemonDataVideoConfiguration
{
    /// <summary>The section <c>AddLemonDataVideoClient()</c> reads: <c>LemonData</c>.</summary>
    public const string SectionName = "LemonData";

    private const string TimeSpanFormat = "a time span such as \"00:00:05\" (5 s) or \"00:10:00\" (10 min)";

    private static readonly Dictionary<string, Action<IConfigurationSection, LemonDataVideoClientOptions>> Settings =
        new(StringComparer.OrdinalIgnoreCase)
        {
            [nameof(LemonDataVideoClientOptions.ApiKey)] = (s, o) => o.ApiKey = s.Value,
            [nameof(LemonDataVideoClientOptions.Endpoint)] = (s, o) => o.Endpoint = ReadUri(s),
            [nameof(LemonDataVideoClientOptions.PollInterval)] = (s, o) => o.PollInterval = ReadTimeSpan(s),
            [nameof(LemonDataVideoClientOptions.MaxPollInterval)] = (s, o) => o.MaxPollInterval = ReadTimeSpan(s),
            [nameof(LemonDataVideoClientOptions.WaitTimeout)] = (s, o) => o.WaitTimeout = ReadTimeSpan(s),
            [nameof(LemonDataVideoClientOptions.MaxRetries)] = (s, o) => o.MaxRetries = ReadInt(s),
            [nameof(LemonDataVideoClientOptions.RetryDelay)] = (s, o) => o.RetryDelay = ReadTimeSpan(s),
            [nameof(LemonDataVideoClientOptions.MaxRetryDelay)] = (s, o) => o.MaxRetryDelay = ReadTimeSpan(s),
            [nameof(LemonDataVideoClientOptions.AttemptTimeout)] = (s, o) => o.AttemptTimeout = ReadTimeSpan(s),
            [nameof(LemonDataVideoClientOptions.AllowInsecureHttp)] = (s, o) => o.AllowInsecureHttp = ReadBool(s),
            [nameof(LemonDataVideoClientOptions.ValidateRequests)] = (s, o) => o.ValidateRequests = ReadBool(s),
            [nameof(LemonDataVideoClientOptions.IncludePromptInTelemetry)] = (s, o) => o.IncludePromptInTelemetry = ReadBool(s),
            [nameof(LemonDataVideoClientOptions.ModelLookup)] = (s, o) => o.ModelLookup = ReadModelLookup(s),
            [nameof(LemonDataVideoClientOptions.ModelLookupTimeout)] = (s, o) => o.ModelLookupTimeout = ReadTimeSpan(s),

            // Not an option of its own: the path of a lemondata-models.json whose models become ModelCatalog.
            [ModelsFileKey] = (s, o) => o.ModelCatalog = ReadModelsFile(s),
        };

    /// <summary>
    /// The key whose value is the path of a <c>lemondata-models.json</c> (relative to the current folder), read with
    /// <see cref="VideoModelCatalog.Load(string)"/> into <see cref="LemonDataVideoClientOptions.ModelCatalog"/>.
    /// </summary>
    public const string ModelsFileKey = "ModelsFile";

    /// <summary>The keys a section may hold: the settable options of <see cref="LemonDataVideoClientOptions"/> that are not objects.</summary>
    public static IReadOnlyCollection<string> Keys { get; } = Settings.Keys.ToArray();

    /// <summary>Applies every key of <paramref name="section"/> to <paramref name="options"/>; an empty value leaves the default.</summary>
    /// <param name="section">The section, for example <c>configuration.GetSection("LemonData")</c>.</param>
    /// <param name="options">The options to set.</param>
    /// <exception cref="InvalidOperationException">A key is unknown, or its value is not valid; the message names the key's path and what it accepts.</exception>
    public static void Apply(IConfiguration section, LemonDataVideoClientOptions options)
    {
        if (section is null)
        {
            throw new ArgumentNullException(nameof(section));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        foreach (var setting in section.GetChildren())
        {
            if (!Settings.TryGetValue(setting.Key, out var apply))
            {
                throw new InvalidOperationException(
                    "Configuration key '" + setting.Path + "' is not a LemonData.Video option. The section may hold: "
                    + string.Join(", ", Keys) + ".");
            }

            if (string.IsNullOrWhiteSpace(setting.Value))
            {
                continue;
            }

            try
            {
                apply(setting, options);
            }
            catch (ArgumentException exception)
            {
                // The options' own checks (a negative delay, a relative endpoint): say which key it was.
                throw new InvalidOperationException(
                    "Configuration key '" + setting.Path + "' has a value LemonData.Video cannot use: " + exception.Message, exception);
            }
        }
    }

    private static Uri ReadUri(IConfigurationSection setting) =>
        Uri.TryCreate(setting.Value!.Trim(), UriKind.Absolute, out var uri)
            ? uri
            : throw Invalid(setting, "an absolute URL such as \"https://api.lemondata.cc\"");

    private static TimeSpan ReadTimeSpan(IConfigurationSection setting)
    {
        var text = setting.Value!.Trim();
        if (string.Equals(text, "Infinite", StringComparison.OrdinalIgnoreCase))
        {
            return System.Threading.Timeout.InfiniteTimeSpan;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(setting, TimeSpanFormat + ", or \"Infinite\" where no limit is allowed");
    }

    private static int ReadInt(IConfigurationSection setting) =>
        int.TryParse(setting.Value!.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(setting, "a whole number such as 3");

    // By name only, ignoring case: a number would be read by Enum.TryParse, and "2" says nothing to the next reader.
    private static ModelLookup ReadModelLookup(IConfigurationSection setting)
    {
        var text = setting.Value!.Trim();
        foreach (var value in new[] { ModelLookup.MissingModels, ModelLookup.AllModels, ModelLookup.None })
        {
            if (string.Equals(text, value.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw Invalid(setting, "MissingModels, AllModels or None");
    }

    // A file that cannot be read is a configuration error, named by its key, never a silent fall back to the snapshot.
    private static VideoModelCatalog ReadModelsFile(IConfigurationSection setting)
    {
        var path = System.IO.Path.GetFullPath(setting.Value!.Trim());
        try
        {
            return VideoModelCatalog.Load(path);
        }
        catch (VideoModelCatalogException exception)
        {
            throw new InvalidOperationException("Configuration key '" + setting.Path + "' names a models file LemonData.Video cannot use: " + exception.Message, exception);
        }
        catch (Exception exception) when (exception is System.IO.IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                "Configuration key '" + setting.Path + "' is '" + setting.Value + "', but " + path + " cannot be read (" + exception.Message
                + "). Write it with 'lemondata-video models sync --out " + setting.Value + "'.", exception);
        }
    }

    private static bool ReadBool(IConfigurationSection setting) =>
        bool.TryParse(setting.Value!.Trim(), out var value)
            ? value
            : throw Invalid(setting, "true or false");

    // The value is not echoed for ApiKey (never reached: it takes any string), and is for the others:
    // it is what the user must find and fix.
    private static InvalidOperationException Invalid(IConfigurationSection setting, string expected) =>
        new("Configuration key '" + setting.Path + "' is '" + setting.Value + "', which is not " + expected + ".");
}
