using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Batch;

namespace LemonData.Video.Cli.Batch;

/// <summary>
/// What <c>batch status</c> prints. The jobs are read from the ledger a page at a time and written as they come, so a
/// batch of any size is listed in flat memory.
/// </summary>
internal static class BatchStatusReport
{
    private const int PageSize = 500;

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The contract's document: <c>{"counts":{...},"jobs":[{"id","state","task_id","file","sha256","error"}]}</c>, every job listed.</summary>
    public static async Task WriteJsonAsync(TextWriter stdout, IVideoJobLedger ledger, IReadOnlyDictionary<VideoJobState, int> counts, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("exitCode", ExitCodes.Success);
            BatchJson.WriteCounts(writer, counts);
            writer.WriteStartArray("jobs");
            await foreach (var job in ReadAllAsync(ledger, state: null, cancellationToken).ConfigureAwait(false))
            {
                writer.WriteStartObject();
                writer.WriteString("id", job.Key);
                writer.WriteString("state", job.State.ToString());
                WriteOrNull(writer, "task_id", job.TaskId);
                writer.WriteString("file", job.Files.Count > 0 ? job.Files[0].Path : job.OutputPath);
                WriteOrNull(writer, "sha256", job.Files.Count > 0 ? job.Files[0].Sha256 : null);
                WriteOrNull(writer, "error", job.Error);
                writer.WriteEndObject();

                // Written out as it goes: the document of a large batch is never whole in memory.
                if (buffer.Length > 64 * 1024)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                    await stdout.WriteAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).ConfigureAwait(false);
                    buffer.SetLength(0);
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        await stdout.WriteLineAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).ConfigureAwait(false);
        await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task WriteTextAsync(TextWriter stdout, BatchLedger opened, IReadOnlyDictionary<VideoJobState, int> counts, CancellationToken cancellationToken)
    {
        var ledger = opened.Ledger;
        var total = BatchText.Total(counts);
        stdout.WriteLine("Batch " + opened.Description + ": " + total + " jobs: " + BatchText.Counts(counts) + ".");
        var needPerson = 0;
        foreach (var state in new[] { VideoJobState.OutcomeUnknown, VideoJobState.Refused, VideoJobState.Failed })
        {
            if (!counts.TryGetValue(state, out var count) || count == 0)
            {
                continue;
            }

            needPerson += count;
            stdout.WriteLine();
            stdout.WriteLine(state + " (" + count + "): " + BatchText.WhatToDo(state) + ".");
            await foreach (var job in ReadAllAsync(ledger, state, cancellationToken).ConfigureAwait(false))
            {
                stdout.WriteLine("  " + job.Key + (job.TaskId is null ? string.Empty : "  task " + job.TaskId) + (job.Error is null ? string.Empty : "  " + job.Error));
            }
        }

        if (needPerson == 0)
        {
            stdout.WriteLine(counts.TryGetValue(VideoJobState.Downloaded, out var downloaded) && downloaded == total
                ? "Every video is saved."
                : "No job needs a person; run the batch again to go on.");
        }

        await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async IAsyncEnumerable<VideoJobRecord> ReadAllAsync(IVideoJobLedger ledger, VideoJobState? state, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = 0L;
        while (true)
        {
            var page = await ledger.ReadPageAsync(state, after, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var job in page)
            {
                yield return job;
                after = job.Sequence;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }
        }
    }

    private static void WriteOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
