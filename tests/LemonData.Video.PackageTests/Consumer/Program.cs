// The consumer's Program.cs: one known violation of each LemonData.Video rule, and shapes that must stay silent.
// Each line that carries "// expect LDV00NN" must get exactly that diagnostic; each line that carries
// "// expect silent" must get none; no other line may get an LDV diagnostic. The tests read the markers from here.
using System.Globalization;
using System.Threading.Tasks;
using LemonData.Video;

namespace Consumer;

public static class Program
{
    public static async Task Main(string[] args)
    {
        var client = new LemonDataVideoClient("sk-e2e");

        Keep(new VideoGenerationRequest
        {
            Prompt = "a cat surfing",
            Model = "sora-3", // expect LDV0001
        });

        await client.CreateVideoAsync(new VideoGenerationRequest
        {
            Prompt = "a cat surfing",
            ImageUrl = "https://example.com/cat.png", // expect LDV0002
        });

        Keep(new VideoGenerationRequest
        {
            Prompt = "a cat surfing",
            Model = VideoModels.Sora2,
            Image = "data:image/png;base64,iVBORw0KGgo=", // expect LDV0002
        });

        Keep(new VideoGenerationRequest
        {
            Prompt = "a cat surfing",
            Model = "veo3",
            StartImage = "https://example.com/start.png", // expect LDV0003
        });

        var split = new VideoGenerationRequest { Prompt = "a cat surfing" };
        split.Model = "veo3";
        split.EndImage = "https://example.com/end.png"; // expect LDV0003
        await client.CreateVideoAsync(split);

        await client.CreateVideoAsync(new VideoGenerationRequest
        {
            Prompt = "a cat surfing",
            Model = "wan2.6-i2v", // expect LDV0004
        });

        Keep(new VideoGenerationRequest
        {
            Prompt = "a cat surfing",
            Model = "seedance-2-0",
            ImageUrl = "https://example.com/cat.png",
            Image = "data:image/png;base64,iVBORw0KGgo=", // expect LDV0005
        });

        Keep(new VideoGenerationRequest
        {
            Prompt = "a cat surfing",
            Fps = 0, // expect LDV0006
            CfgScale = 20.5, // expect LDV0007
            MotionStrength = 1.5, // expect LDV0008
        });

        Keep(new VideoGenerationRequest
        {
            Prompt = "a cat surfing",
            Model = "runwayml-gen4-turbo-5",
            Duration = 7, // expect LDV0009
        });

        Keep(new VideoGenerationRequest
        {
            Prompt = "a cat surfing",
            Model = "seedance-2-0",
            Image = "https://x/a.png", // expect LDV0010
        });

        Keep(new VideoGenerationRequest
        {
            Prompt = "  ", // expect LDV0011
        });

        // Values the analyzer cannot know.
        Keep(new VideoGenerationRequest
        {
            Prompt = args.Length > 0 ? args[0] : "a cat surfing", // expect silent
            Model = args.Length > 1 ? args[1] : "sora-3", // expect silent
            Fps = args.Length, // expect silent
            CfgScale = ReadScale(args), // expect silent
            MotionStrength = args.Length * 1.5, // expect silent
            Duration = int.Parse(args[0], CultureInfo.InvariantCulture), // expect silent
        });

        // A user's own type that only looks like the request.
        KeepLookAlike(new LookAlikeRequest
        {
            Model = "sora-3", // expect silent
            Prompt = "  ", // expect silent
            Fps = 0, // expect silent
            CfgScale = 20.5, // expect silent
        });

        // A request handed to other code before its model is set: it may have got its image there.
        var escaped = new VideoGenerationRequest { Prompt = "a cat surfing" };
        Configure(escaped);
        escaped.Model = "wan2.6-i2v"; // expect silent
        await client.CreateVideoAsync(escaped);

        // A valid request.
        await client.CreateVideoAsync(new VideoGenerationRequest
        {
            Prompt = "a cat surfing", // expect silent
            Model = VideoModels.Seedance20, // expect silent
            Image = "data:image/png;base64,iVBORw0KGgo=", // expect silent
            Fps = 24, // expect silent
            CfgScale = 7.5, // expect silent
            MotionStrength = 0.5, // expect silent
            Duration = 5, // expect silent
        });
    }

    private static double ReadScale(string[] args) => double.Parse(args[0], CultureInfo.InvariantCulture);

    private static void Configure(VideoGenerationRequest request) => request.ImageUrl = "https://example.com/cat.png";

    private static void Keep(VideoGenerationRequest request) => System.GC.KeepAlive(request);

    private static void KeepLookAlike(LookAlikeRequest request) => System.GC.KeepAlive(request);
}

/// <summary>A user's own class with the request's property names.</summary>
public sealed class LookAlikeRequest
{
    public string? Model { get; set; }

    public string? Prompt { get; set; }

    public int Fps { get; set; }

    public double CfgScale { get; set; }
}
