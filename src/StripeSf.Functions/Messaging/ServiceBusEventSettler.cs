using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using StripeSf.Core.Processing;
using StripeSf.ServiceBus;

namespace StripeSf.Functions.Messaging;

/// <summary>Hands a received message to the processor and settles it from the outcome.</summary>
public sealed class ServiceBusEventSettler(EventProcessor processor, ServiceBusEventPublisher publisher, TimeProvider time)
{
    /// <summary>
    /// Processes and settles <paramref name="message"/> from <paramref name="queue"/>.
    /// An unexpected exception is not caught: the runtime abandons the message, Service Bus
    /// redelivers it up to MaxDeliveryCount and then dead-letters it (MaxDeliveryCountExceeded).
    /// A failure nobody classified should neither be dropped nor be given a reason we made up.
    /// </summary>
    public async Task SettleAsync(string queue, ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
    {
        var inbound = ServiceBusMessageMapper.ToInbound(message);
        var outcome = await processor.ProcessAsync(inbound, cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case ProcessingOutcome.Completed:
                await actions.CompleteMessageAsync(message, cancellationToken).ConfigureAwait(false);
                break;

            case ProcessingOutcome.RetryLater retry:
                // Schedule first, complete second: if completing fails, the redelivered message
                // schedules a copy with the same MessageId, which duplicate detection drops.
                var copy = RetryMessageFactory.CopyForRetry(inbound, time.GetUtcNow() + retry.Delay, retry.CountsAsAttempt);
                await publisher.PublishAsync(queue, copy, cancellationToken).ConfigureAwait(false);
                await actions.CompleteMessageAsync(message, cancellationToken).ConfigureAwait(false);
                break;

            case ProcessingOutcome.DeadLetter deadLetter:
                await actions.DeadLetterMessageAsync(message, null, deadLetter.Reason, Truncate(deadLetter.Description), cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    // Service Bus caps the description (a message property) at 4 KB; keep the start, which names the event and error.
    private static string Truncate(string description) => description.Length <= 4000 ? description : description[..3997] + "...";
}
