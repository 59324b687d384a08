using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;

namespace LemonData.Video;

/// <summary>
/// Where a download that broke off continues, and what proves that the bytes to come belong to the same file as
/// the bytes already written. A continuation is a <c>Range: bytes=N-</c> request conditional on the file being
/// unchanged (<c>If-Range</c>), and only a <c>206</c> starting at exactly N, of the same total length, is
/// appended. A file that cannot be continued safely is started over when the destination can seek, never stitched.
/// </summary>
internal sealed class ResumePoint
{
    private readonly Stream _destination;

    // Where the destination stood when the download began; -1 when it cannot seek (nothing written can be taken back).
    private readonly long _start;

    // What identifies the file being written, from its whole answer: a strong ETag, else its Last-Modified.
    private EntityTagHeaderValue? _entityTag;
    private DateTimeOffset? _lastModified;
    private bool _startOverPlanned;

    public ResumePoint(Stream destination)
    {
        _destination = destination;
        _start = destination.CanSeek ? destination.Position : -1;
    }

    /// <summary>Bytes of the file in the destination, from where the download began.</summary>
    public long Written { get; private set; }

    /// <summary>The file's length, from its whole answer's <c>Content-Length</c>; null when the host did not say.</summary>
    public long? Length { get; private set; }

    /// <summary>How many requests continued the file with <c>Range</c>.</summary>
    public int Resumptions { get; private set; }

    /// <summary>How many times the file was started over from its first byte after bytes of it were written.</summary>
    public int Restarts { get; private set; }

    /// <summary>Whether written bytes can be taken back: the destination can seek (and be cut to where it began).</summary>
    public bool CanStartOver => _start >= 0;

    /// <summary>
    /// Whether the bytes written can be continued with a range request. That takes a validator for <c>If-Range</c>
    /// (without one, a file replaced in between would be stitched) and the length: a body the HTTP stack
    /// decompressed comes without one, and its byte count is no offset in the file the host would range over.
    /// </summary>
    public bool CanResume => Written > 0 && Length is not null && (_entityTag is not null || _lastModified is not null);

    /// <summary>Why <see cref="CanResume"/> is false for bytes already written, in words for a message.</summary>
    public string WhyNotResumable => Length is null
        ? "the video host gave no length for it"
        : "the video host gave no strong ETag or Last-Modified to check that it is unchanged";

    /// <summary>Whether the file must be started over (seek, truncate) before the next request.</summary>
    public bool StartOverPlanned => _startOverPlanned;

    /// <summary>The next request starts over from the first byte: the bytes written are taken back first.</summary>
    public void PlanStartOver() => _startOverPlanned = true;

    /// <summary>
    /// Readies the next request: takes back what was written if a start over is planned, else continues the file
    /// with <c>Range</c> and <c>If-Range</c> when bytes of it are written. True when the request asks for a range.
    /// </summary>
    public bool Prepare(HttpRequestMessage request)
    {
        if (_startOverPlanned)
        {
            StartOver();
        }

        if (Written == 0)
        {
            return false;
        }

        request.Headers.Range = new RangeHeaderValue(Written, null);
        request.Headers.IfRange = _entityTag is not null ? new RangeConditionHeaderValue(_entityTag) : new RangeConditionHeaderValue(_lastModified!.Value);
        Resumptions++;
        return true;
    }

    /// <summary>Takes the file's identity and length from an answer that carries the whole file.</summary>
    public void Learn(HttpResponseMessage whole)
    {
        Length = whole.Content.Headers.ContentLength;
        var entityTag = whole.Headers.ETag;

        // RFC 9110 13.1.5: If-Range never carries a weak tag, nor a date when the file has a tag.
        _entityTag = entityTag is { IsWeak: false } ? entityTag : null;
        _lastModified = entityTag is null ? whole.Content.Headers.LastModified : null;
    }

    /// <summary>Whether an answer carries the same validator as the file being written (it may carry none).</summary>
    public bool IsSameFile(HttpResponseMessage answer)
    {
        if (_entityTag is not null)
        {
            return answer.Headers.ETag is not { } tag || (!tag.IsWeak && tag.Tag == _entityTag.Tag);
        }

        return answer.Content.Headers.LastModified is not { } date || date == _lastModified;
    }

    /// <summary>
    /// Checks a <c>206</c> to a range request: it must continue at exactly <see cref="Written"/>, the same file, of
    /// the same length. Null when it does; else what is wrong, in words for a message.
    /// </summary>
    public string? CheckContinuation(HttpResponseMessage partial)
    {
        var range = partial.Content.Headers.ContentRange;
        if (range is null || !range.HasRange || !string.Equals(range.Unit, "bytes", StringComparison.OrdinalIgnoreCase))
        {
            return "the video host answered 206 without a byte Content-Range";
        }

        if (range.From != Written)
        {
            return "the video host answered 206 with bytes from " + range.From + ", not from byte " + Written;
        }

        if (range.HasLength && range.Length != Length)
        {
            return "the video host answered 206 for a file of " + range.Length + " bytes, not " + Length;
        }

        if (!IsSameFile(partial))
        {
            return "the video host answered 206 for a file with another ETag or Last-Modified";
        }

        return null;
    }

    /// <summary>Counts bytes written to the destination.</summary>
    public void Advance(int bytes) => Written += bytes;

    /// <summary>Takes back every byte written (the destination can seek): the file starts over from its first byte.</summary>
    public void StartOver()
    {
        _startOverPlanned = false;
        if (Written == 0)
        {
            return;
        }

        _destination.SetLength(_start);
        _destination.Position = _start;
        Written = 0;
        Restarts++;
    }
}
