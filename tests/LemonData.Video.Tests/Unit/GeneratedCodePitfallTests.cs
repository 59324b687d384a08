using System;
using System.Linq;
using System.Reflection;
using System.Text.Json.Serialization;

namespace LemonData.Video.Tests.Unit;

/// <summary>The known NSwag pitfalls, each checked on the code the build generated.</summary>
public sealed class GeneratedCodePitfallTests
{
    private static readonly Type[] WireTypes =
    {
        typeof(VideoGenerationRequest), typeof(VideoTaskResponse), typeof(VideoAsset), typeof(TaskError),
        typeof(ErrorResponse), typeof(ErrorDetail), typeof(ValidationError),
    };

    [Theory]
    [InlineData("Model")]
    [InlineData("Prompt")]
    [InlineData("ImageUrl")]
    [InlineData("Image")]
    [InlineData("Duration")]
    [InlineData("AspectRatio")]
    [InlineData("Resolution")]
    [InlineData("Fps")]
    [InlineData("NegativePrompt")]
    [InlineData("Seed")]
    [InlineData("CfgScale")]
    [InlineData("MotionStrength")]
    [InlineData("StartImage")]
    [InlineData("EndImage")]
    [InlineData("User")]
    public void Request_properties_have_the_contract_names(string name)
    {
        Assert.NotNull(typeof(VideoGenerationRequest).GetProperty(name, BindingFlags.Public | BindingFlags.Instance));
    }

    [Fact]
    public void No_generated_property_keeps_an_underscore_from_its_wire_name()
    {
        var offenders = WireTypes.SelectMany(type => type.GetProperties()).Where(property => property.Name.Contains('_')).Select(property => property.DeclaringType!.Name + "." + property.Name).ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_optional_request_property_is_nullable_and_prompt_is_a_string()
    {
        foreach (var property in typeof(VideoGenerationRequest).GetProperties())
        {
            if (property.Name == nameof(VideoGenerationRequest.Prompt))
            {
                Assert.Equal(typeof(string), property.PropertyType);
                continue;
            }

            var type = property.PropertyType;
            var nullable = !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;
            Assert.True(nullable, property.Name + " is " + type.Name + ": an unset value type would be sent as its default.");
        }
    }

    [Fact]
    public void CfgScale_and_MotionStrength_are_doubles()
    {
        Assert.Equal(typeof(double?), typeof(VideoGenerationRequest).GetProperty("CfgScale")!.PropertyType);
        Assert.Equal(typeof(double?), typeof(VideoGenerationRequest).GetProperty("MotionStrength")!.PropertyType);
    }

    [Fact]
    public void Every_property_is_ignored_when_null()
    {
        foreach (var property in typeof(VideoGenerationRequest).GetProperties())
        {
            var ignore = property.GetCustomAttribute<JsonIgnoreAttribute>();
            Assert.True(ignore is { Condition: JsonIgnoreCondition.WhenWritingNull }, property.Name + " is written even when null.");
        }
    }

    [Fact]
    public void No_service_side_value_is_a_closed_enum()
    {
        // A closed enum throws on the first value the service adds; open strings never do.
        var enums = WireTypes.SelectMany(type => type.GetProperties())
            .Where(property => (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType).IsEnum)
            .Select(property => property.DeclaringType!.Name + "." + property.Name)
            .ToList();

        Assert.Empty(enums);
    }

    [Fact]
    public void Only_the_request_is_public_the_wire_responses_stay_internal()
    {
        Assert.True(typeof(VideoGenerationRequest).IsPublic);
        Assert.All(WireTypes.Where(type => type != typeof(VideoGenerationRequest)), type => Assert.False(type.IsPublic, type.Name));
    }

    [Fact]
    public void The_endpoints_come_from_the_document()
    {
        Assert.Equal("v1/videos/generations", LemonDataVideoOperations.CreateVideoGeneration.Path());
        Assert.Equal("POST", LemonDataVideoOperations.CreateVideoGeneration.Method.Method);
        Assert.Equal("v1/tasks/t1", LemonDataVideoOperations.GetTask.PathFor("t1"));
        Assert.Equal("DELETE", LemonDataVideoOperations.CancelTask.Method.Method);
        Assert.Equal("v1/videos/generations/t1", LemonDataVideoOperations.GetVideoGeneration.PathFor("t1"));
        Assert.False(LemonDataVideoOperations.CreateVideoGeneration.IsIdempotent);
        Assert.True(LemonDataVideoOperations.GetTask.IsIdempotent);
    }
}
