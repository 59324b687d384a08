using System;
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
public sealed class CannedApiHandler : HttpMessageHandler
{
    public static readonly byte[] CreatedJson = Encoding.UTF8.GetBytes(
        """{"id":"task_01JBENCH0000000000000000","status":"pending","model":"sora-2","progress":0,"poll_url":"/v1/tasks/task_01JBENCH0000000000000000","created_at":1767225600}""");

    public static readonly byte[] ProcessingJson = Encoding.UTF8.GetBytes(
        """{"id":"task_01JBENCH0000000000000000","status":"processing","model":"sora-2","progress":42,"poll_url":"/v1/tasks/task_01JBENCH0000000000000000","created_at":1767225600}""");

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public long Requests;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Requests);
        var body = request.Method == HttpMethod.Post ? CreatedJson : ProcessingJson;
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
