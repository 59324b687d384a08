using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LemonData.Video.Testing.Tests.Support;

namespace LemonData.Video.Testing.Tests;

/// <summary>The simulator can spell statuses as the service's pages do, so a client is tested against every spelling.</summary>
public class StatusSpellingTests
{
    [Fact]
    public async Task Canonical_spelling_is_the_default()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { PollsPerStage = 1 });
        var spellings = await SpellingsOfAsync(simulator, tasks: 4);

        Assert.Equal(new[] { "completed", "pending", "processing" }, spellings.OrderBy(x => x, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Synonyms_bring_every_documented_spelling_and_clients_read_each_by_its_meaning()
    {
        await using var simulator = LemonDataSimulator.Start(new LemonDataSimulatorOptions { PollsPerStage = 1, StatusSpelling = SimulatedStatusSpelling.Synonyms });
        var spellings = await SpellingsOfAsync(simulator, tasks: 12);

        Assert.Superset(new HashSet<string> { "queued", "running", "in_progress", "succeeded", "success" }, spellings);
        var task = await Clients.For(simulator).GenerateVideoAsync(Clients.Request());
        Assert.Equal(VideoTaskStatus.Completed, task.Status);
        Assert.True(task.IsTerminal);
    }

    private static async Task<HashSet<string>> SpellingsOfAsync(LemonDataSimulator simulator, int tasks)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var client = Clients.For(simulator);
        for (var i = 0; i < tasks; i++)
        {
            var created = await client.CreateVideoAsync(Clients.Request());
            for (var read = 0; read < 4; read++)
            {
                seen.Add((await client.GetVideoTaskAsync(created.Id)).Status.ToString());
            }
        }

        return seen;
    }
}
