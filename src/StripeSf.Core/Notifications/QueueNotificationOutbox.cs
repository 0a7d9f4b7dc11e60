using StripeSf.Core.Messaging;
using StripeSf.Core.Settlement;

namespace StripeSf.Core.Notifications;

/// <summary>Azure: notifications go to their own queue (queues.json, <c>notificationQueue</c>), so a slow webhook never holds up a Salesforce write.</summary>
public sealed class QueueNotificationOutbox(IEventPublisher publisher) : INotificationOutbox
{
    /// <inheritdoc />
    public async Task EnqueueAsync(IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            await publisher.PublishAsync(QueueSettings.NotificationQueue, message, cancellationToken).ConfigureAwait(false);
        }
    }
}
