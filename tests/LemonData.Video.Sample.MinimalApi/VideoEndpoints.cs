using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LemonData.Video.Sample.MinimalApi;

/// <summary>The sample's HTTP surface: submit a video, read its status, fetch the finished file.</summary>
internal static class VideoEndpoints
{
    public static void MapVideoEndpoints(this IEndpointRouteBuilder app)
    {
        var videos = app.MapGroup("/videos");
        videos.MapPost("/", CreateAsync);
        videos.MapGet("/{id}", GetAsync);
        videos.MapGet("/{id}/content", ContentAsync);
    }

    // Submits the job and answers at once: generation takes minutes, no HTTP request should wait for it.
    private static async Task<IResult> CreateAsync(CreateVideo body, LemonDataVideoClient videos, CancellationToken cancellationToken)
    {
        try
        {
            var task = await videos.CreateVideoAsync(
                new VideoGenerationRequest { Prompt = body.Prompt, Model = body.Model, Duration = body.Duration },
                cancellationToken);
            return Results.Accepted("/videos/" + task.Id, VideoView.From(task));
        }
        catch (VideoRequestValidationException invalid)
        {
            // Caught before anything was sent or paid for: tell the caller which field to fix.
            return Results.ValidationProblem(invalid.Violations
                .GroupBy(violation => violation.Property)
                .ToDictionary(group => group.Key, group => group.Select(v => v.DiagnosticId + ": " + v.Message).ToArray()));
        }
        catch (LemonDataApiException failed)
        {
            return ServiceProblem(failed);
        }
    }

    private static async Task<IResult> GetAsync(string id, LemonDataVideoClient videos, CancellationToken cancellationToken)
    {
        try
        {
            return Results.Ok(VideoView.From(await videos.GetVideoTaskAsync(id, cancellationToken)));
        }
        catch (LemonDataApiException failed)
        {
            return ServiceProblem(failed);
        }
    }

    // Waits for the video (the client polls as the service advises), then streams it to the caller.
    private static async Task<IResult> ContentAsync(string id, LemonDataVideoClient videos, HttpResponse response, CancellationToken cancellationToken)
    {
        VideoTask task;
        try
        {
            task = await videos.WaitForCompletionAsync(id, progress: null, cancellationToken);
        }
        catch (VideoGenerationFailedException failed)
        {
            return Results.Problem(title: "The video could not be generated", detail: failed.Task.Error, statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["taskId"] = failed.Task.Id });
        }
        catch (LemonDataApiException failed)
        {
            return ServiceProblem(failed);
        }

        response.ContentType = "video/mp4";
        await videos.DownloadVideoAsync(task, response.Body, cancellationToken);
        return Results.Empty;
    }

    // The SDK's message says what happened and what to do; the task id, when there is one, lets the caller retry
    // the read without submitting (and paying for) the video again.
    private static IResult ServiceProblem(LemonDataApiException failed) =>
        Results.Problem(title: "LemonData answered with an error", detail: failed.Message, statusCode: StatusCodes.Status502BadGateway,
            extensions: new Dictionary<string, object?> { ["taskId"] = failed.TaskId, ["taskMayExist"] = failed.TaskMayExist, ["serviceStatus"] = failed.StatusCode });
}
