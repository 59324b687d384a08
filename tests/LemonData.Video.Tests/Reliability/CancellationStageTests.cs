using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Testing;

namespace LemonData.Video.Tests.Reliability;

/// <summary>
/// Cancelling at every stage of a call (connecting, sending, reading, between polls, downloading) ends it within about
/// a second, and leaves nothing behind: after a settle, no further request reaches the simulator.
/// </summary>
public sealed class CancellationStageTests
{
    private static readonly TimeSpan CancelAfter = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);

    private static VideoGenerationRequest Request => new() { Prompt = "A kite over the dunes" };

    [Fact]
    public async Task Cancelling_while_connecting_ends_promptly_and_sends_nothing()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var network = new StallingNetwork { StallConnects = true };
        var client = network.ClientFor(simulator);
        using var cts = new CancellationTokenSource(CancelAfter);

        var elapsed = await TimeCancelledAsync(() => client.CreateVideoAsync(Request, cts.Token));

        Assert.True(network.ConnectStalled, "the connection attempt never started");
        Assert.True(elapsed < CancelAfter + Prompt, "took " + elapsed + " to end after cancellation");
        network.StallConnects = false; // had anything kept going, it could connect now
        await Task.Delay(Settle);
        Assert.Empty(simulator.Requests);
    }

    [Fact]
    public async Task Cancelling_while_sending_ends_promptly_and_closes_the_connection()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var network = new StallingNetwork { StallWrites = true };
        var client = network.ClientFor(simulator);
        using var cts = new CancellationTokenSource(CancelAfter);

        var elapsed = await TimeCancelledAsync(() => client.CreateVideoAsync(Request, cts.Token));

        Assert.True(network.WriteStalled, "sending never started");
        Assert.True(elapsed < CancelAfter + Prompt, "took " + elapsed + " to end after cancellation");
        await Task.Delay(Settle);
        Assert.Empty(simulator.Requests);
        Assert.True(network.AllClosed, "a connection was left open");
    }

    [Fact]
    public async Task Cancelling_while_reading_the_create_answer_ends_promptly_and_does_not_send_it_again()
    {
        await using var simulator = LemonDataSimulator.Start();
        simulator.Script.DelayNext(1, TimeSpan.FromSeconds(10), SimulatorTarget.Create);
        var client = ClientFor(simulator);
        using var cts = new CancellationTokenSource(CancelAfter);

        var elapsed = await TimeCancelledAsync(() => client.GenerateVideoAsync(Request, progress: null, cts.Token));

        Assert.True(elapsed < CancelAfter + Prompt, "took " + elapsed + " to end after cancellation");
        await AssertQuietAsync(simulator);
        Assert.Equal(1, simulator.CreatesReceived);
    }

    [Fact]
    public async Task Cancelling_while_reading_a_poll_answer_ends_promptly_with_the_task_id()
    {
        await using var simulator = LemonDataSimulator.Start();
        var client = ClientFor(simulator);
        var created = await client.CreateVideoAsync(Request);
        simulator.Script.DelayNext(1, TimeSpan.FromSeconds(10), SimulatorTarget.Poll);
        using var cts = new CancellationTokenSource(CancelAfter);

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.WaitForCompletionAsync(created.Id, progress: null, cts.Token));

        Assert.True(clock.Elapsed < CancelAfter + Prompt, "took " + clock.Elapsed + " to end after cancellation");
        Assert.Equal(created.Id, error.GetVideoTaskId());
        await AssertQuietAsync(simulator);
    }

    [Fact]
    public async Task Cancelling_between_polls_ends_promptly_with_the_task_id()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { PollsPerStage = 1000 });
        var client = ClientFor(simulator, options => options.PollInterval = TimeSpan.FromSeconds(30));
        var created = await client.CreateVideoAsync(Request);
        using var cts = new CancellationTokenSource();
        var polled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new InlineProgress(_ => polled.TrySetResult());

        var waiting = client.WaitForCompletionAsync(created.Id, progress, cts.Token);
        await polled.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the first poll answered; the next is 30 s away
        var clock = Stopwatch.StartNew();
        cts.Cancel();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        Assert.True(clock.Elapsed < Prompt, "took " + clock.Elapsed + " to end after cancellation");
        Assert.Equal(created.Id, error.GetVideoTaskId());
        await AssertQuietAsync(simulator);
    }

    [Fact]
    public async Task Cancelling_while_the_video_host_has_not_answered_ends_promptly()
    {
        await using var simulator = LemonDataSimulator.Start();
        var client = ClientFor(simulator);
        var task = await client.GenerateVideoAsync(Request);
        simulator.Script.DelayNext(1, TimeSpan.FromSeconds(10), SimulatorTarget.Download);
        using var destination = new MemoryStream();
        using var cts = new CancellationTokenSource(CancelAfter);

        var elapsed = await TimeCancelledAsync(() => client.DownloadVideoAsync(task, destination, cts.Token));

        Assert.True(elapsed < CancelAfter + Prompt, "took " + elapsed + " to end after cancellation");
        Assert.Equal(0, destination.Length);
        await AssertQuietAsync(simulator);
    }

    [Fact]
    public async Task Cancelling_mid_download_ends_promptly_and_closes_the_connection()
    {
        await using var simulator = LemonDataSimulator.Start();
        using var network = new StallingNetwork();
        var client = network.ClientFor(simulator);
        var task = await client.GenerateVideoAsync(Request);
        using var destination = new MemoryStream();
        network.StallReadsAfter(bytes: 4096); // the headers and the first part of the video arrive, then nothing
        using var cts = new CancellationTokenSource(CancelAfter);

        var elapsed = await TimeCancelledAsync(() => client.DownloadVideoAsync(task, destination, cts.Token));

        Assert.True(network.ReadStalled, "the download never stalled");
        Assert.True(elapsed < CancelAfter + Prompt, "took " + elapsed + " to end after cancellation");
        Assert.InRange(destination.Length, 1, LemonDataSimulator.SampleVideo.Length - 1);
        await AssertQuietAsync(simulator);
        Assert.True(network.AllClosed, "a connection was left open");
    }

    private static LemonDataVideoClient ClientFor(LemonDataSimulator simulator, Action<LemonDataVideoClientOptions>? configure = null)
    {
        var options = new LemonDataVideoClientOptions
        {
            Endpoint = simulator.Endpoint,
            PollInterval = TimeSpan.FromMilliseconds(5),
            RetryDelay = TimeSpan.FromMilliseconds(5),
            AttemptTimeout = TimeSpan.FromSeconds(30), // longer than any test: only the caller's token ends a call
        };
        configure?.Invoke(options);
        return new LemonDataVideoClient(simulator.ApiKey, options);
    }

    private static async Task<TimeSpan> TimeCancelledAsync(Func<Task> call)
    {
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(call);
        return clock.Elapsed;
    }

    private static async Task AssertQuietAsync(LemonDataSimulator simulator)
    {
        var before = simulator.Requests.Count;
        await Task.Delay(Settle);
        Assert.Equal(before, simulator.Requests.Count);
    }

    private sealed class InlineProgress : IProgress<VideoTask>
    {
        private readonly Action<VideoTask> _report;

        public InlineProgress(Action<VideoTask> report) => _report = report;

        public void Report(VideoTask value) => _report(value);
    }

    /// <summary>Connections to the simulator through streams that can stall connecting, writing, or reading past a point.</summary>
    private sealed class StallingNetwork : IDisposable
    {
        private readonly ConcurrentBag<StallingStream> _streams = new();
        private readonly SocketsHttpHandler _handler;
        private volatile bool _stallConnects;
        private long _readLimit = long.MaxValue;

        public StallingNetwork()
        {
            _handler = new SocketsHttpHandler { ConnectCallback = ConnectAsync };
        }

        public bool StallConnects
        {
            get => _stallConnects;
            set => _stallConnects = value;
        }

        public bool StallWrites { get; init; }

        public bool ConnectStalled { get; private set; }

        public bool WriteStalled { get; set; }

        public bool ReadStalled { get; set; }

        public bool AllClosed
        {
            get
            {
                foreach (var stream in _streams)
                {
                    if (!stream.Closed)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        public long ReadLimit => Interlocked.Read(ref _readLimit);

        public void StallReadsAfter(long bytes)
        {
            foreach (var stream in _streams)
            {
                stream.ResetReadCount();
            }

            Interlocked.Exchange(ref _readLimit, bytes);
        }

        public LemonDataVideoClient ClientFor(LemonDataSimulator simulator) =>
            new(new HttpClient(_handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan }, new LemonDataVideoClientOptions
            {
                ApiKey = simulator.ApiKey,
                Endpoint = simulator.Endpoint,
                PollInterval = TimeSpan.FromMilliseconds(5),
                RetryDelay = TimeSpan.FromMilliseconds(5),
                AttemptTimeout = TimeSpan.FromSeconds(30),
            });

        public void Dispose() => _handler.Dispose();

        private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
        {
            if (_stallConnects)
            {
                ConnectStalled = true;
                while (_stallConnects)
                {
                    await Task.Delay(10, cancellationToken);
                }
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            var stream = new StallingStream(new NetworkStream(socket, ownsSocket: true), this);
            _streams.Add(stream);
            return stream;
        }
    }

    private sealed class StallingStream : Stream
    {
        private readonly Stream _inner;
        private readonly StallingNetwork _network;
        private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _read;

        public StallingStream(Stream inner, StallingNetwork network)
        {
            _inner = inner;
            _network = network;
        }

        public bool Closed => _closed.Task.IsCompleted;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public void ResetReadCount() => Interlocked.Exchange(ref _read, 0);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var room = _network.ReadLimit - Interlocked.Read(ref _read);
            if (room <= 0)
            {
                _network.ReadStalled = true;
                await StallAsync(cancellationToken);
            }

            var read = await _inner.ReadAsync(room < buffer.Length ? buffer.Slice(0, (int)room) : buffer, cancellationToken);
            Interlocked.Add(ref _read, read);
            return read;
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_network.StallWrites)
            {
                _network.WriteStalled = true;
                await StallAsync(cancellationToken);
            }

            await _inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override void Flush() => _inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _closed.TrySetResult();
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }

        // A network that has gone quiet: only cancellation or closing the connection ends the wait.
        private async Task StallAsync(CancellationToken cancellationToken)
        {
            await Task.WhenAny(_closed.Task, Task.Delay(Timeout.Infinite, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            throw new IOException("The connection was closed while stalled.");
        }
    }
}
