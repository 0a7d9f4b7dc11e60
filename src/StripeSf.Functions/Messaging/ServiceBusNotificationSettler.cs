using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using StripeSf.Core.Notifications;
using StripeSf.Core.Settlement;
using StripeSf.ServiceBus;

namespace StripeSf.Functions.Messaging;

/// <summary>
/// The Service Bus adapter of the notification queue: hands a received message to the
/// <see cref="NotificationDispatcher"/> (delivery and the shared settlement policy) with a
/// <see cref="ServiceBusMessageSettlement"/> on the same queue.
/// </summary>
public sealed class ServiceBusNotificationSettler(NotificationDispatcher dispatcher, ServiceBusEventPublisher publisher)
{
    /// <summary>Delivers and settles <paramref name="message"/>; an unexpected exception is settled first, then rethrown (as for events).</summary>
    public async Task SettleAsync(ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
    {
        var settlement = new ServiceBusMessageSettlement(QueueSettings.NotificationQueue, message, actions, publisher);
        var result = await dispatcher.DeliverAndSettleAsync(ServiceBusMessageMapper.ToInbound(message), settlement, cancellationToken).ConfigureAwait(false);
        result.Failure?.Throw();
    }
}
