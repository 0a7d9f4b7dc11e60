using StripeSf.Core.Ingress;
using StripeSf.Core.Messaging;
using StripeSf.Core.Routing;

namespace StripeSf.Core.Reconciliation;

/// <summary>
/// Re-enqueues events on their routed queue, as the webhook would have, with MessageId
/// <c>{eventId}:reconcile-{runKey}</c>: the original id may still sit in the queue's 7-day
/// duplicate-detection window, which would silently drop a copy under the same id. The event id
/// travels in <see cref="MessageProperties.OriginalMessageId"/>; processing is idempotent, so a
/// copy of an event that was only late is harmless. A re-run of the same window reuses the id, so
/// two runs on one night enqueue once.
/// </summary>
public sealed class QueueEventRepairer(EventMessageFactory messages, IEventPublisher publisher, RoutingTable routes) : IMissingEventRepairer
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<RepairOutcome>> RepairAsync(IReadOnlyList<StripeEventPayload> events, string runKey, CancellationToken cancellationToken)
    {
        var outcomes = new List<RepairOutcome>(events.Count);
        foreach (var e in events)
        {
            var routed = await RoutedEventMessage.CreateAsync(messages, routes, e.Payload, cancellationToken).ConfigureAwait(false);
            if (routed.IsMalformed || routed.IsNotRouted)
            {
                outcomes.Add(new RepairOutcome(e.Id, false, routed.IsMalformed ? $"not repairable: event {e.Id} is malformed ({routed.Problem})" : $"not repairable: {routed.Problem}"));
                continue;
            }

            var (envelope, queue, message) = (routed.Envelope!, routed.Queue!, routed.Message!);
            var properties = new Dictionary<string, object>(message.ApplicationProperties) { [MessageProperties.OriginalMessageId] = envelope.Id };
            var result = await publisher.PublishAsync(queue, message with { MessageId = $"{envelope.Id}:reconcile-{runKey}", ApplicationProperties = properties }, cancellationToken).ConfigureAwait(false);
            outcomes.Add(new RepairOutcome(e.Id, true, result == PublishResult.Duplicate ? $"{e.Id} already re-enqueued on {queue}" : $"re-enqueued {e.Id} on {queue}"));
        }

        return outcomes;
    }
}
