namespace StripeSf.Core.Processing;

/// <summary>The handlers by event type; exactly one per type.</summary>
public sealed class HandlerRegistry
{
    private readonly Dictionary<string, IEventHandler> _byType;

    /// <summary>Indexes <paramref name="handlers"/>; two handlers for one type is a wiring error.</summary>
    public HandlerRegistry(IEnumerable<IEventHandler> handlers)
    {
        _byType = new Dictionary<string, IEventHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (!_byType.TryAdd(handler.EventType, handler))
            {
                throw new InvalidOperationException(
                    $"Two handlers for {handler.EventType}: {_byType[handler.EventType].GetType().Name} and {handler.GetType().Name}.");
            }
        }
    }

    /// <summary>Event types with a handler.</summary>
    public IReadOnlyCollection<string> EventTypes => _byType.Keys;

    /// <summary>The handler for <paramref name="eventType"/>.</summary>
    public bool TryGet(string eventType, out IEventHandler? handler) => _byType.TryGetValue(eventType, out handler);
}
