using System.Collections.Generic;

namespace LemonData.Video;

/// <summary>
/// Remembers the <c>poll_url</c> the service gave for tasks this client created, so that waiting by
/// task id alone still polls where the service asked. Bounded: the oldest entries are dropped.
/// </summary>
internal sealed class PollUrlCache
{
    private const int Capacity = 1024;

    private readonly Dictionary<string, string> _pollUrls = new(System.StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly object _gate = new();

    public void Remember(string taskId, string? pollUrl)
    {
        if (pollUrl is null)
        {
            return;
        }

        lock (_gate)
        {
            if (!_pollUrls.ContainsKey(taskId))
            {
                _order.Enqueue(taskId);
                if (_order.Count > Capacity)
                {
                    _pollUrls.Remove(_order.Dequeue());
                }
            }

            _pollUrls[taskId] = pollUrl;
        }
    }

    public string? Find(string taskId)
    {
        lock (_gate)
        {
            return _pollUrls.TryGetValue(taskId, out var pollUrl) ? pollUrl : null;
        }
    }
}
