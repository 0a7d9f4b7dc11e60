using StripeSf.Core.Ingress;
using StripeSf.Core.Messaging;
using StripeSf.Core.Routing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Processing;

/// <summary>
/// <c>stripesf plan</c>: the ingress's routing, then the production pipeline (<see cref="EventProcessor"/>)
/// with a capturing sender, so the plan shown is exactly the first call the processor sends —
/// email-matching claims included — and the outcome it would reach if that call succeeded.
/// Registered by <see cref="DependencyInjection.CoreServiceCollectionExtensions.AddEventPlanning"/>.
/// </summary>
public sealed class EventPlanner(RoutingTable routes, EventProcessor processor, DryRunSalesforceClient sender)
{
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>The plan for one event payload.</summary>
    public async Task<EventPlan> PlanAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
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

        await _one.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            sender.Clear();
            var message = new InboundMessage(envelope.Id, envelope.Type, payload, new Dictionary<string, object> { [MessageProperties.Attempt] = 1 });
            var outcome = await processor.ProcessAsync(message, cancellationToken).ConfigureAwait(false);
            var first = sender.Sent.FirstOrDefault() ?? CompositeRequest.Empty;
            return outcome switch
            {
                ProcessingOutcome.Completed { Kind: CompletionKind.NothingToWrite } done => new EventPlan(envelope.Id, envelope.Type, queue, EventPlan.NothingToWrite, done.Detail, first),
                ProcessingOutcome.Completed => new EventPlan(envelope.Id, envelope.Type, queue, EventPlan.Write, $"{first.Subrequests.Count} subrequests in one composite call", first),
                ProcessingOutcome.DeadLetter { Reason: DeadLetterReasons.UnmappableData } dead => new EventPlan(envelope.Id, envelope.Type, queue, EventPlan.Unmappable, Unprefixed(dead.Description), first),
                ProcessingOutcome.DeadLetter dead => new EventPlan(envelope.Id, envelope.Type, queue, EventPlan.Malformed, dead.Description, first),
                ProcessingOutcome.RetryLater retry => new EventPlan(envelope.Id, envelope.Type, queue, EventPlan.Write, retry.Reason, first),
                _ => throw new InvalidOperationException($"unknown outcome {outcome}"),
            };
        }
        finally
        {
            _one.Release();
        }
    }

    // "event evt_1 (type): message" → "message", as the plan line already names the event.
    private static string Unprefixed(string description) =>
        description.IndexOf("): ", StringComparison.Ordinal) is var at and >= 0 ? description[(at + 3)..] : description;
}
