using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;

namespace LemonData.Video.Tests.Hostile;

/// <summary>A body of megabytes is never read whole: the client stops at its cap (1 MiB) and keeps the task id.</summary>
[Collection(ProcessWideStateCollection.Name)]
public sealed class HugeBodyTests
{
    private const long TenMegabytes = 10L * 1024 * 1024;
    private const long Cap = 1024 * 1024;
    private const string Prefix = "{\"id\":\"video_big\",\"status\":\"pending\",\"pad\":\"";

    [Theory]
    [InlineData(true, HttpStatusCode.OK)]
    [InlineData(false, HttpStatusCode.OK)]
    [InlineData(true, HttpStatusCode.BadGateway)]
    [InlineData(false, HttpStatusCode.BadGateway)]
    public async Task A_10_MB_answer_to_a_create_is_not_read_past_the_cap(bool declaresLength, HttpStatusCode status)
    {
        var body = new CountingBodyStream(Prefix, TenMegabytes, (byte)'x');
        var client = ClientAnswering(body, declaresLength, status, out var handler);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var exception = await Assert.ThrowsAsync<LemonDataApiException>(
            () => client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "A paper boat" }).WaitAsync(TimeSpan.FromSeconds(5)));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(1, handler.Requests);
        Assert.Equal((int)status, exception.StatusCode);
        Assert.False(string.IsNullOrEmpty(exception.ResponseExcerpt));
        if (status == HttpStatusCode.OK)
        {
            Assert.True(exception.TaskMayExist);
            Assert.Equal("video_big", exception.TaskId);
        }

        // A declared length over the cap is read only for an excerpt; an undeclared one up to the cap.
        Assert.InRange(body.BytesRead, 1, declaresLength ? 64 * 1024 : Cap + (64 * 1024));
        Assert.True(allocated < 6 * 1024 * 1024, "reading the answer allocated " + allocated + " bytes");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_10_MB_answer_to_a_read_is_not_read_past_the_cap(bool declaresLength)
    {
        var body = new CountingBodyStream(Prefix, TenMegabytes, (byte)'x');
        var client = ClientAnswering(body, declaresLength, HttpStatusCode.OK, out var handler);

        var exception = await Assert.ThrowsAsync<LemonDataApiException>(() => client.GetVideoTaskAsync("video_big").WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.Equal(200, exception.StatusCode);
        Assert.Equal("video_big", exception.TaskId);
        Assert.Equal(1, handler.Requests);
        Assert.InRange(body.BytesRead, 1, declaresLength ? 64 * 1024 : Cap + (64 * 1024));
    }

    [Fact]
    public async Task An_answer_of_exactly_the_cap_is_read_whole()
    {
        var task = "{\"id\":\"video_cap\",\"status\":\"pending\"}";
        var body = new CountingBodyStream(task, Cap, (byte)' ');
        var client = ClientAnswering(body, declaresLength: false, HttpStatusCode.OK, out _);

        var read = await client.GetVideoTaskAsync("video_cap").WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("video_cap", read.Id);
        Assert.Equal(Cap, body.BytesRead);
    }

    private static LemonDataVideoClient ClientAnswering(CountingBodyStream body, bool declaresLength, HttpStatusCode status, out StubHandler handler)
    {
        handler = new StubHandler(_ =>
        {
            var content = new StreamContent(body, 16 * 1024);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            content.Headers.ContentLength = declaresLength ? body.Length : null;
            return new HttpResponseMessage(status) { Content = content };
        });
        return new LemonDataVideoClient(new HttpClient(handler), new LemonDataVideoClientOptions
        {
            Endpoint = new Uri("https://api.lemondata.test"),
            ApiKey = FakeLemonDataService.ApiKey,
            MaxRetries = 0,
        });
    }
}
