using System;

namespace LemonData.Video;

/// <summary>What a video model can do, as listed in the catalog (<see cref="VideoModelCatalog"/>).</summary>
[Flags]
public enum VideoCapabilities
{
    /// <summary>No capability is known.</summary>
    None = 0,

    /// <summary>Makes a video from a text prompt (T2V).</summary>
    TextToVideo = 1 << 0,

    /// <summary>Animates a start image given as <c>ImageUrl</c> or <c>Image</c> (I2V).</summary>
    ImageToVideo = 1 << 1,

    /// <summary>Takes a first and a last frame (<c>StartImage</c>, <c>EndImage</c>).</summary>
    Keyframes = 1 << 2,

    /// <summary>Extends an existing clip (it takes the clip's last frame as <c>ImageUrl</c>).</summary>
    Extend = 1 << 3,

    /// <summary>Edits an existing video.</summary>
    Edit = 1 << 4,

    /// <summary>Applies visual effects.</summary>
    Effects = 1 << 5,
}
