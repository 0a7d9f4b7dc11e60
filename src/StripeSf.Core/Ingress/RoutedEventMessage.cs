using StripeSf.Core.Messaging;
using StripeSf.Core.Routing;

namespace StripeSf.Core.Ingress;

/// <summary>
/// A Stripe event payload made into the message the webhook would have enqueued — envelope read,
/// queue found by routing, message built by <see cref="EventMessageFactory"/> (claim check included) —
/// for the paths that put events back on their queues (gap-fill, reconciliation repair).
/// </summary>
internal sealed record RoutedEventMessage(EventEnvelope? Envelope, string? Queue, OutboundMessage? Message, string? Problem)
{
    /// <summary>True when the payload is not a readable Stripe event (<see cref="Problem"/> says why).</summary>
    public bool IsMalformed => Envelope is null;

    /// <summary>True when the event's type has no queue.</summary>
    public bool IsNotRouted => Envelope is not null && Queue is null;

    /// <summary>The message for <paramref name="payload"/>, or why there is none.</summary>
    public static async Task<RoutedEventMessage> CreateAsync(EventMessageFactory messages, RoutingTable routes, byte[] payload, CancellationToken cancellationToken)
    {
        if (!EventEnvelopeReader.TryRead(payload, out var envelope, out var error))
        {
            return new RoutedEventMessage(null, null, null, error);
        }

        if (routes.QueueFor(envelope!.Type) is not { } queue)
        {
            return new RoutedEventMessage(envelope, null, null, $"event type {envelope.Type} is not routed");
        }

        return new RoutedEventMessage(envelope, queue, await messages.CreateAsync(envelope, payload, cancellationToken).ConfigureAwait(false), null);
    }
}
