using StripeSf.Core.Messaging;

namespace StripeSf.Core.Settlement;

/// <summary>
/// How one host settles one received message: the Service Bus functions (message actions and the
/// publisher), <c>stripesf serve</c>'s local queue, <c>stripesf replay</c>. It only executes;
/// <see cref="SettlementPolicy"/> decides and <see cref="SettlementExecutor"/> calls it.
/// </summary>
public interface IMessageSettlement
{
    /// <summary>Removes the message from the queue.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);

    /// <summary>Enqueues <paramref name="copy"/> on the message's queue for its <see cref="OutboundMessage.ScheduledEnqueueTime"/>.</summary>
    Task ScheduleAsync(OutboundMessage copy, CancellationToken cancellationToken);

    /// <summary>Moves the message to the dead-letter queue with <paramref name="reason"/> and <paramref name="description"/>.</summary>
    Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken);

    /// <summary>Releases the message for redelivery (its delivery count goes up by one).</summary>
    Task AbandonAsync(CancellationToken cancellationToken);
}
