using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Settlement;

/// <summary>
/// Processes one received message and settles it: <see cref="EventProcessor"/>, then
/// <see cref="SettlementPolicy"/>, then the host's <see cref="IMessageSettlement"/>. Every host
/// runs its messages through here, so they settle alike.
/// </summary>
public sealed class SettlementExecutor(EventProcessor processor, SettlementPolicy policy, TimeProvider time, ILogger<SettlementExecutor> logger)
{
    /// <summary>
    /// Processes <paramref name="message"/> and settles it through <paramref name="settlement"/>.
    /// An unexpected exception is settled too (abandoned, or dead-lettered on the last delivery)
    /// and returned in <see cref="SettlementResult.Failure"/>. Cancellation is not settled: the
    /// host is stopping and the queue redelivers the message when its lock expires.
    /// </summary>
    public Task<SettlementResult> ProcessAndSettleAsync(InboundMessage message, IMessageSettlement settlement, CancellationToken cancellationToken) =>
        SettleAsync(message, token => processor.ProcessAsync(message, token), settlement, policy, time, logger, cancellationToken);

    /// <summary>
    /// Runs <paramref name="process"/> for <paramref name="message"/> and settles its outcome (or its
    /// unexpected exception) by <paramref name="policy"/> through <paramref name="settlement"/>: the one
    /// mapping for every queue — the event-type queues and the notification queue.
    /// </summary>
    public static async Task<SettlementResult> SettleAsync(
        InboundMessage message, Func<CancellationToken, Task<ProcessingOutcome>> process, IMessageSettlement settlement,
        SettlementPolicy policy, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(settlement);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(time);
        SettlementAction action;
        ExceptionDispatchInfo? failure = null;
        try
        {
            var outcome = await process(cancellationToken).ConfigureAwait(false);
            action = policy.Decide(message, outcome, time.GetUtcNow());
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            failure = ExceptionDispatchInfo.Capture(ex);
            action = policy.Decide(message, ex);
            SettlementLog.UnexpectedException(logger, ex, message.EventId, message.Subject, message.DeliveryCount, policy.MaxDeliveryCount,
                action is SettlementAction.Abandon ? "Abandoned" : "DeadLettered");
        }

        await ExecuteAsync(action, settlement, cancellationToken).ConfigureAwait(false);
        return new SettlementResult(action, failure);
    }

    /// <summary>Carries out <paramref name="action"/> through <paramref name="settlement"/>.</summary>
    public static async Task ExecuteAsync(SettlementAction action, IMessageSettlement settlement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        switch (action)
        {
            case SettlementAction.Complete:
                await settlement.CompleteAsync(cancellationToken).ConfigureAwait(false);
                break;
            case SettlementAction.ScheduleCopy schedule:
                // Schedule first, complete second: if completing fails, the redelivered message
                // schedules a copy with the same MessageId, which duplicate detection drops.
                await settlement.ScheduleAsync(schedule.Copy, cancellationToken).ConfigureAwait(false);
                await settlement.CompleteAsync(cancellationToken).ConfigureAwait(false);
                break;
            case SettlementAction.DeadLetter deadLetter:
                await settlement.DeadLetterAsync(deadLetter.Reason, deadLetter.Description, cancellationToken).ConfigureAwait(false);
                break;
            case SettlementAction.Abandon:
                await settlement.AbandonAsync(cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, "unknown settlement action");
        }
    }
}
