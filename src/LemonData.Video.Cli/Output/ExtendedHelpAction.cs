using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;

namespace LemonData.Video.Cli.Output;

/// <summary>The standard help, followed by the exit codes and the environment variables the tool reads.</summary>
internal sealed class ExtendedHelpAction : SynchronousCommandLineAction
{
    private readonly HelpAction _standard;

    public ExtendedHelpAction(HelpAction standard)
    {
        _standard = standard;
    }

    public override int Invoke(ParseResult parseResult)
    {
        var result = _standard.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine("Exit codes:");
        foreach (var (code, meaning) in ExitCodes.Documented)
        {
            output.WriteLine("  " + code.ToString(CultureInfo.InvariantCulture).PadRight(5) + meaning);
        }

        output.WriteLine();
        output.WriteLine("Environment:");
        Variable(output, LemonDataVideoClientOptions.ApiKeyEnvironmentVariable, "API key (sk-...). Without it, commands run against the built-in offline simulator.");
        Variable(output, LemonDataVideoClientOptions.EndpointEnvironmentVariable, "Service address (default " + LemonDataVideoClientOptions.DefaultEndpoint.ToString().TrimEnd('/') + "); --endpoint overrides it.");
        Variable(output, ClientFactory.SimulatorProcessingTimeVariable, "How long a simulated task takes, in milliseconds (default "
            + ClientFactory.DefaultSimulatorProcessingTime.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + "; 0 = instant).");
        Variable(output, Batch.BatchLedger.ConnectionVariable, "batch run / batch status: a shared PostgreSQL ledger's connection string, when neither --ledger nor --ledger-connection is given.");
        output.WriteLine();
        return result;
    }

    private static void Variable(System.IO.TextWriter output, string name, string meaning) =>
        output.WriteLine("  " + name.PadRight(36) + meaning);
}
