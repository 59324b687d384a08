using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;

namespace LemonData.Video.Tests.Unit;

/// <summary>What makes a cut download continuable, and which 206 answers continue it.</summary>
public sealed class ResumePointTests
{
    private const long Length = 1000;

    [Fact]
    public void A_file_with_a_strong_ETag_and_a_length_continues_with_Range_and_If_Range()
    {
        var point = Written(400, Whole(etag: "\"abc\""));

        using var request = new HttpRequestMessage(HttpMethod.Get, "https://cdn.example/v.mp4");
        Assert.True(point.CanResume);
        Assert.True(point.Prepare(request));
        Assert.Equal("bytes=400-", request.Headers.Range!.ToString());
        Assert.Equal("\"abc\"", request.Headers.IfRange!.ToString());
        Assert.Equal(1, point.Resumptions);
    }

    [Fact]
    public void Without_an_ETag_If_Range_carries_Last_Modified()
    {
        var lastModified = new DateTimeOffset(2025, 10, 21, 7, 28, 0, TimeSpan.Zero);
        var point = Written(400, Whole(etag: null, lastModified: lastModified));

        using var request = new HttpRequestMessage(HttpMethod.Get, "https://cdn.example/v.mp4");
        Assert.True(point.Prepare(request));
        Assert.Equal("Tue, 21 Oct 2025 07:28:00 GMT", request.Headers.IfRange!.ToString());
    }

    [Theory]
    [InlineData("W/\"abc\"", true, true)] // a weak tag never goes into If-Range, nor then a date (RFC 9110 13.1.5)
    [InlineData(null, false, true)] // no validator
    [InlineData("\"abc\"", true, false)] // no length (a decompressed body has none): its byte count is no offset in the file
    public void A_file_without_a_strong_validator_or_a_length_is_not_continued(string? etag, bool withLastModified, bool withLength)
    {
        var point = Written(400, Whole(etag, withLastModified ? DateTimeOffset.UnixEpoch : null, withLength ? Length : null));

        Assert.False(point.CanResume);
        Assert.Contains(withLength ? "no strong ETag or Last-Modified" : "no length", point.WhyNotResumable, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_206_from_exactly_the_bytes_written_of_the_same_file_and_length_continues_it()
    {
        var point = Written(400, Whole(etag: "\"abc\""));

        Assert.Null(point.CheckContinuation(Partial(400, Length, "\"abc\"")));
        Assert.Null(point.CheckContinuation(Partial(400, null, null))); // "bytes 400-999/*", no tag: nothing contradicts
        Assert.Contains("bytes from 401, not from byte 400", point.CheckContinuation(Partial(401, Length, "\"abc\"")), StringComparison.Ordinal);
        Assert.Contains("a file of 2000 bytes, not 1000", point.CheckContinuation(Partial(400, 2000, "\"abc\"")), StringComparison.Ordinal);
        Assert.Contains("another ETag", point.CheckContinuation(Partial(400, Length, "\"xyz\"")), StringComparison.Ordinal);
        using var noRange = new HttpResponseMessage(HttpStatusCode.PartialContent) { Content = new ByteArrayContent(new byte[600]) };
        Assert.Contains("without a byte Content-Range", point.CheckContinuation(noRange), StringComparison.Ordinal);
    }

    [Fact]
    public void Starting_over_rewinds_a_seekable_destination_to_where_it_stood_and_cuts_it_there()
    {
        using var destination = new MemoryStream();
        destination.Write(new byte[] { 1, 2, 3 });
        var point = new ResumePoint(destination);
        point.Learn(Whole(etag: "\"abc\""));
        destination.Write(new byte[400]);
        point.Advance(400);

        point.PlanStartOver();
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://cdn.example/v.mp4");
        Assert.False(point.Prepare(request));

        Assert.Null(request.Headers.Range);
        Assert.Equal(3, destination.Length);
        Assert.Equal(3, destination.Position);
        Assert.Equal(0, point.Written);
        Assert.Equal(1, point.Restarts);
    }

    private static ResumePoint Written(int bytes, HttpResponseMessage whole)
    {
        var point = new ResumePoint(Stream.Null);
        point.Learn(whole);
        point.Advance(bytes);
        return point;
    }

    private static HttpResponseMessage Whole(string? etag, DateTimeOffset? lastModified = null, long? length = Length)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Array.Empty<byte>()) };
        response.Content.Headers.ContentLength = length;
        response.Content.Headers.LastModified = lastModified;
        if (etag is not null)
        {
            response.Headers.ETag = EntityTagHeaderValue.Parse(etag);
        }

        return response;
    }

    private static HttpResponseMessage Partial(long from, long? total, string? etag)
    {
        var response = new HttpResponseMessage(HttpStatusCode.PartialContent) { Content = new ByteArrayContent(Array.Empty<byte>()) };
        response.Content.Headers.ContentRange = total is { } length ? new ContentRangeHeaderValue(from, length - 1, length) : new ContentRangeHeaderValue(from, Length - 1);
        if (etag is not null)
        {
            response.Headers.ETag = EntityTagHeaderValue.Parse(etag);
        }

        return response;
    }
}
