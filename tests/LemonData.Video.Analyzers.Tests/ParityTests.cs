using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>
/// One source of truth, proved: the same request, checked by the analyzer at compile time and by the real client at
/// run time (LemonDataVideoClient with ValidateRequests on), gives the same ids with the same messages.
/// </summary>
public class ParityTests
{
    private const string Url = "https://example.com/cat.png";
    private const string DataUrl = "data:image/png;base64,iVBORw0KGgo=";

    public static TheoryData<string, string> Requests => new()
    {
        { "LDV0001", """Prompt: a cat | Model: sora2""" },
        { "LDV0001 case", """Prompt: a cat | Model: Sora-2""" },
        { "LDV0001 empty", """Prompt: a cat | Model: """ },
        { "LDV0001 only, for a model newer than the SDK", $"Prompt: a cat | Model: sora-3 | ImageUrl: {Url} | Image: {DataUrl} | StartImage: {Url}" },
        { "LDV0002 default model", $"Prompt: a cat | ImageUrl: {Url}" },
        { "LDV0002 both images", $"Prompt: a cat | Model: veo3.1 | ImageUrl: {Url} | Image: {DataUrl}" },
        { "LDV0003", $"Prompt: a cat | Model: kling-v2.1-pro | StartImage: {Url} | EndImage: {Url}" },
        { "LDV0003 default model", $"Prompt: a cat | StartImage: {Url}" },
        { "LDV0004", "Prompt: a cat | Model: wan2.6-i2v" },
        { "LDV0004 twin", "Prompt: a cat | Model: seedance-1-0-lite-i2v | Duration: 5" },
        { "LDV0005", $"Prompt: a cat | Model: kling-v2.1-pro | ImageUrl: {Url} | Image: {DataUrl}" },
        { "LDV0006 low", "Prompt: a cat | Fps: 0" },
        { "LDV0006 high", "Prompt: a cat | Fps: 121" },
        { "LDV0007 low", "Prompt: a cat | CfgScale: -0.1" },
        { "LDV0007 high", "Prompt: a cat | CfgScale: 20.1" },
        { "LDV0008 low", "Prompt: a cat | MotionStrength: -0.01" },
        { "LDV0008 high", "Prompt: a cat | MotionStrength: 1.01" },
        { "LDV0009 range", "Prompt: a cat | Duration: 61" },
        { "LDV0009 zero for a named model", "Prompt: a cat | Model: veo3 | Duration: 0" },
        { "LDV0009 fixed length", "Prompt: a cat | Model: runwayml-gen4-turbo-5 | Duration: 10" },
        { "LDV0009 fixed length out of range", "Prompt: a cat | Model: runwayml-gen4-turbo-10 | Duration: 61" },
        { "LDV0010", $"Prompt: a cat | Model: kling-v2.1-pro | Image: {Url}" },
        { "LDV0010 no base64", "Prompt: a cat | Model: wan2.6-i2v | Image: data:image/png,abc" },
        { "LDV0011", "Prompt:    " },
        { "LDV0011 empty", "Prompt: " },
        { "everything at once", $"Prompt:  | Model: sora-2 | ImageUrl: {Url} | Image: nope | StartImage: {Url} | Fps: 500 | CfgScale: 30 | MotionStrength: -1 | Duration: 0" },
        { "valid keyframes", $"Prompt: a cat | Model: seedance-2-0 | StartImage: {Url} | EndImage: {Url} | Duration: 10 | Fps: 120 | CfgScale: 0 | MotionStrength: 1" },
        { "valid fixed length", "Prompt: a cat | Model: runwayml-gen4-turbo-10 | Duration: 10 | Fps: 1 | CfgScale: 20" },
        { "valid default", "Prompt: a cat | Duration: 60 | Seed: 42" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task One_initializer_sent_to_the_client(string name, string request)
    {
        var values = Parse(request);
        var members = string.Join(", ", values.Select(value => value.Key + " = " + Literal(value.Value)));
        var source = TestSource.InMethod($$"""
                    await client.CreateVideoAsync(new VideoGenerationRequest { {{members}} });
            """);
        await AssertParityAsync(name, values, source);
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Split_statements_on_a_local(string name, string request)
    {
        var values = Parse(request);
        var statements = string.Join("\n", values.Select(value => "        request." + value.Key + " = " + Literal(value.Value) + ";"));
        var source = TestSource.InMethod($$"""
                    var request = new VideoGenerationRequest();
            {{statements}}
                    await client.GenerateVideoAsync(request);
            """);
        await AssertParityAsync(name, values, source);
    }

    [Fact]
    public async Task The_table_covers_every_rule()
    {
        var ids = new HashSet<string>();
        foreach (var row in Requests)
        {
            foreach (var violation in await ValidateAtRunTimeAsync(Parse((string)row[1])))
            {
                ids.Add(violation.Id);
            }
        }

        Assert.Equal(Enumerable.Range(1, 11).Select(i => "LDV" + i.ToString("0000", CultureInfo.InvariantCulture)), ids.Order(StringComparer.Ordinal));
    }

    private static async Task AssertParityAsync(string name, IReadOnlyList<KeyValuePair<string, object>> values, string source)
    {
        var atCompileTime = (await AllAnalyzers.RunAsync(source))
            .Select(diagnostic => (diagnostic.Id, Message: diagnostic.GetMessage(CultureInfo.InvariantCulture)))
            .Order()
            .ToList();
        var atRunTime = (await ValidateAtRunTimeAsync(values)).Order().ToList();

        Assert.True(atRunTime.Count > 0 || name.StartsWith("valid", StringComparison.Ordinal), name + ": the client found nothing");
        Assert.Equal(atRunTime, atCompileTime);
    }

    private static async Task<List<(string Id, string Message)>> ValidateAtRunTimeAsync(IReadOnlyList<KeyValuePair<string, object>> values)
    {
        var request = new VideoGenerationRequest();
        foreach (var (property, value) in values)
        {
            typeof(VideoGenerationRequest).GetProperty(property)!.SetValue(request, value);
        }

        var handler = new RefusingHandler();
        using var http = new HttpClient(handler);
        // The analyzer has no service to ask: its counterpart at run time is a client that looks nothing up, so both judge
        // by the catalog alone (the lookup's own outcomes are the client's tests: ModelLookupTests).
        var client = new LemonDataVideoClient(http, new LemonDataVideoClientOptions { ApiKey = "sk-test", MaxRetries = 0, ValidateRequests = true, ModelLookup = ModelLookup.None });
        try
        {
            await client.CreateVideoAsync(request);
        }
        catch (VideoRequestValidationException exception)
        {
            Assert.Equal(0, handler.Calls);
            return exception.Violations.Select(violation => (violation.DiagnosticId, violation.Message)).ToList();
        }
        catch (LemonDataApiException)
        {
            // Validation passed and the request went to the (refusing) service.
        }

        Assert.Equal(1, handler.Calls);
        return [];
    }

    // "Property: value | ...", typed as the request's properties are.
    private static List<KeyValuePair<string, object>> Parse(string request) =>
        request.Split(" | ").Select(part =>
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var property = part[..colon];
            var text = part[(colon + 2)..];
            object value = property switch
            {
                "Fps" or "Duration" => int.Parse(text, CultureInfo.InvariantCulture),
                "Seed" => long.Parse(text, CultureInfo.InvariantCulture),
                "CfgScale" or "MotionStrength" => double.Parse(text, CultureInfo.InvariantCulture),
                _ => text,
            };
            return new KeyValuePair<string, object>(property, value);
        }).ToList();

    private static string Literal(object value) => value switch
    {
        string text => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true),
        double number => number.ToString("R", CultureInfo.InvariantCulture) + "d",
        long number => number.ToString(CultureInfo.InvariantCulture) + "L",
        int number => number.ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    private sealed class RefusingHandler : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest)
            {
                Content = new StringContent("""{"error":{"message":"refused by the test","type":"invalid_request_error"}}""", System.Text.Encoding.UTF8, "application/json"),
            });
        }
    }
}
