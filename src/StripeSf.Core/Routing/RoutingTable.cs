using System.Reflection;
using System.Text.Json;

namespace StripeSf.Core.Routing;

/// <summary>
/// The Stripe event types this product processes. Each routed type has a Service Bus queue named
/// after it verbatim, one Service Bus-triggered function and one handler. Loaded from
/// <c>Routing/routes.json</c>, which infra reads too, so queues, functions and code cannot drift.
/// </summary>
public sealed class RoutingTable
{
    private readonly HashSet<string> _types;

    /// <summary>Creates a table from the given event types.</summary>
    public RoutingTable(IEnumerable<string> eventTypes)
    {
        EventTypes = [.. eventTypes.Order(StringComparer.Ordinal)];
        _types = new HashSet<string>(EventTypes, StringComparer.Ordinal);
    }

    /// <summary>The table shipped with the product (routes.json).</summary>
    public static RoutingTable Default { get; } = LoadEmbedded();

    /// <summary>Routed event types, sorted.</summary>
    public IReadOnlyList<string> EventTypes { get; }

    /// <summary>The queue for <paramref name="eventType"/>, or null when the type is not routed.</summary>
    public string? QueueFor(string eventType) => _types.Contains(eventType) ? eventType : null;

    private static RoutingTable LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("StripeSf.Core.Routing.routes.json")
            ?? throw new InvalidOperationException("routes.json is not embedded in StripeSf.Core.");
        using var document = JsonDocument.Parse(stream);
        var types = document.RootElement.GetProperty("eventTypes").EnumerateArray().Select(e => e.GetString()!);
        return new RoutingTable(types);
    }
}
