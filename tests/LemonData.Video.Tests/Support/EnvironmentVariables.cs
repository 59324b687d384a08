using System;

namespace LemonData.Video.Tests.Support;

/// <summary>
/// Sets an environment variable for one test and restores it. Environment variables are
/// process-wide, so tests that use them share a collection that never runs in parallel.
/// </summary>
public static class EnvironmentVariables
{
    public const string Collection = "environment variables";

    public static IDisposable Set(string name, string? value)
    {
        var previous = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
        return new Restore(name, previous);
    }

    private sealed class Restore : IDisposable
    {
        private readonly string _name;
        private readonly string? _previous;

        public Restore(string name, string? previous)
        {
            _name = name;
            _previous = previous;
        }

        public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
    }
}

[CollectionDefinition(EnvironmentVariables.Collection, DisableParallelization = true)]
public sealed class EnvironmentVariablesCollection
{
}
