namespace StripeSf.Core.Messaging;

/// <summary>A message received from an event-type queue, as the processor sees it.</summary>
public sealed record InboundMessage(
    string MessageId,
    string Subject,
    ReadOnlyMemory<byte> Body,
    IReadOnlyDictionary<string, object> ApplicationProperties,
    int DeliveryCount = 1)
{
    /// <summary>Processing attempt (1 for the first copy; scheduled retries carry the count forward).</summary>
    public int Attempt => ApplicationProperties.TryGetValue(MessageProperties.Attempt, out var value)
        && int.TryParse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), out var attempt)
        && attempt > 0 ? attempt : 1;

    /// <summary>The Stripe event id: the original message id, kept across retries and replays.</summary>
    public string EventId => ApplicationProperties.TryGetValue(MessageProperties.OriginalMessageId, out var original)
        && original is string id && id.Length > 0 ? id : MessageId;
}
