using System;
using System.Collections.Generic;
using System.IO;
using LemonData.Video.SymbolCheck;

// symbol-check <folder of .nupkg/.snupkg> [--repository-url <url> [--commit <sha>]] [--require-embedded] [--own <prefix>]...
// Exit 0: every shipped PDB passes; 1: a problem (listed); 2: bad arguments or no package.
string? directory = null;
string? repositoryUrl = null;
string? commit = null;
var requireEmbedded = false;
var own = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--repository-url" when i + 1 < args.Length:
            repositoryUrl = args[++i];
            break;
        case "--commit" when i + 1 < args.Length:
            commit = args[++i];
            break;
        case "--require-embedded":
            requireEmbedded = true;
            break;
        case "--own" when i + 1 < args.Length:
            own.Add(args[++i]);
            break;
        default:
            if (directory is not null || args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return Usage("unexpected argument " + args[i]);
            }

            directory = args[i];
            break;
    }
}

if (directory is null || !Directory.Exists(directory))
{
    return Usage("no folder of packages given, or it does not exist: " + directory);
}

if (string.IsNullOrEmpty(repositoryUrl))
{
    // An empty --repository-url (an unset variable in a script) means none, as an empty LemonDataRepositoryUrl does.
    repositoryUrl = null;
}

var packages = ShippedPackage.FindAll(directory);
if (packages.Count == 0)
{
    return Usage("no .nupkg in " + directory);
}

var result = PackageSymbolsCheck.Run(packages, new SymbolPolicy(repositoryUrl, commit, requireEmbedded, own));
Console.WriteLine($"{packages.Count} packages in {directory}; "
    + (repositoryUrl is null ? "no repository URL: no SourceLink expected" : $"SourceLink expected into {repositoryUrl} at {commit ?? "any commit"}"));
foreach (var pdb in result.Pdbs)
{
    Console.WriteLine("  " + pdb);
}

foreach (var problem in result.Problems)
{
    Console.WriteLine("problem: " + problem);
}

Console.WriteLine(result.Totals);
return result.Passed ? 0 : 1;

static int Usage(string error)
{
    Console.Error.WriteLine("symbol check: " + error);
    Console.Error.WriteLine("usage: <folder of .nupkg/.snupkg> [--repository-url <url> [--commit <sha>]] [--require-embedded] [--own <assembly name prefix>]...");
    return 2;
}
