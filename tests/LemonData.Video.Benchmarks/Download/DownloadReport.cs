using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Benchmarks.Download;

/// <summary>
/// A 200 MB result, generated on the fly by an in-memory handler (never held in a buffer), downloaded through
/// <see cref="LemonDataVideoClient.DownloadVideoAsync"/> into a temporary file. Target: memory growth under 2 MB.
/// Measured three ways: bytes allocated during the download (all threads), the managed heap's peak above its
/// starting size (sampled every 5 ms), and the heap after a full collection. Twice: whole, and cut off at 40% and
/// continued with a range request (the SDK's own buffer serves both answers; nothing of the body is kept).
/// </summary>
public static class DownloadReport
{
    public const long VideoBytes = 200L * 1024 * 1024;
    private const long Limit = 2L * 1024 * 1024;

    public static void Run()
    {
        RunScenario("Download 200 MB", "200 MB result to a temporary file", cutAt: null);
        RunScenario("Download 200 MB, cut at 40% and continued", "200 MB result cut at 40%, continued with Range", cutAt: VideoBytes * 2 / 5);
    }

    private static void RunScenario(string area, string title, long? cutAt)
    {
        Console.WriteLine();
        Console.WriteLine("// * Download: " + title + " *");
        Console.WriteLine("| Run | Time, s | Throughput, MB/s | Allocated, KB | Heap peak growth, KB | Heap growth after GC, KB |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        long worstAllocated = 0, worstPeak = 0, worstRetained = 0;
        for (var run = 0; run <= 3; run++)
        {
            var (seconds, allocated, peak, retained) = DownloadOnce(cutAt);
            if (run == 0)
            {
                continue; // Warm-up: JIT and the HTTP stack's first-use allocations.
            }

            worstAllocated = Math.Max(worstAllocated, allocated);
            worstPeak = Math.Max(worstPeak, peak);
            worstRetained = Math.Max(worstRetained, retained);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {run} | {seconds:0.00} | {VideoBytes / 1048576.0 / seconds:0} | {allocated / 1024.0:0.0} | {peak / 1024.0:0.0} | {retained / 1024.0:0.0} |"));
        }

        Console.WriteLine();
        Targets.Check(area, "memory growth < 2 MB",
            string.Create(CultureInfo.InvariantCulture,
                $"allocated {worstAllocated / 1024.0:0} KB, heap peak +{worstPeak / 1024.0:0} KB, after GC +{worstRetained / 1024.0:0} KB (worst of 3)"),
            worstAllocated < Limit && worstPeak < Limit && worstRetained < Limit);
    }

    private static (double Seconds, long Allocated, long PeakGrowth, long Retained) DownloadOnce(long? cutAt)
    {
        var host = new VideoHostHandler(cutAt);
        using var http = new HttpClient(host);
        var client = new LemonDataVideoClient(http, new LemonDataVideoClientOptions
        {
            ApiKey = "sk-bench",
            Endpoint = new Uri("https://api.lemondata.cc/"),
            RetryDelay = TimeSpan.Zero,
        });
        var task = new VideoTask("task_download", VideoTaskStatus.Completed) { VideoUrl = "https://cdn.example.com/v.mp4" };
        var path = Path.Combine(Path.GetTempPath(), "lemondata-bench-" + Guid.NewGuid().ToString("N") + ".mp4");
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.Asynchronous);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var peak = heapBefore;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                    try
                    {
                        await Task.Delay(5, sampling.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
            });

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            client.DownloadVideoAsync(task, file).GetAwaiter().GetResult();
            var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            sampling.Cancel();
            sampler.GetAwaiter().GetResult();
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            file.Flush();
            if (file.Length != VideoBytes)
            {
                throw new InvalidOperationException($"The file has {file.Length} bytes, not {VideoBytes}.");
            }

            if (cutAt is not null && host.RangeRequests != 1)
            {
                throw new InvalidOperationException($"The download was cut once but continued {host.RangeRequests} times.");
            }

            var retained = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
            return (seconds, allocated, peak - heapBefore, Math.Max(0, retained));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// The video host: answers with a generated body of <see cref="VideoBytes"/> bytes; with a cut, the first answer
    /// breaks off at that byte, and a range request is answered 206 from where it asks.
    /// </summary>
    private sealed class VideoHostHandler : HttpMessageHandler
    {
        private const string EntityTag = "\"bench\"";
        private long? _cutAt;

        public VideoHostHandler(long? cutAt) => _cutAt = cutAt;

        public int RangeRequests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.Authorization is not null)
            {
                throw new InvalidOperationException("The video host must not receive the API key.");
            }

            var from = 0L;
            if (request.Headers.Range?.Ranges is { Count: 1 } ranges && request.Headers.IfRange?.EntityTag?.Tag == EntityTag)
            {
                from = ranges.First().From ?? 0;
                RangeRequests++;
            }

            var cut = _cutAt;
            _cutAt = null;
            var content = new StreamContent(new GeneratedStream(from, VideoBytes, cut ?? long.MaxValue), bufferSize: 81920);
            content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
            content.Headers.ContentLength = VideoBytes - from;
            var response = new HttpResponseMessage(from > 0 ? HttpStatusCode.PartialContent : HttpStatusCode.OK) { Content = content };
            response.Headers.ETag = new EntityTagHeaderValue(EntityTag);
            if (from > 0)
            {
                content.Headers.ContentRange = new ContentRangeHeaderValue(from, VideoBytes - 1, VideoBytes);
            }

            return Task.FromResult(response);
        }
    }

    /// <summary>
    /// A read-only stream of the file's bytes from <c>from</c> to <c>length</c>, computed, not stored; it breaks off
    /// (an <see cref="IOException"/>, as a reset connection) once it reaches <c>cutAt</c>.
    /// </summary>
    private sealed class GeneratedStream : Stream
    {
        private readonly long _length;
        private readonly long _cutAt;
        private long _position;

        public GeneratedStream(long from, long length, long cutAt)
        {
            _position = from;
            _length = length;
            _cutAt = cutAt;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => _length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position >= _cutAt)
            {
                throw new IOException("The connection was reset (benchmark cut).");
            }

            var n = (int)Math.Min(Math.Min(buffer.Length, _length - _position), _cutAt - _position);
            for (var i = 0; i < n; i++)
            {
                buffer[i] = (byte)(_position + i);
            }

            _position += n;
            return n;
        }

        private Task<int>? _lastRead;

        // The harness must not allocate per read either: a completed task is reused while the count repeats.
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            var n = Read(buffer.AsSpan(offset, count));
            return _lastRead is { } last && last.Result == n ? last : _lastRead = Task.FromResult(n);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            new(Read(buffer.Span));

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
