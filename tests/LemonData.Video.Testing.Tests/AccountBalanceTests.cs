using System;
using System.Threading.Tasks;
using LemonData.Video;
using LemonData.Video.Testing.Tests.Support;

namespace LemonData.Video.Testing.Tests;

/// <summary>The simulated account: each task costs VideoCostUsd, and a create the balance cannot pay for is the service's 402.</summary>
public class AccountBalanceTests
{
    [Fact]
    public async Task Creates_are_charged_until_the_balance_runs_out_then_refused_with_402_and_both_amounts()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { BalanceUsd = 1.2m, VideoCostUsd = 0.5m });
        var client = Clients.For(simulator);

        await client.CreateVideoAsync(Clients.Request());
        await client.CreateVideoAsync(Clients.Request());
        Assert.Equal(0.2m, simulator.BalanceUsd);

        var refused = await Assert.ThrowsAsync<LemonDataApiException>(() => client.CreateVideoAsync(Clients.Request()));

        Assert.Equal(402, refused.StatusCode);
        Assert.False(refused.TaskMayExist);
        Assert.Equal("insufficient_balance", refused.ErrorCode);
        Assert.Equal(0.2m, refused.BalanceUsd);
        Assert.Equal(0.5m, refused.EstimatedCostUsd);
        Assert.Equal(2, simulator.CreatedTasks.Count);
        Assert.Equal(3, simulator.CreatesReceived);

        // Topped up while running, the account pays again.
        simulator.BalanceUsd = 0.5m;
        await client.CreateVideoAsync(Clients.Request());
        Assert.Equal(0m, simulator.BalanceUsd);
        Assert.Equal(3, simulator.CreatedTasks.Count);
    }

    [Fact]
    public async Task Without_a_balance_nothing_is_ever_refused_for_money_and_a_bad_request_costs_nothing()
    {
        await using var simulator = LemonDataSimulator.Start();
        Assert.Null(simulator.BalanceUsd);
        for (var i = 0; i < 5; i++)
        {
            await Clients.For(simulator).CreateVideoAsync(Clients.Request());
        }

        await using var paying = LemonDataSimulator.Start(new LemonDataSimulatorOptions { BalanceUsd = 0.5m });
        var request = Clients.Request();
        request.Fps = 0;
        await Assert.ThrowsAsync<LemonDataApiException>(() => Clients.For(paying, options => options.ValidateRequests = false).CreateVideoAsync(request));
        Assert.Equal(0.5m, paying.BalanceUsd);
        Assert.Throws<ArgumentOutOfRangeException>(() => paying.BalanceUsd = -1m);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LemonDataSimulatorOptions { VideoCostUsd = 0m });
    }
}
