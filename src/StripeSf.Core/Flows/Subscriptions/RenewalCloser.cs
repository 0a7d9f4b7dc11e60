using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StripeSf.Core.Facts;
using StripeSf.Core.Mapping;
using StripeSf.Core.Planning;
using StripeSf.Core.Renewals;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>
/// A cancellation closes the open renewal of the current term as Lost with the reason
/// (<c>customer.subscription.deleted</c>, <c>cancel_at_period_end</c> set); withdrawing a scheduled
/// cancellation opens it again. The term's renewal is keyed by <c>cancel_at</c>, else the current
/// period end (<see cref="RenewalKey"/>).
/// </summary>
/// <remarks>
/// Only an existing renewal is changed — a cancellation never creates one: a GET by the key finds it
/// (NOT_FOUND is done: there was no renewal to close) and two PATCHes by its id write the stage group
/// and the note group, each with the event time, so the stale-event rules order them against the
/// period roll (Won) and each other, whatever the delivery order. No extra API call: all in the event's call.
/// </remarks>
internal sealed class RenewalCloser(SalesforceMappingOptions mapping, IOptions<RenewalsOptions> renewals)
{
    /// <summary>Reference id of the GET of the term's renewal.</summary>
    public const string FindRef = "termRenewal";

    /// <summary>Reference id of its stage group.</summary>
    public const string StageRef = "termRenewalStage";

    /// <summary>Reference id of its note group.</summary>
    public const string NoteRef = "termRenewalNote";

    /// <summary>Error code of a GET by external id that matches no record.</summary>
    public const string NotFoundErrorCode = "NOT_FOUND";

    /// <summary>The GET: NOT_FOUND means the term has no renewal Opportunity, so there is nothing to close.</summary>
    public static WriteRule NoRenewalYet { get; } = WriteRule.DoneWhen("no renewal Opportunity for this term", f => f.Code == NotFoundErrorCode);

    /// <summary>The end of the term whose renewal a cancellation decides.</summary>
    public static DateTimeOffset? TermEnd(SubscriptionFacts facts) => facts.CancelAt ?? facts.CurrentPeriodEnd;

    /// <summary>Closes the term's renewal as Lost with <paramref name="reason"/>.</summary>
    public void Lose(CompositePlanBuilder plan, SubscriptionEvent subscription, string reason) =>
        Write(plan, subscription, renewals.Value.Stages(mapping.Opportunity).Lost, reason);

    /// <summary>Opens the term's renewal again (a scheduled cancellation withdrawn), saying why.</summary>
    public void Reopen(CompositePlanBuilder plan, SubscriptionEvent subscription, string note) =>
        Write(plan, subscription, renewals.Value.Stages(mapping.Opportunity).Open, note);

    private void Write(CompositePlanBuilder plan, SubscriptionEvent subscription, string stage, string note)
    {
        if (TermEnd(subscription.Facts) is not { } end)
        {
            return;
        }

        var opportunity = mapping.Opportunity;
        plan.Get(FindRef, opportunity.Object, opportunity.RenewalKey, RenewalKey.For(subscription.Facts.Id, end), NoRenewalYet, "Id");
        var id = CompositePlanBuilder.Ref(FindRef, "Id");
        plan.Update(StageRef, opportunity.Object, id, new JsonObject
        {
            [opportunity.StageName] = stage,
            [opportunity.LastEventAt] = subscription.EventAt,
        });
        plan.Update(NoteRef, opportunity.Object, id, new JsonObject
        {
            [opportunity.LossReason] = note,
            [opportunity.NoteEventAt] = subscription.EventAt,
        });
    }
}
