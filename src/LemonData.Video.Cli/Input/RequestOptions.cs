using System.CommandLine;

namespace LemonData.Video.Cli.Input;

/// <summary>
/// One flag per field of <see cref="VideoGenerationRequest"/>. A flag not given leaves its field unset,
/// so it is not sent and the service's default applies. The values are checked by the SDK's own rules
/// (the LDV diagnostics) before anything is sent.
/// </summary>
internal sealed class RequestOptions
{
    public Option<string> Prompt { get; } = new("--prompt", "-p")
    {
        Description = "What the video shows.",
        HelpName = "text",
        Required = true,
    };

    public Option<string?> Model { get; } = new("--model", "-m")
    {
        Description = "The model id (default " + VideoModels.Default + "); `lemondata-video models` lists them.",
        HelpName = "id",
    };

    public Option<string?> ImageUrl { get; } = new("--image-url")
    {
        Description = "Start image for image-to-video, as a URL.",
        HelpName = "url",
    };

    public Option<string?> Image { get; } = new("--image")
    {
        Description = "Start image for image-to-video, from a local file (.jpg, .png, .webp, .gif, .bmp), sent as a data URL.",
        HelpName = "file",
    };

    public Option<int?> Duration { get; } = new("--duration")
    {
        Description = "Length in seconds (" + Range(VideoLimits.MinDuration, VideoLimits.MaxDuration) + ", and one of the model's durations when it lists them).",
        HelpName = "seconds",
    };

    public Option<string?> AspectRatio { get; } = new("--aspect-ratio")
    {
        Description = "For example 16:9, 9:16, 1:1 (one of the model's aspect ratios when it lists them).",
        HelpName = "ratio",
    };

    public Option<string?> Resolution { get; } = new("--resolution")
    {
        Description = "For example 720p, 1080p (one of the model's resolutions when it lists them).",
        HelpName = "resolution",
    };

    public Option<int?> Fps { get; } = new("--fps")
    {
        Description = "Frames per second (" + Range(VideoLimits.MinFps, VideoLimits.MaxFps) + ").",
        HelpName = "n",
    };

    public Option<string?> NegativePrompt { get; } = new("--negative-prompt")
    {
        Description = "What the video must not show.",
        HelpName = "text",
    };

    public Option<long?> Seed { get; } = new("--seed")
    {
        Description = "Seed, for reproducible results.",
        HelpName = "n",
    };

    public Option<double?> CfgScale { get; } = new("--cfg-scale")
    {
        Description = "How closely to follow the prompt (" + Range(VideoLimits.MinCfgScale, VideoLimits.MaxCfgScale) + ").",
        HelpName = "n",
    };

    public Option<double?> MotionStrength { get; } = new("--motion-strength")
    {
        Description = "How much motion (" + Range(VideoLimits.MinMotionStrength, VideoLimits.MaxMotionStrength) + ").",
        HelpName = "n",
    };

    public Option<string?> StartImage { get; } = new("--start-image")
    {
        Description = "First-frame keyframe URL (keyframe models).",
        HelpName = "url",
    };

    public Option<string?> EndImage { get; } = new("--end-image")
    {
        Description = "Last-frame keyframe URL (keyframe models).",
        HelpName = "url",
    };

    public Option<string?> User { get; } = new("--user")
    {
        Description = "Your end user's id, passed to the service.",
        HelpName = "id",
    };

    public void AddTo(Command command)
    {
        Option[] options =
        {
            Prompt, Model, ImageUrl, Image, Duration, AspectRatio, Resolution, Fps, NegativePrompt, Seed, CfgScale, MotionStrength, StartImage, EndImage, User,
        };
        foreach (var option in options)
        {
            command.Add(option);
        }
    }

    /// <summary>The request the flags describe. Reads <c>--image</c>'s file.</summary>
    /// <exception cref="InvalidInputException">The image file cannot be used.</exception>
    public VideoGenerationRequest BuildRequest(ParseResult parseResult)
    {
        var imageFile = parseResult.GetValue(Image);
        return new VideoGenerationRequest
        {
            Prompt = parseResult.GetValue(Prompt) ?? string.Empty,
            Model = parseResult.GetValue(Model),
            ImageUrl = parseResult.GetValue(ImageUrl),
            Image = imageFile is null ? null : ImageDataUrl.FromFile(imageFile),
            Duration = parseResult.GetValue(Duration),
            AspectRatio = parseResult.GetValue(AspectRatio),
            Resolution = parseResult.GetValue(Resolution),
            Fps = parseResult.GetValue(Fps),
            NegativePrompt = parseResult.GetValue(NegativePrompt),
            Seed = parseResult.GetValue(Seed),
            CfgScale = parseResult.GetValue(CfgScale),
            MotionStrength = parseResult.GetValue(MotionStrength),
            StartImage = parseResult.GetValue(StartImage),
            EndImage = parseResult.GetValue(EndImage),
            User = parseResult.GetValue(User),
        };
    }

    // The API's limits come from the OpenAPI document (VideoLimits is generated from it), never from this file.
    private static string Range(double min, double max) =>
        min.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + max.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
