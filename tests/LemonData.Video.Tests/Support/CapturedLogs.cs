using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace LemonData.Video.Tests.Support;

/// <summary>One log line as a sink sees it: the rendered message and every structured value.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State)
{
    /// <summary>Everything a log sink could store: the message and each structured value as text.</summary>
    public IEnumerable<string> AllText() => new[] { Message }.Concat(State.Select(pair => pair.Key + "=" + pair.Value));
}

/// <summary>An <see cref="ILoggerProvider"/> that keeps every log line of every category.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _logs = new();

    public IReadOnlyList<CapturedLog> All => _logs.ToArray();

    public IEnumerable<CapturedLog> Of(string categoryPrefix) =>
        All.Where(log => log.Category.StartsWith(categoryPrefix, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _logs);

    public void Dispose()
    {
    }

    private sealed class Logger : ILogger
    {
        private readonly string _category;
        private readonly ConcurrentQueue<CapturedLog> _logs;

        public Logger(string category, ConcurrentQueue<CapturedLog> logs)
        {
            _category = category;
            _logs = logs;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? Array.Empty<KeyValuePair<string, object?>>();
            var message = formatter(state, exception) + (exception is null ? string.Empty : Environment.NewLine + exception);
            _logs.Enqueue(new CapturedLog(_category, logLevel, eventId, message, values.ToArray()));
        }
    }
}
