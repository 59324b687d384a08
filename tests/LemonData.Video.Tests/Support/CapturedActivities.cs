using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace LemonData.Video.Tests.Support;

/// <summary>Listens to the <c>LemonData.Video</c> activity source and keeps every activity that stopped.</summary>
public sealed class CapturedActivities : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public CapturedActivities(string sourceName = "LemonData.Video")
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == sourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Stopped => _stopped.ToArray();

    /// <summary>The activities that carry <paramref name="taskId"/>: other tests run in parallel in this process.</summary>
    public IReadOnlyList<Activity> ForTask(string taskId) =>
        Stopped.Where(activity => Equals(activity.GetTagItem("lemondata.task_id"), taskId)).ToArray();

    /// <summary>Everything an exporter could send: names, tags, status descriptions and events.</summary>
    public IEnumerable<string> AllText() => Stopped.SelectMany(activity =>
        new[] { activity.OperationName, activity.StatusDescription ?? string.Empty }
            .Concat(activity.TagObjects.Select(tag => tag.Key + "=" + tag.Value))
            .Concat(activity.Events.SelectMany(e => new[] { e.Name }.Concat(e.Tags.Select(tag => tag.Key + "=" + tag.Value)))));

    public void Dispose() => _listener.Dispose();
}
