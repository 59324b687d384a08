using System;
using System.Collections.Generic;
using System.Linq;
using LemonData.Video.Testing;

namespace LemonData.Video.Batch.Tests.Support;

/// <summary>What the simulator's record of requests shows about a batch, seen from the service's side.</summary>
internal static class SimulatorObservations
{
    /// <summary>
    /// The most tasks that were in flight at once: a task from the create that made it to the last request about it (a
    /// poll or a download of its file), as the service saw them arrive.
    /// </summary>
    public static int MaxTasksInFlight(LemonDataSimulator simulator)
    {
        var requests = simulator.Requests;
        var spans = new Dictionary<string, (DateTimeOffset Start, DateTimeOffset End)>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            if (request.CreatedTaskId is { } created)
            {
                spans[created] = (request.ReceivedAt, request.ReceivedAt);
            }
            else if (TaskIdIn(request.Path) is { } taskId && spans.TryGetValue(taskId, out var span))
            {
                spans[taskId] = (span.Start, request.ReceivedAt);
            }
        }

        // Ends sort before starts at the same instant: a slot is freed before the create it lets in arrives.
        var events = spans.Values.SelectMany(span => new[] { (Time: span.Start, Delta: 1), (Time: span.End, Delta: -1) })
            .OrderBy(change => change.Time).ThenBy(change => change.Delta);
        var inFlight = 0;
        var most = 0;
        foreach (var change in events)
        {
            inFlight += change.Delta;
            most = Math.Max(most, inFlight);
        }

        return most;
    }

    private static string? TaskIdIn(string path)
    {
        foreach (var prefix in new[] { "/v1/tasks/", "/v1/videos/generations/", "/files/" })
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                var id = Uri.UnescapeDataString(path.Substring(prefix.Length));
                return id.EndsWith(".mp4", StringComparison.Ordinal) ? id.Substring(0, id.Length - 4) : id;
            }
        }

        return null;
    }
}
