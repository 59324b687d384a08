using System;
using System.Threading;

namespace LemonData.Video.Tests.Models;

public sealed class ModelLookupOptionsTests
{
    [Fact]
    public void The_defaults_look_up_missing_models_for_at_most_five_seconds_against_the_snapshot()
    {
        var options = new LemonDataVideoClientOptions();

        Assert.Equal(ModelLookup.MissingModels, options.ModelLookup);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ModelLookupTimeout);
        Assert.Null(options.ModelCatalog);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)] // -1 ms is Timeout.InfiniteTimeSpan
    public void ModelLookupTimeout_must_be_positive(int milliseconds)
    {
        var options = new LemonDataVideoClientOptions();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => options.ModelLookupTimeout = TimeSpan.FromMilliseconds(milliseconds));

        Assert.Equal("ModelLookupTimeout", error.ParamName);
    }

    [Fact]
    public void ModelLookupTimeout_may_be_infinite()
    {
        var options = new LemonDataVideoClientOptions { ModelLookupTimeout = Timeout.InfiniteTimeSpan };

        Assert.Equal(Timeout.InfiniteTimeSpan, options.ModelLookupTimeout);
    }

    [Fact]
    public void ModelLookup_refuses_a_value_that_is_not_one_of_the_enum()
    {
        var options = new LemonDataVideoClientOptions();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => options.ModelLookup = (ModelLookup)7);

        Assert.Equal("ModelLookup", error.ParamName);
    }
}
