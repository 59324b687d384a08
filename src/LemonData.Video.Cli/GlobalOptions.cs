using System;
using System.CommandLine;

namespace LemonData.Video.Cli;

/// <summary>Options every command accepts (recursive: they may be written before or after the command).</summary>
internal sealed class GlobalOptions
{
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write one JSON document to stdout (the task, or the error); progress and notices go to stderr.",
        Recursive = true,
    };

    public Option<bool> Simulate { get; } = new("--simulate")
    {
        Description = "Use the built-in offline simulator even when LEMONDATA_API_KEY is set (nothing is charged).",
        Recursive = true,
    };

    public Option<Uri?> Endpoint { get; } = new("--endpoint")
    {
        Description = "The service address (default: LEMONDATA_BASE_URL, else " + LemonDataVideoClientOptions.DefaultEndpoint.ToString().TrimEnd('/') + ").",
        HelpName = "url",
        Recursive = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                return uri;
            }

            result.AddError("--endpoint must be an absolute http or https address, for example https://api.lemondata.cc; it is '" + text + "'.");
            return null;
        },
    };

    public void AddTo(Command root)
    {
        root.Add(Json);
        root.Add(Simulate);
        root.Add(Endpoint);
    }
}
