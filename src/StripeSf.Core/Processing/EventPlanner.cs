using StripeSf.Core.Ingress;
using StripeSf.Core.Routing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Processing;

/// <summary>Computes, without network, the queue and Salesforce requests for an event payload: the same routing and handlers as production.</summary>
public sealed class EventPlanner(RoutingTable routes, HandlerRegistry handlers, Matching.ExistingContactMatcher? matcher = null)
{
    /// <summary>The plan for one event payload.</summary>
    public EventPlan Plan(ReadOnlyMemory<byte> payload)
    {
        if (!EventEnvelopeReader.TryRead(payload, out var envelope, out var envelopeError))
        {
            return new EventPlan(null, null, null, EventPlan.Malformed, envelopeError, CompositeRequest.Empty);
        }

        var queue = routes.QueueFor(envelope!.Type);
        if (queue is null)
        {
            return new EventPlan(envelope.Id, envelope.Type, null, EventPlan.Ignored, $"event type {envelope.Type} is not routed", CompositeRequest.Empty);
        }

        if (!StripeEventParser.TryParse(payload.Span, 1, out var context, out var parseError))
        {
            return new EventPlan(envelope.Id, envelope.Type, queue, EventPlan.Malformed, parseError, CompositeRequest.Empty);
        }

        if (!handlers.TryGet(envelope.Type, out var handler))
        {
            return new EventPlan(envelope.Id, envelope.Type, queue, EventPlan.Malformed, $"no handler for {envelope.Type}", CompositeRequest.Empty);
        }

        try
        {
            // The first call exactly as the processor sends it, email-matching claims included.
            var first = context! with { IncludeCreateFields = handler!.ExpectsNewRecords };
            var request = handler.Plan(first);
            if (first.IncludeCreateFields && matcher is not null)
            {
                request = matcher.WithClaims(first, request);
            }

            return request.IsEmpty
                ? new EventPlan(envelope.Id, envelope.Type, queue, EventPlan.NothingToWrite, "no Salesforce writes for this event", request)
                : new EventPlan(envelope.Id, envelope.Type, queue, EventPlan.Write, $"{request.Subrequests.Count} subrequests in one composite call", request);
        }
        catch (UnmappableEventException ex)
        {
            return new EventPlan(envelope.Id, envelope.Type, queue, EventPlan.Unmappable, ex.Message, CompositeRequest.Empty);
        }
    }
}
