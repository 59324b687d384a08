using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Analyzers.Tests.Support;

namespace LemonData.Video.Analyzers.Tests;

/// <summary>
/// The shapes where reading a request from its syntax could go wrong: names the syntax must resolve as the compiler does
/// (an alias, a subclass, a local or a parameter hiding a field, a setter's <c>value</c>, a pattern variable, a lambda's
/// parameter) and creations it must set aside or hand to the operation tree. Each test states the findings, and
/// <see cref="AllAnalyzers"/> checks that the analyzer reading every request from the operation tree finds the same.
/// </summary>
public class SyntaxReaderTests
{
    private static async Task<string[]> IdsAsync(string body, string members = "", string types = "")
    {
        var source = TestSource.Usings + $$"""
            {{types}}

            class Sample
            {
                {{members}}

                async Task Run(LemonDataVideoClient client, string userModel, int userFps, object input)
                {
                    {{body}}
                }
            }
            """;
        return (await AllAnalyzers.RunAsync(source)).Select(diagnostic => diagnostic.Id).ToArray();
    }

    [Fact]
    public async Task An_alias_of_the_request_is_the_request()
    {
        var source = "using Req = LemonData.Video.VideoGenerationRequest;\n" + TestSource.Usings + """
            class Sample
            {
                async Task Run(LemonDataVideoClient client) => await client.CreateVideoAsync(new Req { Prompt = "p", Fps = 500 });
            }
            """;
        Assert.Equal(["LDV0006"], (await AllAnalyzers.RunAsync(source)).Select(diagnostic => diagnostic.Id));
    }

    [Fact]
    public async Task A_subclass_of_a_subclass_keeps_the_value_rules()
    {
        var ids = await IdsAsync(
            """await client.CreateVideoAsync(new Special { Prompt = "p", Fps = 500 });""",
            types: """
                class Base : VideoGenerationRequest { }
                class Special : Base { }
                """);
        Assert.Equal(["LDV0006"], ids);
    }

    [Fact]
    public async Task A_type_of_the_same_shape_by_another_name_is_set_aside()
    {
        var ids = await IdsAsync(
            """var order = new Order { Model = "sora2", Fps = 500 }; order.Fps = 900; await Task.Yield();""",
            types: "class Order { public string? Model { get; set; } public int? Fps { get; set; } }");
        Assert.Empty(ids);
    }

    [Fact]
    public async Task A_local_hiding_a_constant_field_is_not_constant()
    {
        var ids = await IdsAsync(
            """
            var Fps = userFps;
            await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", Fps = Fps });
            """,
            members: "const int Fps = 500;");
        Assert.Empty(ids);
    }

    [Fact]
    public async Task A_constant_field_is_read_where_no_local_hides_it()
    {
        var ids = await IdsAsync(
            """await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", Fps = TooMany });""",
            members: "const int TooMany = 500;");
        Assert.Equal(["LDV0006"], ids);
    }

    [Fact]
    public async Task A_constant_local_is_read_and_a_sibling_block_does_not_leak()
    {
        var ids = await IdsAsync(
            """
            {
                const int fps = 500;
                await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", Fps = fps });
            }
            {
                var fps = userFps;
                await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", Fps = fps });
            }
            """);
        Assert.Equal(["LDV0006"], ids);
    }

    [Fact]
    public async Task A_pattern_variable_hiding_a_constant_field_is_not_constant()
    {
        var ids = await IdsAsync(
            """
            if (input is int TooMany)
            {
                await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", Fps = TooMany });
            }

            await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", Fps = Sample.TooMany });
            """,
            members: "const int TooMany = 500;");
        Assert.Equal(["LDV0006"], ids);
    }

    [Fact]
    public async Task A_lambda_parameter_hiding_a_constant_field_is_not_constant()
    {
        var ids = await IdsAsync(
            """
            System.Func<int, VideoGenerationRequest> make = TooMany => new VideoGenerationRequest { Prompt = "p", Fps = TooMany };
            await client.CreateVideoAsync(make(userFps));
            """,
            members: "const int TooMany = 500;");
        Assert.Empty(ids);
    }

    [Fact]
    public async Task A_setter_value_is_its_parameter_and_a_field_named_value_elsewhere_is_the_field()
    {
        var ids = await IdsAsync(
            """await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", Fps = value });""",
            members: """
                const int value = 500;
                VideoGenerationRequest? last;
                int Frames { set => last = new VideoGenerationRequest { Prompt = "p", Fps = value }; }
                """);
        Assert.Equal(["LDV0006"], ids);
    }

    [Fact]
    public async Task A_client_in_a_field_or_a_primary_constructor_parameter_sends()
    {
        var source = TestSource.Usings + """
            class FromField
            {
                private readonly LemonDataVideoClient _client = null!;
                Task Run() => _client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", Model = VideoModels.Wan26I2V });
            }

            class FromPrimaryConstructor(LemonDataVideoClient client)
            {
                async Task Run()
                {
                    var request = new VideoGenerationRequest { Prompt = "p" };
                    request.Model = VideoModels.Wan26I2V;
                    await client.CreateVideoAsync(request);
                }
            }
            """;
        Assert.Equal(["LDV0004", "LDV0004"], (await AllAnalyzers.RunAsync(source)).Select(diagnostic => diagnostic.Id));
    }

    [Fact]
    public async Task A_variable_named_like_its_type_is_left_to_the_compiler()
    {
        var ids = await IdsAsync(
            """
            var VideoModels = new Catalog();
            await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", Model = VideoModels.Sora2 });
            """,
            types: "class Catalog { public string Sora2 => \"sora2\"; }");
        Assert.Empty(ids);
    }

    [Fact]
    public async Task A_source_type_with_the_name_of_an_sdk_type_is_the_one_the_name_means()
    {
        var ids = await IdsAsync(
            """await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", Model = VideoModels.Sora2 });""",
            types: """static class VideoModels { public const string Sora2 = "sora2"; }""");
        Assert.Equal(["LDV0001"], ids);
    }

    [Fact]
    public async Task A_using_static_member_is_the_one_the_name_means()
    {
        var source = "using static Settings;\n" + TestSource.Usings + """
            static class Settings { public const int Frames = 500; }

            class Sample
            {
                async Task Run(LemonDataVideoClient client) => await client.CreateVideoAsync(new VideoGenerationRequest { Prompt = "p", Fps = Frames });
            }
            """;
        Assert.Equal(["LDV0006"], (await AllAnalyzers.RunAsync(source)).Select(diagnostic => diagnostic.Id));
    }
}
