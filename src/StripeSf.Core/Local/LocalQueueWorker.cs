using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Local;

/// <summary>
/// Processes the local queue with the same <see cref="EventProcessor"/> the functions use, and
/// settles each message the way the Service Bus functions do: retries become scheduled copies,
/// dead letters are kept (with their reasons) for the console.
/// </summary>
public sealed class LocalQueueWorker(LocalEventQueue queue, EventProcessor processor, TimeProvider time) : BackgroundService
{
    /// <summary>Service Bus's default MaxDeliveryCount: unexpected exceptions are redelivered this often, then dead-lettered.</summary>
    public const int MaxDeliveryCount = 10;

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
            ProcessingOutcome outcome;
            try
            {
                outcome = await processor.ProcessAsync(inbound, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                if (deliveryCount < MaxDeliveryCount)
                {
                    queue.Redeliver(name, message, deliveryCount + 1);
                    continue;
                }

                outcome = new ProcessingOutcome.DeadLetter("MaxDeliveryCountExceeded", $"{ex.GetType().Name}: {ex.Message}");
            }

            if (outcome is ProcessingOutcome.RetryLater retry)
            {
                var copy = RetryMessageFactory.CopyForRetry(inbound, time.GetUtcNow() + retry.Delay, retry.CountsAsAttempt);
                await queue.PublishAsync(name, copy, stoppingToken).ConfigureAwait(false);
            }

            var settlement = new LocalSettlement(name, message.MessageId, inbound.EventId, inbound.Attempt, outcome);
            _settlements.Enqueue(settlement);
            MessageSettled?.Invoke(settlement);
        }
    }
}
