using StripeSf.Core.Ingress;
using StripeSf.Core.Messaging;
using StripeSf.Core.Reconciliation;
using StripeSf.Core.Routing;

namespace StripeSf.Core.Healing;

/// <summary>
/// Enqueues each event on its routed queue exactly as the webhook would have (same message factory,
/// MessageId = event id, claim check for large payloads). An event that was delivered is already
/// in the queue's 7-day duplicate-detection history, so Service Bus drops the copy; one delivered
/// longer ago is processed again, which the stale guards and upserts make a no-op.
/// </summary>
public sealed class QueueGapFillTarget(EventMessageFactory messages, IEventPublisher publisher, RoutingTable routes) : IGapFillTarget
{
    /// <summary>The state of an event put on its queue.</summary>
    public const string Enqueued = "enqueued";

    /// <inheritdoc />
    public async Task<IReadOnlyList<GapFillOutcome>> SendAsync(IReadOnlyList<StripeEventPayload> events, CancellationToken cancellationToken)
    {
        var outcomes = new List<GapFillOutcome>(events.Count);
        foreach (var e in events)
        {
            if (!EventEnvelopeReader.TryRead(e.Payload, out var envelope, out var error))
            {
                outcomes.Add(new GapFillOutcome(e.Id, e.Type, "malformed", $"event {e.Id} is malformed ({error})", true));
                continue;
            }

            if (routes.QueueFor(envelope!.Type) is not { } queue)
            {
                outcomes.Add(new GapFillOutcome(e.Id, e.Type, "ignored", $"event type {envelope.Type} is not routed", false));
                continue;
            }

            var message = await messages.CreateAsync(envelope, e.Payload, cancellationToken).ConfigureAwait(false);
            var result = await publisher.PublishAsync(queue, message, cancellationToken).ConfigureAwait(false);
            outcomes.Add(result == PublishResult.Duplicate
                ? new GapFillOutcome(e.Id, e.Type, "duplicate", $"{e.Id} was already on {queue}", false)
                : new GapFillOutcome(e.Id, e.Type, Enqueued, $"enqueued {e.Id} on {queue}", false));
        }

        return outcomes;
    }
}
