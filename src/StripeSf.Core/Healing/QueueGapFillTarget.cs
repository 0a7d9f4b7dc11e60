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

    /// <summary>Sends in flight at once: a night's events are mostly duplicates Service Bus drops, and one send at a time would take minutes for a busy account.</summary>
    public const int Concurrency = 16;

    /// <inheritdoc />
    public async Task<IReadOnlyList<GapFillOutcome>> SendAsync(IReadOnlyList<StripeEventPayload> events, CancellationToken cancellationToken)
    {
        var outcomes = new GapFillOutcome[events.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, events.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (index, token) => outcomes[index] = await SendOneAsync(events[index], token).ConfigureAwait(false)).ConfigureAwait(false);
        return outcomes;
    }

    private async Task<GapFillOutcome> SendOneAsync(StripeEventPayload e, CancellationToken cancellationToken)
    {
        var routed = await RoutedEventMessage.CreateAsync(messages, routes, e.Payload, cancellationToken).ConfigureAwait(false);
        if (routed.IsMalformed)
        {
            return new GapFillOutcome(e.Id, e.Type, "malformed", $"event {e.Id} is malformed ({routed.Problem})", true);
        }

        if (routed.IsNotRouted)
        {
            return new GapFillOutcome(e.Id, e.Type, "ignored", routed.Problem!, false);
        }

        var queue = routed.Queue!;
        var result = await publisher.PublishAsync(queue, routed.Message!, cancellationToken).ConfigureAwait(false);
        return result == PublishResult.Duplicate
            ? new GapFillOutcome(e.Id, e.Type, "duplicate", $"{e.Id} was already on {queue}", false)
            : new GapFillOutcome(e.Id, e.Type, Enqueued, $"enqueued {e.Id} on {queue}", false);
    }
}
