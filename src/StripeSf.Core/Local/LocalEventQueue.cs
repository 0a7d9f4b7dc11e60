using System.Collections.Concurrent;
using System.Threading.Channels;
using StripeSf.Core.Messaging;

namespace StripeSf.Core.Local;

/// <summary>
/// An in-process stand-in for the Service Bus queues, for <c>stripesf serve</c>: one channel for all
/// event-type queues, duplicate detection by MessageId (like the real queues), scheduled delivery.
/// </summary>
public sealed class LocalEventQueue(TimeProvider time) : IEventPublisher
{
    private readonly Channel<(string Queue, OutboundMessage Message, int DeliveryCount)> _channel =
        Channel.CreateUnbounded<(string, OutboundMessage, int)>();
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<PublishResult> PublishAsync(string queue, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (!_seen.TryAdd(message.MessageId, 0))
        {
            return Task.FromResult(PublishResult.Duplicate);
        }

        var delay = message.ScheduledEnqueueTime is { } at ? at - time.GetUtcNow() : TimeSpan.Zero;
        if (delay <= TimeSpan.Zero)
        {
            _channel.Writer.TryWrite((queue, message, 1));
        }
        else
        {
            _ = DeliverLaterAsync(queue, message, delay);
        }

        return Task.FromResult(PublishResult.Enqueued);
    }

    /// <summary>Puts a message back for redelivery (an unexpected failure, like an abandoned lock).</summary>
    internal void Redeliver(string queue, OutboundMessage message, int deliveryCount) =>
        _channel.Writer.TryWrite((queue, message, deliveryCount));

    /// <summary>The next message to process.</summary>
    internal IAsyncEnumerable<(string Queue, OutboundMessage Message, int DeliveryCount)> ReadAllAsync(CancellationToken cancellationToken) =>
        _channel.Reader.ReadAllAsync(cancellationToken);

    private async Task DeliverLaterAsync(string queue, OutboundMessage message, TimeSpan delay)
    {
        await Task.Delay(delay, time).ConfigureAwait(false);
        _channel.Writer.TryWrite((queue, message, 1));
    }
}
