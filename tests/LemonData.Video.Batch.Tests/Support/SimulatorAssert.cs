using System.Linq;
using LemonData.Video.Testing;

namespace LemonData.Video.Batch.Tests.Support;

internal static class SimulatorAssert
{
    /// <summary>The simulator's record of creates: at most one per job (prompt), and <paramref name="atLeast"/> jobs created.</summary>
    public static void EachJobCreatedOnce(LemonDataSimulator simulator, int atLeast)
    {
        var creates = simulator.Requests.Where(request => request.Method == "POST" && request.Path == "/v1/videos/generations").Select(TestJobs.PromptOf).ToList();
        Assert.Empty(creates.GroupBy(prompt => prompt).Where(group => group.Count() > 1).Select(group => group.Key));
        Assert.True(creates.Count >= atLeast, creates.Count + " creates, expected at least " + atLeast);
    }
}
