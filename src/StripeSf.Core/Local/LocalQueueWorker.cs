using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using StripeSf.Core.Messaging;
using StripeSf.Core.Settlement;

namespace StripeSf.Core.Local;

/// <summary>
/// Processes the local queue through the same <see cref="SettlementExecutor"/> (processor and
/// settlement policy) the Service Bus functions use. Settling here: complete drops the message,
/// a retry publishes the scheduled copy, abandon redelivers with the delivery count one higher
/// (so the policy dead-letters the last allowed delivery, as in Azure), dead letters are kept
/// (with their reasons) in <see cref="Settlements"/> for the console.
/// </summary>
public sealed class LocalQueueWorker(LocalEventQueue queue, SettlementExecutor executor) : BackgroundService
{
    private readonly ConcurrentQueue<LocalSettlement> _settlements = new();

    /// <summary>Every settlement so far, in order.</summary>
    public IReadOnlyCollection<LocalSettlement> Settlements => _settlements;

    /// <summary>Raised after each settlement.</summary>
    public event Action<LocalSettlement>? MessageSettled;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (name, message, deliveryCount) in queue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            var inbound = new InboundMessage(message.MessageId, message.Subject, message.Body, message.ApplicationProperties, deliveryCount);
            var result = await executor.ProcessAndSettleAsync(inbound, new QueueSettlement(queue, name, message, deliveryCount), stoppingToken).ConfigureAwait(false);

            var settlement = new LocalSettlement(name, message.MessageId, inbound.EventId, inbound.Attempt, deliveryCount, result.Action);
            _settlements.Enqueue(settlement);
            MessageSettled?.Invoke(settlement);
        }
    }

    /// <summary>The local queue's side of settling one message.</summary>
    private sealed class QueueSettlement(LocalEventQueue queue, string name, OutboundMessage message, int deliveryCount) : IMessageSettlement
    {
        // The message left the channel when it was read; there is nothing to remove.
        public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ScheduleAsync(OutboundMessage copy, CancellationToken cancellationToken) => queue.PublishAsync(name, copy, cancellationToken);

        // Kept in Settlements (with reason and description) in place of a dead-letter queue.
        public Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task AbandonAsync(CancellationToken cancellationToken)
        {
            queue.Redeliver(name, message, deliveryCount + 1);
            return Task.CompletedTask;
        }
    }
}
