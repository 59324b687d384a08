using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using LemonData.Video.Cli.Output;
using Spectre.Console;

namespace LemonData.Video.Cli.Commands;

/// <summary><c>models</c>: the SDK's model catalog as a table (offline: nothing is sent).</summary>
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
        var command = new Command("models", "List the models of the catalog with their capabilities (offline).");
        command.SetAction(parseResult =>
        {
            if (parseResult.GetValue(globals.Json))
            {
                WriteJson(context);
            }
            else
            {
                WriteTable(context);
            }

            return ExitCodes.Success;
        });
        return command;
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

    private static void WriteTable(CliContext context)
    {
        var console = ConsoleFactory.Create(context.Stdout, context.StdoutIsTerminal, context.Environment);
        var table = new Table()
            .Border(context.StdoutIsTerminal ? TableBorder.Rounded : TableBorder.Ascii)
            .AddColumn("Model")
            .AddColumn("Provider")
            .AddColumn("Capabilities")
            .AddColumn("Duration")
            .AddColumn("Note");
        foreach (var model in VideoModelCatalog.All)
        {
            table.AddRow(
                Markup.Escape(model.Id),
                Markup.Escape(model.Provider),
                Markup.Escape(string.Join(", ", CapabilityTags(model.Capabilities))),
                Markup.Escape(Duration(model)),
                Markup.Escape(model.Note ?? string.Empty));
        }

        console.Write(table);
        context.Stdout.WriteLine(
            VideoModelCatalog.All.Count.ToString(CultureInfo.InvariantCulture) + " models. T2V: text-to-video (--prompt); I2V: image-to-video (--image-url or --image); "
            + "keyframes: --start-image/--end-image; extend: the clip's last frame as --image-url. Default model: " + VideoModels.Default + ".");
        context.Stdout.Flush();
    }

    private static string Duration(VideoModelInfo model) =>
        model.FixedDurationSeconds is { } fixedSeconds ? fixedSeconds.ToString(CultureInfo.InvariantCulture) + " s (fixed)"
        : model.TypicalMaxDurationSeconds is { } maxSeconds ? "up to ~" + maxSeconds.ToString(CultureInfo.InvariantCulture) + " s"
        : string.Empty;

    private static void WriteJson(CliContext context)
    {
        var output = JsonOutput.Begin(ExitCodes.Success);
        var writer = output.Writer;
        writer.WriteStartArray("models");
        foreach (var model in VideoModelCatalog.All)
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

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        output.WriteTo(context.Stdout);
    }
}
