#nullable enable

namespace LemonData.Video;

/// <summary>
/// The hard limits of the API's request schema (the seed page governs). Per-family maximum durations
/// are deliberately absent: the documentation calls them approximate, and rejecting a request the
/// service would accept costs more trust than it saves.
/// </summary>
internal static class VideoLimits
{
    public const int MinFps = 1;
    public const int MaxFps = 120;

    public const double MinCfgScale = 0;
    public const double MaxCfgScale = 20;

    public const double MinMotionStrength = 0;
    public const double MaxMotionStrength = 1;

    public const int MinDurationSeconds = 1;
    public const int MaxDurationSeconds = 60;
}
