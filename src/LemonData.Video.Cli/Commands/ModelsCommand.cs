using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using LemonData.Video.Cli.Input;
using LemonData.Video.Cli.Output;
using Spectre.Console;

namespace LemonData.Video.Cli.Commands;

/// <summary>
/// <c>models</c>: the models the tool checks requests against, as a table, and where the list comes from: the
/// <c>lemondata-models.json</c> of the current folder (or <c>--models-file</c>), else the snapshot built into the SDK
/// (offline: nothing is sent); with <c>--live</c>, the service's own list. <c>models sync</c> writes the file.
/// </summary>
internal static class ModelsCommand
{
    private static readonly (VideoCapabilities Flag, string Name)[] CapabilityNames =
    {
        (VideoCapabilities.TextToVideo, "T2V"),
        (VideoCapabilities.ImageToVideo, "I2V"),
        (VideoCapabilities.Keyframes, "keyframes"),
        (VideoCapabilities.Extend, "extend"),
        (VideoCapabilities.Edit, "edit"),
        (VideoCapabilities.Effects, "effects"),
    };

    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var live = new Option<bool>("--live")
        {
            Description = "Ask the service for its current models (GET /v1/models) instead of reading the file or the snapshot.",
        };
        var modelsFile = new ModelsFileOption();
        var command = new Command("models", "List the models requests are checked against, with their capabilities and lists, and where the list comes from.");
        command.Add(live);
        modelsFile.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = new CommandRun(context, globals, parseResult);
            return run.ExecuteAsync(() =>
            {
                if (parseResult.GetValue(live))
                {
                    return ListLiveAsync(run, cancellationToken);
                }

                var choice = modelsFile.Resolve(parseResult, context);
                return Task.FromResult(Write(run, choice.Catalog.Models, choice.Describe()));
            });
        });
        command.Add(ModelsSyncCommand.Create(context, globals));
        return command;
    }

    private static async Task<int> ListLiveAsync(CommandRun run, CancellationToken cancellationToken)
    {
        await using var session = run.OpenSession();
        var models = await session.Client.ListVideoModelsAsync(cancellationToken).ConfigureAwait(false);
        var endpoint = session.IsBuiltInSimulator ? "the built-in simulator" : "the service at " + session.Endpoint;
        return Write(run, models, endpoint + " (GET /v1/models; the per-model lists come with 'models sync')");
    }

    private static int Write(CommandRun run, IReadOnlyList<VideoModelInfo> models, string source)
    {
        if (run.Json)
        {
            WriteJson(run.Context, models, source);
        }
        else
        {
            WriteTable(run.Context, models, source);
        }

        return ExitCodes.Success;
    }

    public static IEnumerable<string> CapabilityTags(VideoCapabilities capabilities)
    {
        foreach (var (flag, name) in CapabilityNames)
        {
            if ((capabilities & flag) == flag)
            {
                yield return name;
            }
        }
    }

    /// <summary>The SDK's names (<see cref="VideoCapabilities"/>), for JSON.</summary>
    public static IEnumerable<string> CapabilityFlags(VideoCapabilities capabilities)
    {
        foreach (var (flag, _) in CapabilityNames)
        {
            if ((capabilities & flag) == flag)
            {
                yield return flag.ToString();
            }
        }
    }

    private static void WriteTable(CliContext context, IReadOnlyList<VideoModelInfo> models, string source)
    {
        var console = ConsoleFactory.Create(context.Stdout, context.StdoutIsTerminal, context.Environment);
        var table = new Table()
            .Border(context.StdoutIsTerminal ? TableBorder.Rounded : TableBorder.Ascii)
            .AddColumn("Model")
            .AddColumn("Provider")
            .AddColumn("Capabilities")
            .AddColumn("Duration")
            .AddColumn("Resolutions")
            .AddColumn("Aspect ratios")
            .AddColumn("Note");
        foreach (var model in models)
        {
            table.AddRow(
                Markup.Escape(model.Id),
                Markup.Escape(model.Provider),
                Markup.Escape(string.Join(", ", CapabilityTags(model.Capabilities))),
                Markup.Escape(Duration(model)),
                Markup.Escape(model.Resolutions is null ? "?" : string.Join(", ", model.Resolutions)),
                Markup.Escape(model.AspectRatios is null ? "?" : string.Join(", ", model.AspectRatios)),
                Markup.Escape(model.Note ?? string.Empty));
        }

        context.Stdout.WriteLine("Source: " + source + ".");
        console.Write(table);
        context.Stdout.WriteLine(
            models.Count.ToString(CultureInfo.InvariantCulture) + " models; '?': not listed, so not checked. T2V: text-to-video (--prompt); I2V: image-to-video (--image-url or --image); "
            + "keyframes: --start-image/--end-image; extend: the clip's last frame as --image-url. Default model: " + VideoModels.Default + ".");
        context.Stdout.Flush();
    }

    private static string Duration(VideoModelInfo model) =>
        model.Durations is { } durations ? string.Join(", ", durations) + " s"
        : model.FixedDurationSeconds is { } fixedSeconds ? fixedSeconds.ToString(CultureInfo.InvariantCulture) + " s (fixed)"
        : model.TypicalMaxDurationSeconds is { } maxSeconds ? "up to ~" + maxSeconds.ToString(CultureInfo.InvariantCulture) + " s"
        : string.Empty;

    private static void WriteJson(CliContext context, IReadOnlyList<VideoModelInfo> models, string source)
    {
        var output = JsonOutput.Begin(ExitCodes.Success);
        var writer = output.Writer;
        writer.WriteString("source", source);
        writer.WriteStartArray("models");
        foreach (var model in models)
        {
            writer.WriteStartObject();
            writer.WriteString("id", model.Id);
            writer.WriteString("provider", model.Provider);
            writer.WriteString("family", model.Family);
            JsonOutput.WriteStrings(writer, "capabilities", CapabilityFlags(model.Capabilities));
            if (model.FixedDurationSeconds is { } fixedSeconds)
            {
                writer.WriteNumber("fixedDurationSeconds", fixedSeconds);
            }

            if (model.TypicalMaxDurationSeconds is { } maxSeconds)
            {
                writer.WriteNumber("typicalMaxDurationSeconds", maxSeconds);
            }

            if (model.Note is not null)
            {
                writer.WriteString("note", model.Note);
            }

            if (model.Operations.Count > 0)
            {
                JsonOutput.WriteStrings(writer, "operations", model.Operations);
            }

            if (model.Durations is { } durations)
            {
                writer.WriteStartArray("durations");
                foreach (var seconds in durations)
                {
                    writer.WriteNumberValue(seconds);
                }

                writer.WriteEndArray();
            }

            WriteList(writer, "resolutions", model.Resolutions);
            WriteList(writer, "aspectRatios", model.AspectRatios);
            WriteList(writer, "supportedParameters", model.SupportedParameters);

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        output.WriteTo(context.Stdout);
    }

    private static void WriteList(System.Text.Json.Utf8JsonWriter writer, string name, IReadOnlyList<string>? values)
    {
        if (values is not null)
        {
            JsonOutput.WriteStrings(writer, name, values);
        }
    }
}
