using System;
using System.IO;

namespace LemonData.Video.Testing;

/// <summary>The video every completed task serves: a real MP4 shipped as a resource of this assembly.</summary>
internal static class SampleVideoFile
{
    private const string ResourceName = "LemonData.Video.Testing.Resources.sample.mp4";

    private static readonly Lazy<byte[]> LazyBytes = new(Load);

    /// <summary>What the file is (ffprobe: H.264 Constrained Baseline, yuv420p, 160x90, 8 fps, 24 frames, 3.0 s).</summary>
    public static VideoFacts Facts { get; } = new(durationSeconds: 3, width: 160, height: 90);

    public static byte[] Bytes => LazyBytes.Value;

    private static byte[] Load()
    {
        using var stream = typeof(SampleVideoFile).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The resource " + ResourceName + " is missing from " + typeof(SampleVideoFile).Assembly.FullName + ".");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
