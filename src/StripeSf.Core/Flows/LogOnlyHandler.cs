using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows;

/// <summary>
/// The handler of a routed event type whose Salesforce flow is not built yet: it writes nothing,
/// and the processor logs the event as completed with nothing to write.
/// </summary>
public sealed class LogOnlyHandler(string eventType) : IEventHandler
{
    /// <inheritdoc />
    public string EventType { get; } = eventType;

    /// <inheritdoc />
    public CompositeRequest Plan(StripeEventContext context) => CompositeRequest.Empty;
}
