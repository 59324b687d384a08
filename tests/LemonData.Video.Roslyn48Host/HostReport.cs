using System.Collections.Generic;

namespace LemonData.Video.Roslyn48Host;

/// <summary>What the host saw, written to stdout as JSON for the package test that runs it.</summary>
internal sealed class HostReport
{
    /// <summary>The Microsoft.CodeAnalysis.Workspaces loaded in this process: version and file version.</summary>
    public string Roslyn { get; set; } = string.Empty;

    /// <summary>The System.Composition.AttributedModel the host has (Workspaces' own dependency).</summary>
    public string HostSystemComposition { get; set; } = string.Empty;

    /// <summary>The System.Composition.AttributedModel the CodeFixes assembly references, read from its metadata.</summary>
    public string FixesReferenceSystemComposition { get; set; } = string.Empty;

    public List<string> Analyzers { get; } = new();

    public List<string> CodeFixProviders { get; } = new();

    public List<string> CompilerErrors { get; } = new();

    /// <summary>The LDV diagnostics before any fix, as "LDV0001 at line 5".</summary>
    public List<string> Diagnostics { get; } = new();

    public List<AppliedFix> Fixes { get; } = new();

    /// <summary>The LDV diagnostics after the fixes.</summary>
    public List<string> Remaining { get; } = new();

    /// <summary>The first thing that failed, with its exception, or null.</summary>
    public string? Error { get; set; }
}

/// <summary>One code fix applied to the workspace: the line it changed, before and after.</summary>
internal sealed record AppliedFix(string Id, string Title, int Line, string Before, string After);
