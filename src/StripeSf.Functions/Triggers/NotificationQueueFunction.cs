using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using StripeSf.Functions.Messaging;

namespace StripeSf.Functions.Triggers;

/// <summary>
/// The notification queue (Core/Settlement/queues.json, <c>notificationQueue</c>): one message per event
/// and channel, delivered to Slack, Teams or email, settled by <see cref="ServiceBusNotificationSettler"/>.
/// Named after its queue like the event-type functions.
/// </summary>
public sealed class NotificationQueueFunction(ServiceBusNotificationSettler settler)
{
    /// <summary>Queue <c>notifications</c>.</summary>
    [Function("Notifications")]
    public Task Notifications([ServiceBusTrigger("notifications", Connection = EventQueueFunctions.Connection, AutoCompleteMessages = false)] ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
        => settler.SettleAsync(message, actions, cancellationToken);
}
