using System;
using System.Collections.Generic;

namespace LemonData.Video;

/// <summary>The outputs of a task as <see cref="VideoTask.Videos"/> gives them: in order, once per URL, each naming its task.</summary>
internal static class VideoOutputList
{
    public static IReadOnlyList<VideoOutput> Merge(string taskId, string? videoUrl, IReadOnlyList<VideoOutput>? outputs)
    {
        var hasUrl = !string.IsNullOrWhiteSpace(videoUrl);
        if (!hasUrl && (outputs is null || outputs.Count == 0))
        {
            return Array.Empty<VideoOutput>();
        }

        var merged = new List<VideoOutput>((outputs?.Count ?? 0) + 1);
        if (hasUrl)
        {
            merged.Add(new VideoOutput(videoUrl!) { TaskId = taskId });
        }

        if (outputs is not null)
        {
            foreach (var output in outputs)
            {
                if (output is null)
                {
                    continue;
                }

                // A service that names the same file in video_url, video and videos[] made one video, not three.
                var at = merged.FindIndex(known => string.Equals(known.Url, output.Url, StringComparison.Ordinal));
                if (at >= 0)
                {
                    merged[at] = merged[at].CompletedWith(output);
                }
                else
                {
                    merged.Add(output.OfTask(taskId));
                }
            }
        }

        return merged.AsReadOnly();
    }
}
