using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;
using Microsoft.Extensions.Logging;

namespace LemonData.Video.Tests.Integration;

/// <summary>
/// A download cut mid-body continues from the bytes written with <c>Range</c> and <c>If-Range</c>, and only a 206 that
/// continues the same file is appended; a host that cannot continue it is started over into a seekable destination,
/// and a destination that cannot seek fails with the bytes written and what to do. The video host never gets the key.
/// </summary>
public sealed class ResumableDownloadTests : IDisposable
{
    private const int VideoLength = 20 * 1024 * 1024;
    private const int Cut40 = VideoLength * 2 / 5; // 8,388,608
    private const string ApiKey = "sk-test-resume-0123456789abcdef";

    private static readonly byte[] Video = Bytes(VideoLength, seed: 13);

    private readonly CuttingVideoHost _host = new(Video);
    private readonly string _file = Path.Combine(Path.GetTempPath(), "lemondata-resume-" + Guid.NewGuid().ToString("N") + ".mp4");

    public void Dispose()
    {
        _host.Dispose();
        if (File.Exists(_file))
        {
            File.Delete(_file);
        }
    }

    [Fact]
    public async Task A_20_MB_video_cut_at_40_percent_continues_with_Range_and_If_Range_into_a_file()
    {
        _host.CutAt(Cut40);

        await using (var file = NewFile())
        {
            await Client().DownloadVideoAsync(Task_("ldtask_resume_file"), file);
        }

        AssertSameBytes(Video, await File.ReadAllBytesAsync(_file));
        var requests = VideoRequests();
        Assert.Equal(2, requests.Length);
        Assert.Null(requests[0].Header("Range"));
        Assert.Equal("bytes=" + Cut40 + "-", requests[1].Header("Range"));
        Assert.Equal("\"v1\"", requests[1].Header("If-Range"));
    }

    [Theory]
    [InlineData(CutKind.Close)]
    [InlineData(CutKind.Reset)]
    [InlineData(CutKind.Stall)]
    public async Task A_20_MB_video_cut_at_40_percent_continues_into_a_stream_that_cannot_seek(CutKind kind)
    {
        _host.CutAt(Cut40, kind);
        using var destination = new NonSeekableStream();

        // A stall is a cut once a read has waited the attempt timeout.
        await Client(options => options.AttemptTimeout = TimeSpan.FromSeconds(1)).DownloadVideoAsync(Task_("ldtask_resume_stream"), destination);

        AssertSameBytes(Video, destination.ToArray());
        var requests = VideoRequests();
        Assert.Equal(2, requests.Length);
        var resumedFrom = RangeStart(requests[1]);

        // A reset may lose what the kernel had received but the client had not read yet: never more than was sent.
        Assert.InRange(resumedFrom, kind == CutKind.Reset ? 1 : Cut40, Cut40);
        Assert.Equal("\"v1\"", requests[1].Header("If-Range"));
    }

    [Fact]
    public async Task A_host_that_ignores_Range_is_started_over_into_a_file_from_where_the_download_began()
    {
        _host.HonoursRange = false;
        _host.CutAt(Cut40);
        var prefix = Bytes(100, seed: 1);

        await using (var file = NewFile())
        {
            // Bytes the caller wrote before the download stay: the start over rewinds to where the download began.
            await file.WriteAsync(prefix);
            await Client().DownloadVideoAsync(Task_("ldtask_ignores_range"), file);
        }

        AssertSameBytes(prefix.Concat(Video).ToArray(), await File.ReadAllBytesAsync(_file));
        var requests = VideoRequests();
        Assert.Equal(2, requests.Length);
        Assert.Equal("bytes=" + Cut40 + "-", requests[1].Header("Range"));
    }

    [Fact]
    public async Task A_host_that_ignores_Range_fails_a_stream_that_cannot_seek_with_the_bytes_written_and_what_to_do()
    {
        _host.HonoursRange = false;
        _host.CutAt(Cut40);
        using var destination = new NonSeekableStream();

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => Client().DownloadVideoAsync(Task_("ldtask_ignores_range_2"), destination));

        Assert.Equal(Cut40, destination.Length);
        Assert.Equal("ldtask_ignores_range_2", error.TaskId);
        Assert.Equal(200, error.StatusCode);
        Assert.Contains("ignored the range request from byte " + Cut40, error.Message, StringComparison.Ordinal);
        Assert.Contains("holds the first " + Cut40 + " bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("download again into a stream that can seek, or a file", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, VideoRequests().Length);
    }

    [Fact]
    public async Task A_video_that_changed_on_its_host_is_never_stitched_into_a_file()
    {
        var changed = Bytes(VideoLength - 1000, seed: 99);
        _host.CutAt(Cut40);
        _host.ChangeFileAtNextCut(changed, "\"v2\"");

        await using (var file = NewFile())
        {
            await Client().DownloadVideoAsync(Task_("ldtask_changed"), file);
        }

        AssertSameBytes(changed, await File.ReadAllBytesAsync(_file));
        var requests = VideoRequests();
        Assert.Equal(2, requests.Length);
        Assert.Equal("bytes=" + Cut40 + "-", requests[1].Header("Range"));
        Assert.Equal("\"v1\"", requests[1].Header("If-Range"));
    }

    [Fact]
    public async Task A_video_that_changed_on_its_host_fails_a_stream_that_cannot_seek_with_nothing_of_the_new_file_written()
    {
        _host.CutAt(Cut40);
        _host.ChangeFileAtNextCut(Bytes(VideoLength, seed: 99), "\"v2\"");
        using var destination = new NonSeekableStream();

        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => Client().DownloadVideoAsync(Task_("ldtask_changed_2"), destination));

        AssertSameBytes(Video.AsSpan(0, Cut40).ToArray(), destination.ToArray());
        Assert.Contains("the video changed on its host after " + Cut40 + " bytes were written", error.Message, StringComparison.Ordinal);
        Assert.Contains("download again into a stream that can seek, or a file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_ETag_the_continuation_is_conditional_on_Last_Modified()
    {
        using var host = new CuttingVideoHost(Video, entityTag: null, lastModified: "Tue, 21 Oct 2025 07:28:00 GMT");
        host.CutAt(Cut40);
        using var destination = new NonSeekableStream();

        await Client().DownloadVideoAsync(new VideoTask("ldtask_last_modified", VideoTaskStatus.Completed) { VideoUrl = host.Url(CuttingVideoHost.VideoPath) }, destination);

        AssertSameBytes(Video, destination.ToArray());
        var resumed = host.Requests[1];
        Assert.Equal("bytes=" + Cut40 + "-", resumed.Header("Range"));
        Assert.Equal("Tue, 21 Oct 2025 07:28:00 GMT", resumed.Header("If-Range"));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("W/\"v1\"", true)]
    [InlineData(null, false)]
    [InlineData("W/\"v1\"", false)]
    public async Task Without_a_strong_validator_a_cut_download_is_never_continued(string? entityTag, bool seekable)
    {
        // No If-Range is possible (RFC 9110 forbids a weak tag there): a range could stitch two files.
        using var host = new CuttingVideoHost(Video, entityTag);
        host.CutAt(Cut40);
        var client = Client();
        var task = new VideoTask("ldtask_no_validator", VideoTaskStatus.Completed) { VideoUrl = host.Url(CuttingVideoHost.VideoPath) };

        if (seekable)
        {
            await using (var file = NewFile())
            {
                await client.DownloadVideoAsync(task, file);
            }

            AssertSameBytes(Video, await File.ReadAllBytesAsync(_file));
            Assert.Equal(2, host.Requests.Count);
            Assert.All(host.Requests, request => Assert.Null(request.Header("Range")));
        }
        else
        {
            using var destination = new NonSeekableStream();
            var error = await Assert.ThrowsAsync<LemonDataApiException>(() => client.DownloadVideoAsync(task, destination));
            Assert.Equal(Cut40, destination.Length);
            Assert.Contains("the download broke off after " + Cut40 + " of " + VideoLength + " bytes", error.Message, StringComparison.Ordinal);
            Assert.Contains("no strong ETag or Last-Modified", error.Message, StringComparison.Ordinal);
            Assert.Contains("download again into a stream that can seek, or a file", error.Message, StringComparison.Ordinal);
            Assert.Single(host.Requests);
        }
    }

    [Fact]
    public async Task Three_cuts_within_MaxRetries_3_complete_the_file()
    {
        _host.CutAt(VideoLength / 5);
        _host.CutAt(VideoLength / 2);
        _host.CutAt(VideoLength * 4 / 5, CutKind.Reset);
        using var destination = new NonSeekableStream();

        await Client(options => options.MaxRetries = 3).DownloadVideoAsync(Task_("ldtask_three_cuts"), destination);

        AssertSameBytes(Video, destination.ToArray());
        var requests = VideoRequests();
        Assert.Equal(4, requests.Length);
        Assert.Equal("bytes=" + (VideoLength / 5) + "-", requests[1].Header("Range"));
        Assert.Equal("bytes=" + (VideoLength / 2) + "-", requests[2].Header("Range"));
        Assert.InRange(RangeStart(requests[3]), VideoLength / 2 + 1, VideoLength * 4 / 5);
    }

    [Fact]
    public async Task More_cuts_than_MaxRetries_fail_with_the_bytes_written()
    {
        foreach (var percent in new[] { 10, 30, 50, 70 })
        {
            _host.CutAt((long)VideoLength * percent / 100);
        }

        using var destination = new NonSeekableStream();

        var error = await Assert.ThrowsAsync<LemonDataApiException>(
            () => Client(options => options.MaxRetries = 3).DownloadVideoAsync(Task_("ldtask_four_cuts"), destination));

        var written = (long)VideoLength * 70 / 100;
        Assert.Equal(written, destination.Length);
        AssertSameBytes(Video.AsSpan(0, (int)written).ToArray(), destination.ToArray());
        Assert.Equal(0, error.StatusCode);
        Assert.Contains("the download broke off after " + written + " of " + VideoLength + " bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("no retry is left (MaxRetries 3; range requests made: 3, starts over: 0)", error.Message, StringComparison.Ordinal);
        Assert.Contains("the destination holds the first " + written + " bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, VideoRequests().Length);
    }

    [Fact]
    public async Task A_416_starts_a_file_over_and_fails_a_stream_that_cannot_seek()
    {
        _host.RefusesRanges = true;
        _host.CutAt(Cut40);
        await using (var file = NewFile())
        {
            await Client().DownloadVideoAsync(Task_("ldtask_416"), file);
        }

        AssertSameBytes(Video, await File.ReadAllBytesAsync(_file));
        var requests = VideoRequests();
        Assert.Equal(3, requests.Length);
        Assert.Null(requests[2].Header("Range"));

        _host.CutAt(Cut40);
        using var destination = new NonSeekableStream();
        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => Client().DownloadVideoAsync(Task_("ldtask_416_2"), destination));
        Assert.Equal(416, error.StatusCode);
        Assert.Contains("refused the range request from byte " + Cut40 + " (416)", error.Message, StringComparison.Ordinal);
        Assert.Contains("holds the first " + Cut40 + " bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_206_at_another_offset_is_never_appended()
    {
        _host.RangeShift = 1000;
        _host.CutAt(Cut40);
        await using (var file = NewFile())
        {
            await Client().DownloadVideoAsync(Task_("ldtask_shifted"), file);
        }

        AssertSameBytes(Video, await File.ReadAllBytesAsync(_file));
        Assert.Equal(3, VideoRequests().Length);

        _host.CutAt(Cut40);
        using var destination = new NonSeekableStream();
        var error = await Assert.ThrowsAsync<LemonDataApiException>(() => Client().DownloadVideoAsync(Task_("ldtask_shifted_2"), destination));
        Assert.Equal(206, error.StatusCode);
        Assert.Contains("answered 206 with bytes from " + (Cut40 + 1000) + ", not from byte " + Cut40, error.Message, StringComparison.Ordinal);
        Assert.Equal(Cut40, destination.Length);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task No_download_request_carries_the_key_to_the_video_host_even_redirected_and_resumed(bool callersClientWithAuthorization)
    {
        // The result URL is on one host and redirects to the CDN on another; each continuation goes through the redirect again.
        using var cdn = new CuttingVideoHost(Video);
        cdn.CutAt(Cut40);
        cdn.CutAt(Cut40 * 2, CutKind.Reset);
        _host.Redirect("/r/v.mp4", cdn.Url(CuttingVideoHost.VideoPath));
        using var httpClient = new HttpClient();
        if (callersClientWithAuthorization)
        {
            httpClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        }

        var client = callersClientWithAuthorization
            ? new LemonDataVideoClient(httpClient, Options(options => options.ApiKey = ApiKey))
            : Client();
        using var destination = new NonSeekableStream();

        await client.DownloadVideoAsync(new VideoTask("ldtask_redirected", VideoTaskStatus.Completed) { VideoUrl = _host.Url("/r/v.mp4") }, destination);

        AssertSameBytes(Video, destination.ToArray());
        Assert.Equal(3, _host.Requests.Count);
        Assert.Equal(3, cdn.Requests.Count);
        Assert.Equal("bytes=" + Cut40 + "-", cdn.Requests[1].Header("Range"));
        Assert.Equal("\"v1\"", cdn.Requests[1].Header("If-Range"));
        Assert.NotNull(cdn.Requests[2].Header("Range"));
        foreach (var request in _host.Requests.Concat(cdn.Requests))
        {
            Assert.Null(request.Header("Authorization"));
            Assert.DoesNotContain(ApiKey, string.Join("\n", request.Headers.Values), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Cancelling_while_the_continuation_is_unanswered_ends_promptly()
    {
        _host.CutAt(Cut40);
        _host.HoldsRangeRequests = true;
        var rangeRequest = _host.NextRangeRequest();
        using var destination = new NonSeekableStream();
        using var cts = new CancellationTokenSource();

        var download = Client().DownloadVideoAsync(Task_("ldtask_cancel_resume"), destination, cts.Token);
        await rangeRequest.WaitAsync(TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => download);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), "took " + clock.Elapsed + " to end after cancellation");
        Assert.Equal(Cut40, destination.Length);
    }

    [Fact]
    public async Task Cancelling_during_the_backoff_before_a_continuation_ends_promptly_and_sends_nothing_more()
    {
        _host.CutAt(Cut40);
        using var logs = new CapturedLogs();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        using var destination = new NonSeekableStream();
        using var cts = new CancellationTokenSource();
        var client = Client(options =>
        {
            options.RetryDelay = TimeSpan.FromMinutes(5);
            options.MaxRetryDelay = TimeSpan.FromMinutes(10);
            options.LoggerFactory = loggerFactory;
        });

        var download = client.DownloadVideoAsync(Task_("ldtask_cancel_backoff"), destination, cts.Token);
        await WaitUntil(() => logs.All.Any(log => log.EventId.Name == "DownloadResuming"));
        var clock = Stopwatch.StartNew();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => download);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), "took " + clock.Elapsed + " to end after cancellation");
        Assert.Single(VideoRequests());
    }

    [Fact]
    public async Task Each_continuation_is_logged_and_the_download_activity_counts_them()
    {
        _host.CutAt(Cut40);
        _host.CutAt(Cut40 + 1000);
        using var logs = new CapturedLogs();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        using var activities = new CapturedActivities();
        using var destination = new NonSeekableStream();

        await Client(options => options.LoggerFactory = loggerFactory).DownloadVideoAsync(Task_("ldtask_logged_resume"), destination);

        var resuming = logs.All.Where(log => log.EventId.Name == "DownloadResuming").ToArray();
        Assert.Equal(2, resuming.Length);
        Assert.All(resuming, log => Assert.Equal(LogLevel.Warning, log.Level));
        Assert.Contains("Download of task ldtask_logged_resume broke off after " + Cut40 + " of " + VideoLength + " bytes", resuming[0].Message, StringComparison.Ordinal);
        Assert.Contains("retry 1 of 3", resuming[0].Message, StringComparison.Ordinal);
        Assert.Contains("retry 2 of 3", resuming[1].Message, StringComparison.Ordinal);
        var activity = Assert.Single(activities.ForTask("ldtask_logged_resume"));
        Assert.Equal(2, activity.GetTagItem("lemondata.download.resumptions"));
        Assert.Equal(0, activity.GetTagItem("lemondata.download.restarts"));
        Assert.DoesNotContain(logs.All.SelectMany(log => log.AllText()), text => text.Contains(ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_destination_is_the_callers_error_and_is_never_retried()
    {
        using var destination = new NonSeekableStream { FailAfter = 1024 * 1024 };

        var error = await Assert.ThrowsAsync<IOException>(() => Client().DownloadVideoAsync(Task_("ldtask_disk_full"), destination));

        Assert.Equal("No space left on device (test)", error.Message);
        Assert.Single(VideoRequests());
    }

    [Fact]
    public async Task A_slow_destination_is_not_taken_for_a_stalled_host()
    {
        // Only a read waits on the host: a write that takes longer than the attempt timeout is no stall.
        using var destination = new NonSeekableStream { FirstWriteDelay = TimeSpan.FromSeconds(1.5) };

        await Client(options => options.AttemptTimeout = TimeSpan.FromSeconds(1)).DownloadVideoAsync(Task_("ldtask_slow_disk"), destination);

        AssertSameBytes(Video, destination.ToArray());
        Assert.Single(VideoRequests());
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the condition never held");
            await Task.Delay(5);
        }
    }

    private HostRequest[] VideoRequests() => _host.Requests.Where(request => request.Path == CuttingVideoHost.VideoPath).ToArray();

    private static long RangeStart(HostRequest request)
    {
        var range = request.Header("Range");
        Assert.NotNull(range);
        Assert.StartsWith("bytes=", range);
        Assert.EndsWith("-", range);
        return long.Parse(range.AsSpan(6, range.Length - 7), System.Globalization.CultureInfo.InvariantCulture);
    }

    private VideoTask Task_(string id) => new(id, VideoTaskStatus.Completed) { VideoUrl = _host.Url(CuttingVideoHost.VideoPath) };

    private FileStream NewFile() => new(_file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);

    private LemonDataVideoClientOptions Options(Action<LemonDataVideoClientOptions>? configure = null)
    {
        var options = new LemonDataVideoClientOptions
        {
            // The API itself is never called: a download goes to the result URL only.
            Endpoint = FakeLemonDataService.ClosedPortEndpoint(),
            RetryDelay = TimeSpan.FromMilliseconds(5),
            AttemptTimeout = TimeSpan.FromSeconds(30),
        };
        configure?.Invoke(options);
        return options;
    }

    private LemonDataVideoClient Client(Action<LemonDataVideoClientOptions>? configure = null) => new(ApiKey, Options(configure));

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static void AssertSameBytes(byte[] expected, byte[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(expected)), Convert.ToHexString(SHA256.HashData(actual)));
    }

    /// <summary>A destination that cannot seek (a pipe, a response body): bytes written cannot be taken back.</summary>
    private sealed class NonSeekableStream : Stream
    {
        private readonly MemoryStream _bytes = new();

        public long FailAfter { get; init; } = long.MaxValue;

        public TimeSpan FirstWriteDelay { get; set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _bytes.Length;

        public override long Position
        {
            get => _bytes.Position;
            set => throw new NotSupportedException();
        }

        public byte[] ToArray() => _bytes.ToArray();

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (_bytes.Length + count > FailAfter)
            {
                throw new IOException("No space left on device (test)");
            }

            _bytes.Write(buffer, offset, count);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (FirstWriteDelay > TimeSpan.Zero)
            {
                var delay = FirstWriteDelay;
                FirstWriteDelay = TimeSpan.Zero;
                await Task.Delay(delay, cancellationToken);
            }

            if (_bytes.Length + buffer.Length > FailAfter)
            {
                throw new IOException("No space left on device (test)");
            }

            _bytes.Write(buffer.Span);
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _bytes.Dispose();
            base.Dispose(disposing);
        }
    }
}
