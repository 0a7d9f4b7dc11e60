using StripeSf.Core.Messaging;

namespace StripeSf.Core.Settlement;

/// <summary>
/// Settling one delivery where there is no queue (<c>stripesf replay</c>, in-process notifications):
/// complete and dead-letter end the message; abandon delivers the same message again with the
/// delivery count one higher; a scheduled copy is delivered (as a new message) after its delay,
/// capped at <paramref name="maxRetryDelay"/> so a person at the console is not kept waiting for hours.
/// </summary>
internal sealed class InProcessSettlement(InboundMessage message, TimeSpan maxRetryDelay, TimeProvider time) : IMessageSettlement
{
    /// <summary>The next delivery, when the message is not settled for good.</summary>
    public InboundMessage? Next { get; private set; }

    public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task ScheduleAsync(OutboundMessage copy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var delay = (copy.ScheduledEnqueueTime ?? time.GetUtcNow()) - time.GetUtcNow();
        delay = delay < maxRetryDelay ? delay : maxRetryDelay;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }

        Next = new InboundMessage(copy.MessageId, copy.Subject, copy.Body, copy.ApplicationProperties);
    }

    public Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AbandonAsync(CancellationToken cancellationToken)
    {
        Next = message with { DeliveryCount = message.DeliveryCount + 1 };
        return Task.CompletedTask;
    }
}
