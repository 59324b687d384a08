using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace LemonData.Video.PackageTests.Support;

/// <summary>One result of a SARIF 2.1 error log.</summary>
public sealed record SarifResult(string RuleId, string Level, string Message, string? File, int Line, int Column);

/// <summary>What the tests read from the compiler's SARIF 2.1 error log (<c>-p:ErrorLog=file,version=2.1</c>).</summary>
public sealed class SarifLog
{
    private SarifLog(string version, IReadOnlyList<SarifResult> results, IReadOnlyDictionary<string, string?> helpUris)
    {
        Version = version;
        Results = results;
        HelpUris = helpUris;
    }

    public string Version { get; }

    public IReadOnlyList<SarifResult> Results { get; }

    /// <summary>The help link of every rule the log describes, by id (null where a rule has none).</summary>
    public IReadOnlyDictionary<string, string?> HelpUris { get; }

    public static SarifLog Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var version = root.GetProperty("version").GetString() ?? string.Empty;
        var results = new List<SarifResult>();
        var helpUris = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var run in root.GetProperty("runs").EnumerateArray())
        {
            if (run.TryGetProperty("tool", out var tool)
                && tool.TryGetProperty("driver", out var driver)
                && driver.TryGetProperty("rules", out var rules))
            {
                foreach (var rule in rules.EnumerateArray())
                {
                    helpUris[rule.GetProperty("id").GetString()!] = rule.TryGetProperty("helpUri", out var help) ? help.GetString() : null;
                }
            }

            if (!run.TryGetProperty("results", out var runResults))
            {
                continue;
            }

            foreach (var result in runResults.EnumerateArray())
            {
                string? file = null;
                int line = 0, column = 0;
                if (result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
                    && locations[0].TryGetProperty("physicalLocation", out var physical))
                {
                    if (physical.TryGetProperty("artifactLocation", out var artifact) && artifact.TryGetProperty("uri", out var uri))
                    {
                        file = uri.GetString();
                    }

                    if (physical.TryGetProperty("region", out var region))
                    {
                        line = region.TryGetProperty("startLine", out var startLine) ? startLine.GetInt32() : 0;
                        column = region.TryGetProperty("startColumn", out var startColumn) ? startColumn.GetInt32() : 0;
                    }
                }

                results.Add(new SarifResult(
                    result.GetProperty("ruleId").GetString()!,
                    result.TryGetProperty("level", out var level) ? level.GetString() ?? string.Empty : string.Empty,
                    result.TryGetProperty("message", out var message) && message.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty,
                    file,
                    line,
                    column));
            }
        }

        return new SarifLog(version, results, helpUris);
    }
}
