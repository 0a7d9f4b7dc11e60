using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace StripeSf.Core.Tests.Reconciliation;

/// <summary>Keeps every log entry's level, message template ({OriginalFormat}) and structured properties.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Template, IReadOnlyDictionary<string, object?> Properties)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : new Dictionary<string, object?>();
            owner.Entries.Enqueue((logLevel, properties.GetValueOrDefault("{OriginalFormat}")?.ToString() ?? formatter(state, exception), properties));
        }
    }
}
