using StripeSf.Core.Messaging;

namespace StripeSf.Core.Processing;

/// <summary>
/// The scheduled copy that carries a retry. It needs a new MessageId, because the queue's
/// duplicate detection would swallow a copy with the original id for seven days.
/// </summary>
public static class RetryMessageFactory
{
    /// <summary>The copy of <paramref name="message"/> to enqueue at <paramref name="enqueueAt"/>.</summary>
    public static OutboundMessage CopyForRetry(InboundMessage message, DateTimeOffset enqueueAt)
    {
        var next = message.Attempt + 1;
        var properties = new Dictionary<string, object>(message.ApplicationProperties)
        {
            [MessageProperties.Attempt] = next,
            [MessageProperties.OriginalMessageId] = message.EventId,
        };
        return new OutboundMessage($"{message.EventId}:attempt-{next}", message.Subject, message.Body, properties, enqueueAt);
    }
}
