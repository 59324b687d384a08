using System;
using System.Collections.Generic;

namespace LemonData.Video.Cli.Batch;

/// <summary>Lines of <c>jobs.jsonl</c> that cannot be run: all of them are reported together, and nothing is sent (exit code 2).</summary>
internal sealed class InvalidJobsFileException : Exception
{
    public InvalidJobsFileException(string path, IReadOnlyList<JobsFileProblem> problems)
        : base(path + " has " + LineCount(problems) + (LineCount(problems) == 1 ? " invalid line" : " invalid lines") + "; nothing was sent:")
    {
        Path = path;
        Problems = problems;
    }

    public string Path { get; }

    public IReadOnlyList<JobsFileProblem> Problems { get; }

    // A line may have several problems (an unknown field and an LDV rule): the count is of lines.
    private static int LineCount(IReadOnlyList<JobsFileProblem> problems)
    {
        var lines = new HashSet<int>();
        foreach (var problem in problems)
        {
            lines.Add(problem.Line);
        }

        return lines.Count;
    }
}
