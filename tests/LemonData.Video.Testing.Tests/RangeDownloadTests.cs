using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using LemonData.Video.Testing.Tests.Support;

namespace LemonData.Video.Testing.Tests;

/// <summary>The simulated CDN answers ranges as a real one does, so a client's resumed download can be tested offline.</summary>
public class RangeDownloadTests
{
    [Fact]
    public async Task An_open_range_is_a_206_with_the_rest_of_the_file_and_its_content_range()
    {
        await using var simulator = LemonDataSimulator.Start();
        var url = await CompletedVideoUrlAsync(simulator);
        var whole = LemonDataSimulator.SampleVideo.ToArray();
        using var http = new HttpClient();

        using var first = await http.GetAsync(url);
        var etag = first.Headers.ETag;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(100, null);
        request.Headers.IfRange = new RangeConditionHeaderValue(etag!);
        using var partial = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("bytes", first.Headers.AcceptRanges.Single());
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(100, partial.Content.Headers.ContentRange!.From);
        Assert.Equal(whole.Length - 1, partial.Content.Headers.ContentRange.To);
        Assert.Equal(whole.Length, partial.Content.Headers.ContentRange.Length);
        Assert.Equal(whole.Skip(100).ToArray(), await partial.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_range_whose_if_range_does_not_match_gets_the_whole_file()
    {
        await using var simulator = LemonDataSimulator.Start();
        var url = await CompletedVideoUrlAsync(simulator);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(100, null);
        request.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue("\"another-version\""));

        using var answer = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(LemonDataSimulator.SampleVideo.ToArray(), await answer.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_range_past_the_end_is_416_with_the_length()
    {
        await using var simulator = LemonDataSimulator.Start();
        var url = await CompletedVideoUrlAsync(simulator);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(1_000_000, null);

        using var answer = await http.SendAsync(request);

        Assert.Equal((HttpStatusCode)416, answer.StatusCode);
        Assert.Equal(LemonDataSimulator.SampleVideo.Length, answer.Content.Headers.ContentRange!.Length);
    }

    private static async Task<string> CompletedVideoUrlAsync(LemonDataSimulator simulator)
    {
        var task = await Clients.For(simulator).GenerateVideoAsync(Clients.Request());
        return task.VideoUrl!;
    }
}
