using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using LemonData.Video.Tests.Support;

namespace LemonData.Video.Tests.Validation;

/// <summary>
/// LDV0015 sees every property of the generated request: one added to the document must be read either by value
/// (<c>VideoRequestValues</c>) or in <c>VideoRequestOtherProperties.Of</c>, or a model's <c>supported_parameters</c> would
/// let it through unchecked and the service would ignore it silently, and still charge.
/// </summary>
public sealed class SupportedParameterCoverageTests
{
    private const string PromptOnlyModel = "acme-prompt-only";

    private static readonly string[] NeverChecked = { "Model", "Prompt", "User" };

    public static IEnumerable<object[]> CheckedProperties() =>
        typeof(VideoGenerationRequest).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.CanWrite && !NeverChecked.Contains(property.Name))
            .Select(property => new object[] { property.Name });

    [Theory]
    [MemberData(nameof(CheckedProperties))]
    public async Task Every_request_property_a_model_does_not_support_is_LDV0015_and_nothing_is_sent(string propertyName)
    {
        var property = typeof(VideoGenerationRequest).GetProperty(propertyName)!;
        var request = new VideoGenerationRequest { Model = PromptOnlyModel, Prompt = "A lighthouse" };
        property.SetValue(request, SampleValue(property.PropertyType));

        var error = await Assert.ThrowsAsync<VideoRequestValidationException>(() => Client().CreateVideoAsync(request));

        var violation = Assert.Single(error.Violations, v => v.DiagnosticId == "LDV0015");
        Assert.Equal(propertyName, violation.Property);
        Assert.Contains("(" + VideoRequestRules.WireNameOf(propertyName) + ")", violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Model")]
    [InlineData("Prompt")]
    [InlineData("User")]
    public async Task Model_Prompt_and_User_are_never_LDV0015(string propertyName)
    {
        var request = new VideoGenerationRequest { Model = PromptOnlyModel, Prompt = "A lighthouse", User = "user-42", Fps = 500 };

        var error = await Assert.ThrowsAsync<VideoRequestValidationException>(() => Client().CreateVideoAsync(request));

        Assert.DoesNotContain(error.Violations, v => v.DiagnosticId == "LDV0015" && v.Property == propertyName);
    }

    [Fact]
    public void The_test_covers_every_property_of_the_document()
    {
        var covered = CheckedProperties().Select(row => (string)row[0]).Concat(NeverChecked).OrderBy(name => name, StringComparer.Ordinal);

        Assert.Equal(VideoRequestParameters.PropertyNames.OrderBy(name => name, StringComparer.Ordinal), covered);
    }

    // Validation fails before anything is sent; a closed port makes sure nothing could be if it did not.
    private static LemonDataVideoClient Client() => new(FakeLemonDataService.ApiKey, new LemonDataVideoClientOptions
    {
        Endpoint = FakeLemonDataService.ClosedPortEndpoint(),
        MaxRetries = 0,
        ModelLookup = ModelLookup.None,
        ModelCatalog = VideoModelCatalog.Create(new[]
        {
            new VideoModelInfo(PromptOnlyModel, VideoCapabilities.None).WithContract(supportedParameters: new[] { "prompt" }),
        }),
    });

    private static object SampleValue(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return "data:image/png;base64,iVBORw0KGgo=";
        }

        if (underlying == typeof(int))
        {
            return 1;
        }

        if (underlying == typeof(long))
        {
            return 1L;
        }

        if (underlying == typeof(double))
        {
            return 0.5;
        }

        if (underlying == typeof(bool))
        {
            return true;
        }

        if (typeof(IEnumerable<string>).IsAssignableFrom(underlying))
        {
            return new List<string> { "https://example.com/reference.png" };
        }

        throw new InvalidOperationException("No sample value for " + type + ": add one here so the new property is covered.");
    }
}
