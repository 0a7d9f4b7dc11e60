namespace StripeSf.Core.Messaging;

/// <summary>A message to put on an event-type queue. Transport-neutral; the Functions app maps it to a ServiceBusMessage.</summary>
public sealed record OutboundMessage(
    string MessageId,
    string Subject,
    ReadOnlyMemory<byte> Body,
    IReadOnlyDictionary<string, object> ApplicationProperties,
    DateTimeOffset? ScheduledEnqueueTime = null)
{
    /// <summary>Every payload is a Stripe event in JSON.</summary>
    public const string ContentType = "application/json";
}
