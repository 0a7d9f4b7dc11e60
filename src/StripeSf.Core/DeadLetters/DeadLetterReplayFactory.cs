using StripeSf.Core.Messaging;

namespace StripeSf.Core.DeadLetters;

/// <summary>
/// The copy that puts a dead-lettered event back on its queue. It needs a new MessageId: the queue
/// remembers the original for seven days (duplicate detection) and would silently drop it. The
/// attempt count starts again, and the replay count and the event id travel along.
/// </summary>
public static class DeadLetterReplayFactory
{
    /// <summary>The replay copy of <paramref name="deadLettered"/>.</summary>
    public static OutboundMessage CopyForReplay(InboundMessage deadLettered)
    {
        var replay = ReplayCountOf(deadLettered) + 1;
        var properties = new Dictionary<string, object>(deadLettered.ApplicationProperties)
        {
            [MessageProperties.Attempt] = 1,
            [MessageProperties.OriginalMessageId] = deadLettered.EventId,
            [MessageProperties.ReplayCount] = replay,
        };
        return new OutboundMessage($"{deadLettered.EventId}:replay-{replay}", deadLettered.Subject, deadLettered.Body, properties);
    }

    private static int ReplayCountOf(InboundMessage message) =>
        message.ApplicationProperties.TryGetValue(MessageProperties.ReplayCount, out var value)
        && int.TryParse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), out var count) ? count : 0;
}
