using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Processing;

/// <summary>Maps one Stripe event type to the Salesforce writes it needs, as one composite request.</summary>
public interface IEventHandler
{
    /// <summary>The Stripe event type handled (e.g. <c>invoice.payment_failed</c>).</summary>
    string EventType { get; }

    /// <summary>
    /// The Salesforce writes for the event, computed without network so that <c>stripesf plan</c>
    /// can show them; <see cref="CompositeRequest.Empty"/> when there is nothing to write.
    /// Throw <see cref="UnmappableEventException"/> for data the mapping cannot express.
    /// </summary>
    CompositeRequest Plan(StripeEventContext context);

    /// <summary>
    /// True for events that normally bring a new record (customer.created): the first plan already
    /// includes the create-only fields, saving the second call a first sight otherwise costs.
    /// </summary>
    bool ExpectsNewRecords => false;

    /// <summary>
    /// True when a failed subrequest of this handler's plan means its work is already done (a
    /// CampaignMember that exists, a record with nothing to link to); such failures complete the
    /// event instead of dead-lettering it. Stale-event rejections are always done and need no rule here.
    /// </summary>
    bool CountsAsDone(CompositeSubrequestFailure failure) => false;

    /// <summary>
    /// True when a failed subrequest means a record another event writes is not in Salesforce yet
    /// (a dispute whose charge has not been synced): the event is retried later, on the queue's
    /// schedule, instead of dead-lettered, because events of different types arrive in any order.
    /// </summary>
    bool WaitsForAnotherEvent(CompositeSubrequestFailure failure) => false;
}
