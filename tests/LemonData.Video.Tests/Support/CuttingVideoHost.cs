using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Tests.Support;

/// <summary>How a <see cref="CuttingVideoHost"/> breaks an answer off at a byte of the file.</summary>
public enum CutKind
{
    /// <summary>The connection is closed (FIN): the body is shorter than its Content-Length.</summary>
    Close,

    /// <summary>The connection is reset (RST).</summary>
    Reset,

    /// <summary>Nothing more is sent, and the connection stays open.</summary>
    Stall,
}

/// <summary>One request the host received: its path and headers (names case-insensitive).</summary>
public sealed record HostRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// A video host (CDN) on 127.0.0.1 that honours <c>Range</c> and <c>If-Range</c> as RFC 9110 says, and can break an
/// answer off at any byte of the file: what WireMock cannot do. One request per connection (<c>Connection: close</c>).
/// Stops when disposed, and by itself after two minutes.
/// </summary>
public sealed class CuttingVideoHost : LoopbackTcpHost
{
    public const string VideoPath = "/videos/v.mp4";

    private readonly ConcurrentQueue<HostRequest> _requests = new();
    private readonly ConcurrentQueue<(long At, CutKind Kind)> _cuts = new();
    private readonly Dictionary<string, string> _redirects = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private TaskCompletionSource<HostRequest>? _rangeRequestSeen;
    private (byte[] Video, string? EntityTag)? _changeAtNextCut;

    public CuttingVideoHost(byte[] video, string? entityTag = "\"v1\"", string? lastModified = null)
        : base(stopAfter: TimeSpan.FromMinutes(2))
    {
        Video = video;
        EntityTag = entityTag;
        LastModified = lastModified;
        StartAccepting();
    }

    /// <summary>The file served now; replace it (with <see cref="EntityTag"/>) to change the file between requests.</summary>
    public byte[] Video { get; set; }

    public string? EntityTag { get; set; }

    public string? LastModified { get; set; }

    /// <summary>When false, a range request is answered 200 with the whole file, as by a host without range support.</summary>
    public bool HonoursRange { get; set; } = true;

    /// <summary>When true, every range request is answered 416.</summary>
    public bool RefusesRanges { get; set; }

    /// <summary>Added to the start of each range served (a 206 that does not continue where it was asked to).</summary>
    public long RangeShift { get; set; }

    /// <summary>When true, a range request is read and never answered (the connection stays open).</summary>
    public bool HoldsRangeRequests { get; set; }

    public IReadOnlyList<HostRequest> Requests => _requests.ToList();

    public string Url(string path) => new Uri(Endpoint, path).ToString();

    /// <summary>Answers <paramref name="path"/> with a 302 to <paramref name="location"/>.</summary>
    public void Redirect(string path, string location)
    {
        lock (_gate)
        {
            _redirects[path] = location;
        }
    }

    /// <summary>The next answers with a body are broken off, in order, once the file's byte <paramref name="at"/> is sent.</summary>
    public void CutAt(long at, CutKind kind = CutKind.Close) => _cuts.Enqueue((at, kind));

    /// <summary>
    /// The file changes (new bytes, new ETag) the moment the next cut answer is broken off: before the client can
    /// ask for the rest.
    /// </summary>
    public void ChangeFileAtNextCut(byte[] video, string? entityTag)
    {
        lock (_gate)
        {
            _changeAtNextCut = (video, entityTag);
        }
    }

    /// <summary>Completes when the next request with a <c>Range</c> header arrives.</summary>
    public Task<HostRequest> NextRangeRequest()
    {
        lock (_gate)
        {
            _rangeRequestSeen = new TaskCompletionSource<HostRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            return _rangeRequestSeen.Task;
        }
    }

    protected override async Task ServeAsync(TcpClient connection)
    {
        var token = Stopping;
        try
        {
            var stream = connection.GetStream();
            var request = await ReadRequestAsync(stream, token).ConfigureAwait(false);
            if (request is null)
            {
                return;
            }

            _requests.Enqueue(request);
            string? location;
            lock (_gate)
            {
                _redirects.TryGetValue(request.Path, out location);
            }

            if (location is not null)
            {
                await WriteHeadAsync(stream, "302 Found", new[] { ("Location", location), ("Content-Length", "0") }, token).ConfigureAwait(false);
                return;
            }

            if (request.Path != VideoPath)
            {
                await WriteHeadAsync(stream, "404 Not Found", new[] { ("Content-Length", "0") }, token).ConfigureAwait(false);
                return;
            }

            var range = request.Header("Range");
            if (range is not null)
            {
                TaskCompletionSource<HostRequest>? seen;
                lock (_gate)
                {
                    seen = _rangeRequestSeen;
                    _rangeRequestSeen = null;
                }

                seen?.TrySetResult(request);
                if (HoldsRangeRequests)
                {
                    await Task.Delay(Timeout.Infinite, token).ConfigureAwait(false);
                }
            }

            await AnswerVideoAsync(connection, stream, request, range, token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or IOException or SocketException)
        {
            // The client hung up, or the host stopped.
        }
        finally
        {
            connection.Dispose();
        }
    }

    private async Task AnswerVideoAsync(TcpClient connection, NetworkStream stream, HostRequest request, string? range, CancellationToken token)
    {
        var video = Video;
        var validators = new List<(string, string)>();
        if (EntityTag is not null)
        {
            validators.Add(("ETag", EntityTag));
        }

        if (LastModified is not null)
        {
            validators.Add(("Last-Modified", LastModified));
        }

        long start = 0;
        var partial = false;
        if (range is not null && HonoursRange && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-'))
        {
            // RFC 9110 13.1.5: a range only while the validator still matches; else the whole (new) file.
            var ifRange = request.Header("If-Range");
            var current = EntityTag ?? LastModified;
            if (ifRange is null || ifRange == current)
            {
                start = long.Parse(range.AsSpan(6, range.Length - 7), CultureInfo.InvariantCulture);
                partial = true;
            }
        }

        if (partial && (RefusesRanges || start >= video.Length))
        {
            await WriteHeadAsync(stream, "416 Range Not Satisfiable", new[] { ("Content-Range", "bytes */" + video.Length), ("Content-Length", "0") }, token).ConfigureAwait(false);
            return;
        }

        var from = partial ? Math.Min(start + RangeShift, video.Length - 1) : 0;
        var headers = new List<(string, string)> { ("Content-Type", "video/mp4"), ("Accept-Ranges", "bytes"), ("Content-Length", (video.Length - from).ToString(CultureInfo.InvariantCulture)) };
        headers.AddRange(validators);
        if (partial)
        {
            headers.Add(("Content-Range", "bytes " + from + "-" + (video.Length - 1) + "/" + video.Length));
        }

        await WriteHeadAsync(stream, partial ? "206 Partial Content" : "200 OK", headers, token).ConfigureAwait(false);

        var cut = _cuts.TryPeek(out var next) && next.At > from && next.At < video.Length && _cuts.TryDequeue(out next) ? next : ((long At, CutKind Kind)?)null;
        var end = cut?.At ?? video.Length;
        for (var offset = from; offset < end;)
        {
            var count = (int)Math.Min(64 * 1024, end - offset);
            await stream.WriteAsync(video.AsMemory((int)offset, count), token).ConfigureAwait(false);
            offset += count;
        }

        await stream.FlushAsync(token).ConfigureAwait(false);
        if (cut is not null)
        {
            lock (_gate)
            {
                if (_changeAtNextCut is { } change)
                {
                    (Video, EntityTag) = change;
                    _changeAtNextCut = null;
                }
            }
        }

        switch (cut?.Kind)
        {
            case CutKind.Close:
                connection.Client.Shutdown(SocketShutdown.Send);
                break;
            case CutKind.Reset:
                connection.Client.LingerState = new LingerOption(true, 0);
                break;
            case CutKind.Stall:
                await Task.Delay(Timeout.Infinite, token).ConfigureAwait(false);
                break;
        }
    }

    private static async Task WriteHeadAsync(NetworkStream stream, string status, IEnumerable<(string Name, string Value)> headers, CancellationToken token)
    {
        var head = new StringBuilder("HTTP/1.1 ").Append(status).Append("\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), token).ConfigureAwait(false);
    }

    private static async Task<HostRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken token)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (true)
        {
            var read = await stream.ReadAsync(buffer, token).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
            var text = received.ToString();
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0)
            {
                continue;
            }

            var lines = text.Substring(0, end).Split("\r\n");
            var requestLine = lines[0].Split(' ');
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
                }
            }

            return new HostRequest(requestLine[0], requestLine[1], headers);
        }
    }
}
