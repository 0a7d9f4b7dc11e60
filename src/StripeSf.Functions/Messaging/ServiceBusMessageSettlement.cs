using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using StripeSf.Core.Messaging;
using StripeSf.Core.Settlement;
using StripeSf.ServiceBus;

namespace StripeSf.Functions.Messaging;

/// <summary>
/// Settles one received Service Bus message: through the trigger's <see cref="ServiceBusMessageActions"/>
/// (AutoCompleteMessages = false), and a scheduled copy through the <see cref="ServiceBusEventPublisher"/>
/// on the same queue. Abandoning the last delivery would make Service Bus dead-letter the message
/// itself (MaxDeliveryCountExceeded, generic description); the policy dead-letters that delivery here instead.
/// </summary>
public sealed class ServiceBusMessageSettlement(string queue, ServiceBusReceivedMessage message, ServiceBusMessageActions actions, ServiceBusEventPublisher publisher)
    : IMessageSettlement
{
    /// <inheritdoc />
    public Task CompleteAsync(CancellationToken cancellationToken) => actions.CompleteMessageAsync(message, cancellationToken);

    /// <inheritdoc />
    public Task ScheduleAsync(OutboundMessage copy, CancellationToken cancellationToken) => publisher.PublishAsync(queue, copy, cancellationToken);

    /// <inheritdoc />
    public Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken) =>
        actions.DeadLetterMessageAsync(message, propertiesToModify: null, reason, description, cancellationToken);

    /// <inheritdoc />
    public Task AbandonAsync(CancellationToken cancellationToken) => actions.AbandonMessageAsync(message, propertiesToModify: null, cancellationToken);
}
