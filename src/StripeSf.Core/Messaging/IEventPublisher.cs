namespace StripeSf.Core.Messaging;

/// <summary>Puts messages on event-type queues. The I/O seam between ingress and the queue.</summary>
public interface IEventPublisher
{
    /// <summary>Enqueues <paramref name="message"/> on <paramref name="queue"/>. Throws when it cannot be enqueued.</summary>
    Task<PublishResult> PublishAsync(string queue, OutboundMessage message, CancellationToken cancellationToken);
}
