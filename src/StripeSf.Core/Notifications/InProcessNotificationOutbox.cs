using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StripeSf.Core.Messaging;
using StripeSf.Core.Settlement;

namespace StripeSf.Core.Notifications;

/// <summary>
/// Where there is no Service Bus (<c>stripesf serve</c>, <c>replay</c>, <c>reconcile --repair</c>):
/// each notification is delivered at once through the same <see cref="NotificationDispatcher"/>,
/// with the same idempotency (a message id handed over once is never sent again, as duplicate
/// detection does on the queue) and the same retries (each wait capped at
/// <c>Notifications__LocalMaxRetryDelaySeconds</c>, so the CLI does not sit for half an hour).
/// </summary>
public sealed class InProcessNotificationOutbox(NotificationDispatcher dispatcher, IOptions<NotificationOptions> options, TimeProvider time, ILogger<InProcessNotificationOutbox> logger)
    : INotificationOutbox
{
    private readonly ConcurrentDictionary<string, byte> _handedOver = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<LocalNotification> _settled = new();

    /// <summary>Every notification settled so far, in order (for the console and tests).</summary>
    public IReadOnlyCollection<LocalNotification> Settled => _settled;

    /// <inheritdoc />
    public async Task EnqueueAsync(IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            if (!_handedOver.TryAdd(message.MessageId, 0))
            {
                NotificationLog.Duplicate(logger, message.MessageId.Split(':')[0], message.MessageId);
                continue;
            }

            await DeliverAsync(message, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeliverAsync(OutboundMessage first, CancellationToken cancellationToken)
    {
        var message = new InboundMessage(first.MessageId, first.Subject, first.Body, first.ApplicationProperties);
        while (true)
        {
            var settlement = new InProcessSettlement(message, TimeSpan.FromSeconds(Math.Max(0, options.Value.LocalMaxRetryDelaySeconds)), time);
            var result = await dispatcher.DeliverAndSettleAsync(message, settlement, cancellationToken).ConfigureAwait(false);
            if (result.Action is SettlementAction.Complete or SettlementAction.DeadLetter)
            {
                _settled.Enqueue(new LocalNotification(message.EventId, message.Attempt, result.Action));
                return;
            }

            message = settlement.Next ?? throw new InvalidOperationException($"settlement {result.Action} left nothing to deliver");
        }
    }
}
