using System;
using System.Threading.Tasks;
using LemonData.Video.Testing;

namespace LemonData.Video.Cli;

/// <summary>A client, and the simulator behind it when there is one (stopped when the session ends).</summary>
internal sealed class ClientSession : IAsyncDisposable
{
    private readonly LemonDataSimulator? _simulator;

    public ClientSession(LemonDataVideoClient client, LemonDataSimulator? simulator, Uri? endpointFlag, Uri endpoint)
    {
        Client = client;
        Endpoint = endpoint;
        _simulator = simulator;
        EndpointFlag = endpointFlag;
    }

    public LemonDataVideoClient Client { get; }

    /// <summary>The address the client sends to (the simulator's, for the built-in one).</summary>
    public Uri Endpoint { get; }

    /// <summary>The built-in simulator serves this session: its tasks end with the process.</summary>
    public bool IsBuiltInSimulator => _simulator is not null;

    /// <summary>The <c>--endpoint</c> given on the command line, repeated in the resume command.</summary>
    public Uri? EndpointFlag { get; }

    public async ValueTask DisposeAsync()
    {
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
