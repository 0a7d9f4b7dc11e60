using System.Text.Json.Nodes;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>The targeted field updates a classified change adds to the Account's subscription group and the Opportunity.</summary>
internal sealed class ChangeUpdates(SalesforceMappingOptions mapping)
{
    /// <summary>
    /// A scheduled cancellation puts the Account at risk and notes the date on the Opportunity; withdrawing
    /// it puts the Account back to Healthy and says so; a pause or resume is noted on the Opportunity. Health and the
    /// note are guard groups of their own (<see cref="SubscriptionRecords"/> stamps their event times), so the newest
    /// health fact — a refund's, a dispute's or this one — and the newest note win whatever the delivery order.
    /// </summary>
    public (JsonObject Account, JsonObject Opportunity) For(SubscriptionChangeKind kind, SubscriptionEvent subscription)
    {
        var account = new JsonObject();
        var opportunity = new JsonObject();
        var on = SalesforceValues.Date(subscription.Context.Created);
        switch (kind)
        {
            case SubscriptionChangeKind.CancelAtPeriodEnd:
                var ends = subscription.Facts.CancelAt ?? subscription.Facts.CurrentPeriodEnd;
                account[mapping.Account.CustomerHealth] = mapping.Account.HealthAtRisk;
                opportunity[mapping.Opportunity.LossReason] = ends is { } end
                    ? $"Cancellation scheduled in Stripe on {on}: ends {SalesforceValues.Date(end)}."
                    : $"Cancellation scheduled in Stripe on {on}.";
                break;
            case SubscriptionChangeKind.Reactivation:
                account[mapping.Account.CustomerHealth] = mapping.Account.HealthHealthy;
                opportunity[mapping.Opportunity.LossReason] = $"Scheduled cancellation withdrawn in Stripe on {on}.";
                break;
            case SubscriptionChangeKind.Pause:
                // A paused status already shows on the Account; a pause of payment collection does not,
                // so the Opportunity says it.
                opportunity[mapping.Opportunity.LossReason] = $"Paused in Stripe on {on}.";
                break;
            case SubscriptionChangeKind.Resume:
                opportunity[mapping.Opportunity.LossReason] = $"Resumed in Stripe on {on}.";
                break;
        }

        return (account, opportunity);
    }
}
