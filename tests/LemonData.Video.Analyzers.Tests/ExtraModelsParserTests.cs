extern alias Analyzers;

using System.Linq;
using ExtraModelsParser = Analyzers::LemonData.Video.Analyzers.Configuration.ExtraModelsParser;
using Capabilities = Analyzers::LemonData.Video.VideoCapabilities;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>The syntax of <c>lemondata_video.extra_models</c>: what each value declares, and what LDV0012 says about the rest.</summary>
public class ExtraModelsParserTests
{
    private const Capabilities Text = Capabilities.TextToVideo;
    private const Capabilities Image = Capabilities.ImageToVideo;

    [Theory]
    [InlineData("acme-video-2: text, image", "acme-video-2", Text | Image, null)]
    [InlineData("  acme-video-2 :text,image  ", "acme-video-2", Text | Image, null)]
    [InlineData("acme-keys-1: TEXT, Image, KeyFrames", "acme-keys-1", Text | Image | Capabilities.Keyframes, null)]
    [InlineData("acme-fx: image, effects, extend, edit", "acme-fx", Image | Capabilities.Effects | Capabilities.Extend | Capabilities.Edit, null)]
    [InlineData("acme-clip-5: image, duration=5", "acme-clip-5", Image, 5)]
    [InlineData("acme-clip-60: duration = 60", "acme-clip-60", Capabilities.None, 60)]
    [InlineData("acme-preview", "acme-preview", Capabilities.None, null)]
    [InlineData("acme-preview:", "acme-preview", Capabilities.None, null)]
    [InlineData("Acme.Video_3", "Acme.Video_3", Capabilities.None, null)]
    public void An_entry_declares_a_model_with_its_capabilities(string value, string id, Capabilities capabilities, int? fixedDuration)
    {
        var models = ExtraModelsParser.Parse(value);

        Assert.Empty(models.Problems);
        Assert.Equal(1, models.Count);
        Assert.True(models.TryGet(id, out var info));
        Assert.Equal(id, info.Id);
        Assert.Equal(capabilities, info.Capabilities);
        Assert.Equal(fixedDuration, info.FixedDurationSeconds);
    }

    [Fact]
    public void Entries_are_separated_by_a_bar_and_empty_ones_are_ignored()
    {
        var models = ExtraModelsParser.Parse("acme-video-2: text, image | acme-keys-1: text, keyframes || acme-preview |");

        Assert.Empty(models.Problems);
        Assert.Equal(3, models.Count);
        Assert.True(models.TryGet("acme-keys-1", out var keys));
        Assert.Equal(Text | Capabilities.Keyframes, keys.Capabilities);
        Assert.False(models.TryGet("ACME-VIDEO-2", out _), "model ids are case-sensitive, as on the wire");
    }

    [Theory]
    [InlineData("acme-video-2: text, imag", "'imag' is not a capability")]
    [InlineData("acme-video-2: text,, image", "an item of the list is empty")]
    [InlineData("acme-video-2: text, image,", "an item of the list is empty")]
    [InlineData("acme-video-2: text acme-keys-1: keyframes", "'text acme-keys-1: keyframes' is not a capability (is a '|' missing between two entries?)")]
    [InlineData("acme-video-2: text, speed=2", "'speed=2' is not a capability; only duration takes a value")]
    [InlineData("acme-clip: duration=0", "'duration=0' is not a duration")]
    [InlineData("acme-clip: duration=61", "'duration=61' is not a duration")]
    [InlineData("acme-clip: duration=five", "'duration=five' is not a duration")]
    [InlineData("acme-clip: duration=-5", "'duration=-5' is not a duration")]
    [InlineData("acme-clip: duration=5, duration=6", "duration is given twice")]
    public void A_malformed_list_is_reported_and_still_declares_its_model_with_nothing_known(string value, string problem)
    {
        var models = ExtraModelsParser.Parse(value);

        var reported = Assert.Single(models.Problems);
        Assert.True(reported.IsSyntax);
        Assert.Contains(problem, reported.Problem, System.StringComparison.Ordinal);
        Assert.StartsWith("lemondata_video.extra_models entry '" + value.Trim() + "' is malformed: ", reported.Message, System.StringComparison.Ordinal);
        Assert.EndsWith(ExtraModelsParser.ExpectedSyntax, reported.Message, System.StringComparison.Ordinal);

        var id = value.Substring(0, value.IndexOf(':'));
        Assert.True(models.TryGet(id, out var info));
        Assert.Equal(Capabilities.None, info.Capabilities);
        Assert.Null(info.FixedDurationSeconds);
    }

    [Theory]
    [InlineData(": text, image", "the model id is missing")]
    [InlineData("acme video: text", "'acme video' is not a model id")]
    [InlineData("acme-a acme-b: text", "'acme-a acme-b' is not a model id (it has a space, ',' or '='; is a '|' missing between two entries?)")]
    public void An_entry_without_a_valid_id_declares_nothing(string value, string problem)
    {
        var models = ExtraModelsParser.Parse(value + " | acme-ok: text");

        var reported = Assert.Single(models.Problems);
        Assert.True(reported.IsSyntax);
        Assert.Contains(problem, reported.Problem, System.StringComparison.Ordinal);
        Assert.Equal(1, models.Count);
        Assert.True(models.TryGet("acme-ok", out _));
    }

    [Fact]
    public void An_entry_for_a_catalog_model_is_ignored_and_reported()
    {
        var models = ExtraModelsParser.Parse("sora-2: text, image | acme-video-2: text");

        var reported = Assert.Single(models.Problems);
        Assert.False(reported.IsSyntax);
        Assert.Equal(
            "lemondata_video.extra_models entry 'sora-2: text, image' is ignored: 'sora-2' is a model of the catalog, whose capabilities apply; remove the entry.",
            reported.Message);
        Assert.False(models.TryGet("sora-2", out _));
        Assert.True(models.TryGet("acme-video-2", out _));
    }

    [Fact]
    public void The_first_entry_for_an_id_applies()
    {
        var models = ExtraModelsParser.Parse("acme-video-2: text | acme-video-2: text, image");

        var reported = Assert.Single(models.Problems);
        Assert.Equal("acme-video-2: text, image", reported.Entry);
        Assert.False(reported.IsSyntax);
        Assert.True(models.TryGet("acme-video-2", out var info));
        Assert.Equal(Text, info.Capabilities);
    }

    [Fact]
    public void Every_problem_of_a_value_is_reported_in_order()
    {
        var models = ExtraModelsParser.Parse("a: imag | b: text | : x | sora-2");

        Assert.Equal(["a: imag", ": x", "sora-2"], models.Problems.Select(problem => problem.Entry));
    }
}
