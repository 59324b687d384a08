using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using LemonData.Video.Roslyn48Host;
using Microsoft.CodeAnalysis;

// roslyn48-host --analyzers <analyzers/dotnet/cs of the package> --sdk <lib/net8.0/LemonData.Video.dll> --source <file.cs> --fix <id>...
// Writes a HostReport as JSON to stdout; exit 0 when every step worked, 1 when one failed (the report says which), 2 on bad arguments.
var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    if (!options.TryGetValue(args[i], out var values))
    {
        options[args[i]] = values = new List<string>();
    }

    values.Add(args[i + 1]);
}

if (args.Length % 2 != 0 || !options.ContainsKey("--analyzers") || !options.ContainsKey("--sdk") || !options.ContainsKey("--source"))
{
    Console.Error.WriteLine("usage: --analyzers <folder> --sdk <LemonData.Video.dll> --source <file.cs> [--fix <diagnostic id>]...");
    return 2;
}

var report = new HostReport
{
    Roslyn = VersionOf(typeof(Workspace).Assembly),
    HostSystemComposition = VersionOf(typeof(System.Composition.SharedAttribute).Assembly),
};
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(3));
var step = "opening the workspace";
try
{
    using var session = FixSession.Open(options["--analyzers"][0], options["--sdk"][0], File.ReadAllText(options["--source"][0]));
    report.FixesReferenceSystemComposition = session.CodeFixesCompositionReference();

    step = "loading the analyzer";
    report.Analyzers.AddRange(session.Analyzers().Select(a => a.GetType().Name));

    step = "compiling the consumer";
    report.CompilerErrors.AddRange((await session.CompilerErrorsAsync(cancellation.Token)).Select(d => d.ToString()));

    step = "analyzing";
    report.Diagnostics.AddRange((await session.AnalyzeAsync(cancellation.Token)).Select(Describe));

    step = "loading the code fixes";
    var providers = session.CodeFixProviders();
    report.CodeFixProviders.AddRange(providers.Select(p => p.GetType().Name).OrderBy(n => n, StringComparer.Ordinal));

    foreach (var id in options.GetValueOrDefault("--fix") ?? new List<string>())
    {
        step = "applying the fix for " + id;
        report.Fixes.Add(await session.FixFirstAsync(id, providers, cancellation.Token));
    }

    step = "analyzing after the fixes";
    report.Remaining.AddRange((await session.AnalyzeAsync(cancellation.Token)).Select(Describe));
}
catch (Exception e)
{
    // The report keeps what worked before the failure; a load failure names the assembly and version it could not find.
    report.Error = $"{step}: {e.GetType().FullName}: {e.Message}"
        + (e is ReflectionTypeLoadException load ? " " + string.Join(" ", load.LoaderExceptions.Select(l => l?.Message)) : string.Empty);
}

Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
return report.Error is null ? 0 : 1;

static string VersionOf(Assembly assembly) =>
    $"{assembly.GetName().Version} (file {FileVersionInfo.GetVersionInfo(assembly.Location).FileVersion})";

static string Describe(Diagnostic diagnostic) =>
    $"{diagnostic.Id} at line {diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1}";
