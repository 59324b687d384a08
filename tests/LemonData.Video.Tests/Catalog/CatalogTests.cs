#nullable enable

using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using LemonData.Video;
using Xunit;

namespace LemonData.Video.Tests.Catalog;

public class CatalogTests
{
    [Fact]
    public void Snapshot_has_the_33_models_of_the_seed_table_then_the_14_newer_ids()
    {
        Assert.Equal(47, VideoModelCatalog.All.Count);
        Assert.Equal("higgsfield-turbo", VideoModelCatalog.All[32].Id);
        Assert.Equal("seedance-2.0", VideoModelCatalog.All[33].Id);
        Assert.Same(VideoModelCatalog.Snapshot.Models[46], VideoModelCatalog.All[46]);
    }

    [Fact]
    public void Newer_ids_without_documented_capabilities_have_none_and_no_lists()
    {
        // A rule fires only on data it has: an undocumented model is checked by the API's limits alone.
        Assert.True(VideoModelCatalog.TryGet("viduq3-turbo", out var info));
        Assert.Equal(VideoCapabilities.None, info.Capabilities);
        Assert.Null(info.Durations);
        Assert.Null(info.Resolutions);
        Assert.Null(info.AspectRatios);
        Assert.Null(info.SupportedParameters);
        Assert.Empty(info.Operations);
    }

    [Fact]
    public void Catalog_ids_are_unique()
    {
        var ids = VideoModelCatalog.All.Select(m => m.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Catalog_starts_with_the_default_model()
    {
        Assert.Equal("sora-2", VideoModelCatalog.All[0].Id);
    }

    [Fact]
    public void Default_model_is_sora_2()
    {
        Assert.Equal("sora-2", VideoModels.Default);
        Assert.Equal("sora-2", VideoModels.Sora2);
    }

    [Fact]
    public void Every_VideoModels_constant_is_in_the_catalog_and_every_catalog_id_has_a_constant()
    {
        var constants = ModelConstants();
        var ids = VideoModelCatalog.All.Select(m => m.Id).ToList();

        foreach (var constant in constants)
        {
            Assert.True(VideoModelCatalog.Contains(constant.Value), $"VideoModels.{constant.Key} = '{constant.Value}' is not in the catalog.");
        }

        var constantValues = new HashSet<string>(constants.Values, StringComparer.Ordinal);
        foreach (var id in ids)
        {
            Assert.True(constantValues.Contains(id), $"Catalog id '{id}' has no VideoModels constant.");
        }

        // Default is an alias, every other constant names exactly one model.
        Assert.Equal(ids.Count + 1, constants.Count);
    }

    [Theory]
    [InlineData("sora-2", VideoCapabilities.TextToVideo)]
    [InlineData("veo3", VideoCapabilities.TextToVideo)]
    [InlineData("kling-v2.1-master", VideoCapabilities.TextToVideo | VideoCapabilities.ImageToVideo)]
    [InlineData("seedance-2-0", VideoCapabilities.TextToVideo | VideoCapabilities.ImageToVideo | VideoCapabilities.Keyframes | VideoCapabilities.Extend | VideoCapabilities.Edit)]
    [InlineData("seedance-1-0-lite-i2v", VideoCapabilities.ImageToVideo)]
    [InlineData("wan2.6-i2v", VideoCapabilities.ImageToVideo)]
    [InlineData("kling-video-extend", VideoCapabilities.Extend)]
    [InlineData("luma-video-extend-api", VideoCapabilities.Extend)]
    [InlineData("kling-effects", VideoCapabilities.Effects)]
    [InlineData("runwayml-gen4-turbo-5", VideoCapabilities.TextToVideo | VideoCapabilities.ImageToVideo)]
    public void Capabilities_follow_the_seed_table(string id, VideoCapabilities expected)
    {
        Assert.True(VideoModelCatalog.TryGet(id, out var info));
        Assert.Equal(expected, info.Capabilities);
    }

    [Fact]
    public void Only_seedance_2_0_and_its_documented_fast_sibling_support_keyframes()
    {
        var withKeyframes = VideoModelCatalog.All.Where(m => m.Supports(VideoCapabilities.Keyframes)).Select(m => m.Id);
        Assert.Equal(new[] { "seedance-2-0", "seedance-2.0-fast" }, withKeyframes);
    }

    [Theory]
    [InlineData("runwayml-gen4-turbo-5", 5)]
    [InlineData("runwayml-gen4-turbo-10", 10)]
    public void Runway_models_make_fixed_length_clips(string id, int seconds)
    {
        Assert.True(VideoModelCatalog.TryGet(id, out var info));
        Assert.Equal(seconds, info.FixedDurationSeconds);
    }

    [Fact]
    public void Only_runway_models_have_a_fixed_length()
    {
        var fixedLength = VideoModelCatalog.All.Where(m => m.FixedDurationSeconds is not null).Select(m => m.Id);
        Assert.Equal(new[] { "runwayml-gen4-turbo-5", "runwayml-gen4-turbo-10" }, fixedLength);
    }

    [Fact]
    public void TryGet_finds_a_known_model()
    {
        Assert.True(VideoModelCatalog.TryGet("kling-v2.6-pro", out var info));
        Assert.Equal("kling-v2.6-pro", info.Id);
        Assert.Equal("Kuaishou", info.Provider);
    }

    [Theory]
    [InlineData("sora-3")]
    [InlineData("")]
    [InlineData(" sora-2")]
    public void TryGet_misses_an_unknown_model(string id)
    {
        Assert.False(VideoModelCatalog.TryGet(id, out _));
        Assert.False(VideoModelCatalog.Contains(id));
    }

    [Fact]
    public void TryGet_and_Contains_accept_null()
    {
        Assert.False(VideoModelCatalog.TryGet(null, out _));
        Assert.False(VideoModelCatalog.Contains(null));
    }

    [Theory]
    [InlineData("Sora-2")]
    [InlineData("SORA-2")]
    [InlineData("VEO3.1")]
    public void Ids_are_case_sensitive_as_on_the_wire(string id)
    {
        Assert.False(VideoModelCatalog.TryGet(id, out _));
        Assert.False(VideoModelCatalog.Contains(id));
    }

    [Fact]
    public void All_is_read_only()
    {
        var list = Assert.IsAssignableFrom<IList<VideoModelInfo>>(VideoModelCatalog.All);
        Assert.True(list.IsReadOnly);
    }

    private static Dictionary<string, string> ModelConstants() =>
        typeof(VideoModels)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);
}
