using StripeSf.Core.Messaging;

namespace StripeSf.Core.Processing;

/// <summary>
/// The scheduled copy that carries a retry. It needs a new MessageId, because the queue's
/// duplicate detection would swallow a copy with the original id for seven days.
/// </summary>
public static class RetryMessageFactory
{
    /// <summary>The copy of <paramref name="message"/> to enqueue at <paramref name="enqueueAt"/>.</summary>
    public static OutboundMessage CopyForRetry(InboundMessage message, DateTimeOffset enqueueAt, bool countsAsAttempt = true)
    {
        var next = countsAsAttempt ? message.Attempt + 1 : message.Attempt;
        var properties = new Dictionary<string, object>(message.ApplicationProperties)
        {
            [MessageProperties.Attempt] = next,
            [MessageProperties.OriginalMessageId] = message.EventId,
        };
        // The scheduled time makes a deferred copy's id unique even when the attempt does not advance.
        var id = countsAsAttempt ? $"{message.EventId}:attempt-{next}" : $"{message.EventId}:attempt-{next}:deferred-{enqueueAt.ToUnixTimeSeconds()}";
        return new OutboundMessage(id, message.Subject, message.Body, properties, enqueueAt);
    }
}
