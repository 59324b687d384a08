using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace LemonData.Video.PackageTests.Support;

/// <summary>
/// One section of the repository's README.md and its code blocks, so that tests run and check what users copy, and a
/// README that drifts from reality fails.
/// </summary>
internal sealed class ReadmeSection
{
    private readonly List<(string Language, string Code)> blocks;

    private ReadmeSection(List<(string Language, string Code)> blocks) => this.blocks = blocks;

    /// <summary>The section under <paramref name="heading"/> (<c>### In your editor</c>), up to the next heading of its level or higher.</summary>
    public static ReadmeSection Read(string heading)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "README.md"));
        var start = Array.FindIndex(lines, l => l.TrimEnd() == heading);
        if (start < 0)
        {
            throw new InvalidOperationException($"README.md has no heading '{heading}'.");
        }

        var level = heading.TakeWhile(c => c == '#').Count();
        var blocks = new List<(string, string)>();
        string? language = null;
        var code = new StringBuilder();
        foreach (var line in lines.Skip(start + 1))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                if (language is null)
                {
                    language = trimmed[3..];
                    code.Clear();
                }
                else
                {
                    blocks.Add((language, code.ToString()));
                    language = null;
                }

                continue;
            }

            if (language is not null)
            {
                code.AppendLine(line);
            }
            else if (trimmed.StartsWith('#') && trimmed.TakeWhile(c => c == '#').Count() <= level)
            {
                // Outside a code block only: there '#' starts a comment.
                break;
            }
        }

        return new ReadmeSection(blocks);
    }

    /// <summary>The code of the section's blocks fenced as <paramref name="language"/> (<c>lua</c>, <c>toml</c>).</summary>
    public IReadOnlyList<string> CodeBlocks(string language) => blocks.Where(b => b.Language == language).Select(b => b.Code).ToList();

    /// <summary>The lines of its <c>```sh</c> blocks that start with <paramref name="prefix"/>, without a trailing <c># comment</c>.</summary>
    public IReadOnlyList<string> Commands(string prefix) =>
        CodeBlocks("sh")
            .SelectMany(code => code.Split('\n'))
            .Select(line => line.Trim())
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal))
            .Select(line => line.IndexOf(" #", StringComparison.Ordinal) is var comment and >= 0 ? line[..comment].TrimEnd() : line)
            .ToList();
}
