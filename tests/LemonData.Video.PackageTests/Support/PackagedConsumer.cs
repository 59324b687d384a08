using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.PackageTests.Support;

/// <summary>
/// Packs the SDK once per test run into a temporary folder feed, under a version no package cache can hold
/// (<c>0.0.0-e2e-&lt;guid&gt;</c>), and builds one consumer project against it: restored from that feed with its own
/// package cache, built once with a SARIF 2.1 error log and <c>-p:ReportAnalyzer=true</c> into a detailed log.
/// Every test of the collection reads that one build; the temporary folder goes when the collection is done.
/// </summary>
public sealed class PackagedConsumer : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);

    private readonly Lazy<Task<ConsumerWorkspace>> workspace;
    private readonly Lazy<Task<Roslyn48Host>> roslyn48Host;

    public PackagedConsumer()
    {
        Root = Path.Combine(Path.GetTempPath(), "ldv-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        PackagesPath = Path.Combine(Root, "packages");
        ConsumerDirectory = Path.Combine(Root, "consumer");
        ProjectPath = Path.Combine(ConsumerDirectory, "Consumer.csproj");
        ProgramPath = Path.Combine(ConsumerDirectory, "Program.cs");
        SarifPath = Path.Combine(Root, "consumer.sarif");
        BuildLogPath = Path.Combine(Root, "build.log");
        PackageVersion = "0.0.0-e2e-" + Guid.NewGuid().ToString("N");
        PackagePath = Path.Combine(Feed, "LemonData.Video." + PackageVersion + ".nupkg");
        workspace = new Lazy<Task<ConsumerWorkspace>>(() => ConsumerWorkspace.OpenAsync(ProjectPath, CancellationToken.None));
        roslyn48Host = new Lazy<Task<Roslyn48Host>>(() => Roslyn48Host.BuildAsync(Path.Combine(Root, "roslyn48-host")));
    }

    public string Root { get; }

    public string Feed { get; }

    public string PackagesPath { get; }

    public string ConsumerDirectory { get; }

    public string ProjectPath { get; }

    public string ProgramPath { get; }

    public string SarifPath { get; }

    public string BuildLogPath { get; }

    public string PackageVersion { get; }

    public string PackagePath { get; }

    /// <summary>The <c>dotnet pack</c> of the SDK.</summary>
    public ProcessResult Pack { get; private set; } = null!;

    /// <summary>The consumer's <c>dotnet build</c> (with its restore).</summary>
    public ProcessResult Build { get; private set; } = null!;

    /// <summary>The consumer build's detailed log, with the compiler's analyzer report.</summary>
    public string BuildLog { get; private set; } = string.Empty;

    public SarifLog Sarif { get; private set; } = null!;

    /// <summary>Where the restored package is, in the consumer's own cache.</summary>
    public string RestoredPackageDirectory => Path.Combine(PackagesPath, "lemondata.video", PackageVersion.ToLowerInvariant());

    /// <summary>The consumer opened with MSBuildWorkspace, on first use, once.</summary>
    public Task<ConsumerWorkspace> GetWorkspaceAsync() => workspace.Value;

    /// <summary>The Roslyn 4.8 host process, built on first use, once.</summary>
    public Task<Roslyn48Host> GetRoslyn48HostAsync() => roslyn48Host.Value;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(PackagesPath);
        Directory.CreateDirectory(ConsumerDirectory);

        // Nothing above the temporary folder (a stray Directory.Build.props in /tmp) may reach the consumer.
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            await File.WriteAllTextAsync(Path.Combine(Root, name), "<Project />\n").ConfigureAwait(false);
        }

        var repository = RepositoryRoot.Path;
        var packArguments = new List<string>
        {
            "pack",
            Path.Combine(repository, "src", "LemonData.Video", "LemonData.Video.csproj"),
            "-c", "Release",
            "-o", Feed,

            // The package's version only: the assemblies keep their own, so the build stays incremental.
            "-p:PackageVersion=" + PackageVersion,
        };
        packArguments.AddRange(DotNet.NoLingeringProcesses);
        Pack = await DotNet.RunAsync(repository, packArguments, PackTimeout).ConfigureAwait(false);
        if (Pack.ExitCode != 0 || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException("dotnet pack did not produce " + PackagePath + Environment.NewLine + Pack.Describe());
        }

        await File.WriteAllTextAsync(ProgramPath, ConsumerSource.Text).ConfigureAwait(false);
        await File.WriteAllTextAsync(ProjectPath, ProjectText()).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(ConsumerDirectory, "NuGet.config"), NuGetConfigText()).ConfigureAwait(false);

        var buildArguments = new List<string>
        {
            "build",
            ProjectPath,
            "-c", "Debug",

            // MSBuild takes ';' and ',' in a property as separators: escaped, the whole value reaches the compiler.
            "-p:ErrorLog=" + SarifPath + "%2Cversion=2.1",
            "-p:ReportAnalyzer=true",
            "-v:minimal",
            "-flp:logfile=" + BuildLogPath + ";verbosity=detailed",
        };
        buildArguments.AddRange(DotNet.NoLingeringProcesses);
        Build = await DotNet.RunAsync(ConsumerDirectory, buildArguments, BuildTimeout).ConfigureAwait(false);
        BuildLog = File.Exists(BuildLogPath) ? await File.ReadAllTextAsync(BuildLogPath).ConfigureAwait(false) : string.Empty;
        if (Build.ExitCode != 0 || !File.Exists(SarifPath))
        {
            throw new InvalidOperationException("The consumer's build failed or wrote no SARIF log." + Environment.NewLine + Build.Describe());
        }

        Sarif = SarifLog.Load(SarifPath);
    }

    public async Task DisposeAsync()
    {
        if (workspace.IsValueCreated)
        {
            try
            {
                (await workspace.Value.ConfigureAwait(false)).Dispose();
            }
            catch (Exception)
            {
                // The test that opened it has reported the failure.
            }
        }

        if (Environment.GetEnvironmentVariable("LDV_E2E_KEEP") == "1")
        {
            return;
        }

        for (var attempt = 0; attempt < 5 && Directory.Exists(Root); attempt++)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException) when (attempt < 4)
            {
                await Task.Delay(200).ConfigureAwait(false);
            }
            catch (UnauthorizedAccessException) when (attempt < 4)
            {
                await Task.Delay(200).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Writes another consumer of the same package beside the shared one: <paramref name="projectFileName"/> in
    /// <paramref name="folder"/> (relative to this run's folder), with this run's NuGet.config, the MSBuild
    /// <paramref name="properties"/> added to the project, and <paramref name="files"/> (paths relative to the project's
    /// folder). Returns the project file's full path.
    /// </summary>
    public string WriteProject(string folder, string projectFileName, IReadOnlyDictionary<string, string> files, string? properties = null)
    {
        var directory = Path.Combine(Root, folder);
        Directory.CreateDirectory(directory);
        var projectText = ProjectText();
        if (properties is not null)
        {
            projectText = projectText.Replace("</PropertyGroup>", "  " + properties + "\n  </PropertyGroup>", StringComparison.Ordinal);
        }

        var projectPath = Path.Combine(directory, projectFileName);
        File.WriteAllText(projectPath, projectText);
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), NuGetConfigText());
        foreach (var (relativePath, text) in files)
        {
            var path = Path.Combine(directory, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        return projectPath;
    }

    /// <summary><c>dotnet restore</c> of a project <see cref="WriteProject"/> wrote, from this run's feed and cache.</summary>
    public async Task<ProcessResult> RestoreAsync(string projectPath)
    {
        var arguments = new List<string> { "restore", projectPath };
        arguments.AddRange(DotNet.NoLingeringProcesses);
        var restore = await DotNet.RunAsync(Path.GetDirectoryName(projectPath)!, arguments, BuildTimeout).ConfigureAwait(false);
        return restore.ExitCode == 0 ? restore : throw new InvalidOperationException("The restore failed." + Environment.NewLine + restore.Describe());
    }

    /// <summary>A consumer project of the packed package (restored from the feed into this run's own cache).</summary>
    public string ProjectText() => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net8.0</TargetFramework>
            <Nullable>enable</Nullable>
            <UseAppHost>false</UseAppHost>
            <NuGetAudit>false</NuGetAudit>
            <!-- Its own package cache: a LemonData.Video from any other cache is never used. -->
            <RestorePackagesPath>{PackagesPath}</RestorePackagesPath>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="LemonData.Video" Version="{PackageVersion}" />
          </ItemGroup>
        </Project>

        """;

    /// <summary>The NuGet.config that restores LemonData.Video from this run's feed only.</summary>
    public string NuGetConfigText() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="e2e" value="{Feed}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="e2e">
              <package pattern="LemonData.Video" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
          <fallbackPackageFolders>
            <clear />
          </fallbackPackageFolders>
        </configuration>

        """;
}

/// <summary>The tests that share the one pack and the one consumer build.</summary>
[CollectionDefinition(Name)]
public sealed class PackagedConsumerCollection : ICollectionFixture<PackagedConsumer>
{
    public const string Name = "Packaged consumer";
}
