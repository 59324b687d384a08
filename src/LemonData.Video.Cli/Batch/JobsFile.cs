using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LemonData.Video.Batch;
using LemonData.Video.Cli.Input;

namespace LemonData.Video.Cli.Batch;

/// <summary>
/// Reads <c>jobs.jsonl</c>: one job per line, the request in its wire names plus an optional <c>id</c> (the job key) and
/// <c>out</c> (a file name inside <c>--out-dir</c>). Every line is checked before anything is sent, and every problem of
/// every line is reported at once, so a user fixes the file in one pass instead of paying for half a batch first.
/// </summary>
/// <remarks>
/// The file is read twice, a line at a time, never whole: <see cref="Check"/> checks every line (keeping only the ids and
/// file names, to find duplicates), then <see cref="Jobs"/> reads the jobs again as the ledger plans them. A batch of any
/// size costs memory for its ids, not for its requests.
/// </remarks>
internal sealed class JobsFile
{
    public const string IdField = "id";
    public const string OutField = "out";

    // The default job key is a hash of the request as the SDK would send it: the same line always means the same job, so
    // running the file again never pays for it twice. 16 hex digits: readable in a file name, no collision in practice.
    private const int DefaultIdLength = 16;

    private readonly string _path;
    private readonly string _outDir;
    private readonly VideoModelCatalog _catalog;
    private readonly HashSet<int> _skippedLines;

    private JobsFile(string path, string outDir, VideoModelCatalog catalog, int jobCount, IReadOnlyList<JobsFileProblem> skipped, HashSet<int> skippedLines)
    {
        _path = path;
        _outDir = outDir;
        _catalog = catalog;
        JobCount = jobCount;
        Skipped = skipped;
        _skippedLines = skippedLines;
    }

    /// <summary>How many jobs the file holds (lines skipped by <c>--skip-invalid</c> not counted).</summary>
    public int JobCount { get; }

    /// <summary>How many lines <c>--skip-invalid</c> left out.</summary>
    public int SkippedLines => _skippedLines.Count;

    /// <summary>The problems of the lines left out by <c>--skip-invalid</c> (empty without it: a problem stops the batch).</summary>
    public IReadOnlyList<JobsFileProblem> Skipped { get; }

    /// <summary>
    /// Checks every line of the file, with output paths made absolute inside <paramref name="outDir"/>. With
    /// <paramref name="skipInvalid"/>, lines with problems are left out (and listed in <see cref="Skipped"/>) instead of
    /// stopping the batch.
    /// </summary>
    /// <exception cref="InvalidInputException">The file cannot be read, or has no job.</exception>
    /// <exception cref="InvalidJobsFileException">Some lines cannot be run (all of them listed), and <paramref name="skipInvalid"/> is false.</exception>
    public static JobsFile Check(string path, string outDir, VideoModelCatalog catalog, bool skipInvalid)
    {
        var problems = new List<JobsFileProblem>();
        var badLines = new HashSet<int>();
        var lineOfId = new Dictionary<string, int>(StringComparer.Ordinal);

        // Two jobs writing one file would overwrite each other's (paid) video; file systems may ignore case, so compare without it.
        var lineOfOutput = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var jobCount = 0;
        foreach (var (lineNumber, job, hasId, lineProblems) in ReadLines(path, outDir, catalog))
        {
            if (job is null)
            {
                problems.AddRange(lineProblems);
                badLines.Add(lineNumber);
                continue;
            }

            if (lineOfId.TryGetValue(job.Key, out var firstLine))
            {
                problems.Add(new JobsFileProblem(lineNumber, hasId
                    ? "duplicate id '" + job.Key + "' (first on line " + firstLine + "); each job needs its own id."
                    : "the same request as line " + firstLine + " (both without \"id\", so both are job '" + job.Key + "'); give each its own \"id\" to make two videos."));
                badLines.Add(lineNumber);
                continue;
            }

            if (lineOfOutput.TryGetValue(job.OutputPath, out var sameFileLine))
            {
                problems.Add(new JobsFileProblem(lineNumber, "writes the same file as line " + sameFileLine + " (" + job.OutputPath + "); give it another \"out\"."));
                badLines.Add(lineNumber);
                continue;
            }

            lineOfId[job.Key] = lineNumber;
            lineOfOutput[job.OutputPath] = lineNumber;
            jobCount++;
        }

        if (problems.Count > 0 && !skipInvalid)
        {
            throw new InvalidJobsFileException(path, problems);
        }

        if (jobCount == 0)
        {
            throw problems.Count > 0
                ? new InvalidJobsFileException(path, problems)
                : new InvalidInputException("The jobs file '" + path + "' has no jobs: write one JSON request per line, for example {\"id\":\"cat\",\"prompt\":\"A cat walking through a garden\"}.");
        }

        return new JobsFile(path, outDir, catalog, jobCount, problems, badLines);
    }

    /// <summary>The jobs, in the file's order, read again a line at a time (the lines <see cref="Check"/> left out skipped).</summary>
    /// <exception cref="InvalidInputException">The file changed since it was checked: a line that was valid no longer is.</exception>
    public IEnumerable<VideoJob> Jobs()
    {
        foreach (var (lineNumber, job, _, problems) in ReadLines(_path, _outDir, _catalog))
        {
            if (_skippedLines.Contains(lineNumber))
            {
                continue;
            }

            yield return job ?? throw new InvalidInputException(
                "The jobs file '" + _path + "' changed while the batch was starting: line " + lineNumber + " now reads: " + string.Join("; ", problems) + ". Jobs planned so far stay in the ledger; fix the file and run again.");
        }
    }

    // Every non-blank line as a job, or its problems. Read as a stream: one line in memory at a time.
    private static IEnumerable<(int Line, VideoJob? Job, bool HasId, List<JobsFileProblem> Problems)> ReadLines(string path, string outDir, VideoModelCatalog catalog)
    {
        IEnumerator<string> lines;
        try
        {
            lines = File.ReadLines(path).GetEnumerator();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException("The jobs file '" + path + "' cannot be read: " + exception.Message);
        }

        using (lines)
        {
            var lineNumber = 0;
            while (true)
            {
                try
                {
                    if (!lines.MoveNext())
                    {
                        yield break;
                    }
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    throw new InvalidInputException("The jobs file '" + path + "' cannot be read (line " + (lineNumber + 1) + "): " + exception.Message);
                }

                lineNumber++;
                if (string.IsNullOrWhiteSpace(lines.Current))
                {
                    continue;
                }

                var problems = new List<JobsFileProblem>();
                var (job, hasId) = ReadLine(lines.Current, lineNumber, outDir, catalog, problems);
                if (job is null && problems.Count == 0)
                {
                    problems.Add(new JobsFileProblem(lineNumber, "not a job: write one JSON request per line, for example {\"prompt\":\"...\"}."));
                }

                yield return (lineNumber, problems.Count > 0 ? null : job, hasId, problems);
            }
        }
    }

    private static (VideoJob? Job, bool HasId) ReadLine(string line, int lineNumber, string outDir, VideoModelCatalog catalog, List<JobsFileProblem> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            problems.Add(new JobsFileProblem(lineNumber, "not valid JSON: " + exception.Message));
            return (null, false);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new JobsFileProblem(lineNumber, "a job is a JSON object, for example {\"prompt\":\"...\"}; this line is " + root.ValueKind + "."));
                return (null, false);
            }

            var before = problems.Count;
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name != IdField && property.Name != OutField && !WireNames.IsRequestField(property.Name))
                {
                    problems.Add(new JobsFileProblem(lineNumber, "unknown field '" + property.Name + "'" + WireNames.Suggestion(property.Name) + "; fields are the request's wire names (" + WireNames.List + ") plus \"id\" and \"out\"."));
                }
            }

            var id = OptionalString(root, IdField, lineNumber, problems);
            var output = OptionalString(root, OutField, lineNumber, problems);
            VideoGenerationRequest? request;
            try
            {
                // Unknown fields were reported above; "id" and "out" are not request fields and are skipped here.
                request = root.Deserialize(BatchJsonContext.Default.VideoGenerationRequest);
            }
            catch (JsonException exception)
            {
                // The serializer's own message names CLR types (Nullable`1[Int32]); the field's wire name is what the user wrote.
                var field = exception.Path is { Length: > 2 } at && at.StartsWith("$.", StringComparison.Ordinal) ? "'" + at[2..] + "'" : "a field";
                problems.Add(new JobsFileProblem(lineNumber, field + " has a value of the wrong type (a number, text or list where the request expects another)."));
                return (null, false);
            }

            if (request is null)
            {
                return (null, false);
            }

            request.Prompt ??= string.Empty;
            foreach (var violation in RequestPreflight.Violations(request, catalog))
            {
                problems.Add(new JobsFileProblem(lineNumber, violation.Property + ": " + violation.Message, violation.DiagnosticId));
            }

            if (problems.Count > before)
            {
                return (null, false);
            }

            var key = id ?? DefaultId(request);
            var outputPath = OutputPathIn(outDir, output ?? key + ".mp4", explicitName: output is not null, lineNumber, problems);
            return (outputPath is null ? null : new VideoJob(key, request, outputPath), id is not null);
        }
    }

    private static string? OptionalString(JsonElement root, string name, int lineNumber, List<JobsFileProblem> problems)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add(new JobsFileProblem(lineNumber, "\"" + name + "\" must be a non-empty string."));
            return null;
        }

        return value.GetString();
    }

    /// <summary>The file inside <paramref name="outDir"/>, or null (and a problem) when the name would write anywhere else.</summary>
    private static string? OutputPathIn(string outDir, string name, bool explicitName, int lineNumber, List<JobsFileProblem> problems)
    {
        var field = explicitName ? "\"out\" '" + name + "'" : "the id '" + name[..^4] + "' (the default file name is <id>.mp4)";
        if (Path.IsPathRooted(name) || name.Contains(':', StringComparison.Ordinal))
        {
            problems.Add(new JobsFileProblem(lineNumber, field + " is an absolute path; give a file name inside --out-dir."));
            return null;
        }

        // Any ".." is refused, even one that would land back inside: a name in a batch file should say plainly where it goes.
        foreach (var segment in name.Split('/', '\\'))
        {
            if (segment == "..")
            {
                problems.Add(new JobsFileProblem(lineNumber, field + " goes up with '..' and would escape --out-dir; give a file name inside it."));
                return null;
            }
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir)) + Path.DirectorySeparatorChar;
        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(root, name));
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            problems.Add(new JobsFileProblem(lineNumber, field + " is not a valid file name: " + exception.Message));
            return null;
        }

        if (!full.StartsWith(root, StringComparison.Ordinal) || full.Length == root.Length || Path.EndsInDirectorySeparator(name))
        {
            problems.Add(new JobsFileProblem(lineNumber, field + " is not a file inside --out-dir."));
            return null;
        }

        return full;
    }

    private static string DefaultId(VideoGenerationRequest request)
    {
        var canonical = JsonSerializer.SerializeToUtf8Bytes(request, BatchJsonContext.Default.VideoGenerationRequest);
        // ToHexStringLower is .NET 9 and later; the tool also targets net8.0.
        return Convert.ToHexString(SHA256.HashData(canonical))[..DefaultIdLength].ToLowerInvariant();
    }
}
