using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LemonData.Video.Benchmarks.Sdk;

/// <summary>
/// The service, in memory: answers a create (POST) and a read (GET) with canned task JSON, as the real
/// service does, without a socket. Both the SDK and the hand-written baseline go through it.
/// </summary>
/// <remarks>
/// It does what a transport does with a request before any answer can come back, so that neither side saves
/// work a real socket would force on it: every header is turned into its text (typed header values are
/// formatted, as SocketsHttpHandler does when it writes them), and the body is written out in full (a lazily
/// serialized <c>JsonContent</c> is serialized only then). A request without <c>Authorization: Bearer ...</c>
/// is answered 401 and a create without a body 400, so that skipping that work shows as a failure, not a gain.
/// </remarks>
public sealed class CannedApiHandler : HttpMessageHandler
{
    public static readonly byte[] CreatedJson = Encoding.UTF8.GetBytes(
        """{"id":"task_01JBENCH0000000000000000","status":"pending","model":"sora-2","progress":0,"poll_url":"/v1/tasks/task_01JBENCH0000000000000000","created_at":1767225600}""");

    public static readonly byte[] ProcessingJson = Encoding.UTF8.GetBytes(
        """{"id":"task_01JBENCH0000000000000000","status":"processing","model":"sora-2","progress":42,"poll_url":"/v1/tasks/task_01JBENCH0000000000000000","created_at":1767225600}""");

    private static readonly byte[] UnauthorizedJson = Encoding.UTF8.GetBytes(
        """{"error":{"message":"Missing API key.","type":"authentication_error","code":"invalid_api_key"}}""");

    private static readonly byte[] NoBodyJson = Encoding.UTF8.GetBytes(
        """{"error":{"message":"The request has no body.","type":"invalid_request_error","code":"invalid_request"}}""");

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    // One sink per thread: the handler itself allocates nothing per request beyond the answer, so that its
    // own cost does not dilute the ratios.
    [ThreadStatic]
    private static CountingSink? _sink;

    public long Requests;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Requests);
        var authorized = WriteHeaders(request.Headers);
        long bodyBytes = 0;
        if (request.Content is { } requestContent)
        {
            WriteHeaders(requestContent.Headers);
            var sink = _sink ??= new CountingSink();
            sink.Written = 0;
            await requestContent.CopyToAsync(sink, cancellationToken).ConfigureAwait(false);
            bodyBytes = sink.Written;
        }

        var isCreate = request.Method == HttpMethod.Post;
        var (status, body) = !authorized ? (HttpStatusCode.Unauthorized, UnauthorizedJson)
            : isCreate && bodyBytes == 0 ? (HttpStatusCode.BadRequest, NoBodyJson)
            : (HttpStatusCode.OK, isCreate ? CreatedJson : ProcessingJson);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        return new HttpResponseMessage(status) { Content = content, RequestMessage = request };
    }

    // Formats every value as a transport writing the header block would; true when a bearer key is present.
    private static bool WriteHeaders(HttpHeaders headers)
    {
        var authorized = false;
        foreach (var header in headers.NonValidated)
        {
            foreach (var value in header.Value)
            {
                if (header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
                    && value.StartsWith("Bearer sk-", StringComparison.Ordinal))
                {
                    authorized = true;
                }
            }
        }

        return authorized;
    }

    /// <summary>Where request bodies are written: counts the bytes, keeps none.</summary>
    private sealed class CountingSink : Stream
    {
        public long Written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Written;

        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Written += count;

        public override void Write(ReadOnlySpan<byte> buffer) => Written += buffer.Length;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Written += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Written += buffer.Length;
            return default;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
