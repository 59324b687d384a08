using System;

namespace LemonData.Video;

/// <summary>One field the service refused, from the <c>validation_errors</c> of a 400 answer.</summary>
public sealed class VideoFieldError
{
    /// <summary>Creates a field error (the SDK makes them from the service's answer; tests may make their own).</summary>
    /// <param name="field">The request field, in its wire name, for example <c>fps</c>.</param>
    /// <param name="message">What is wrong with it, in the service's words.</param>
    public VideoFieldError(string field, string message)
    {
        Field = field ?? throw new ArgumentNullException(nameof(field));
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>The request field, in its wire name (<c>fps</c>, <c>image_url</c>), as the service named it.</summary>
    public string Field { get; }

    /// <summary>What is wrong with it, in the service's words.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Field + ": " + Message;
}
