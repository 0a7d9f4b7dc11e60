using StripeSf.Core.Mapping;

namespace StripeSf.Core.Renewals;

/// <summary>
/// <c>Stripe_Renewal_Key__c</c> of a renewal Opportunity: subscription id + ":" + the UTC date the term
/// being renewed ends. The sweep computes it from the term end ahead of time, the billing-period roll
/// from the new period's start (the same instant), a cancellation from the period end or
/// <c>cancel_at</c>: one record per subscription and term, whoever writes first.
/// </summary>
public static class RenewalKey
{
    /// <summary>The key of the renewal of <paramref name="subscriptionId"/>'s term ending <paramref name="termEnd"/>.</summary>
    public static string For(string subscriptionId, DateTimeOffset termEnd) => $"{subscriptionId}:{SalesforceValues.Date(termEnd)}";

    /// <summary>The seats renewed: the quantities of the items counted in the run rate.</summary>
    public static long Quantity(Revenue.RecurringRevenue revenue)
    {
        ArgumentNullException.ThrowIfNull(revenue);
        return revenue.Items.Where(i => i.Included).Sum(i => i.Quantity);
    }

    /// <summary>
    /// The Opportunity name both writers use ("Renewal Pro × 20 from 2027-01-15 (sub_…)"), within
    /// Salesforce's 120 characters. Sent only when the record is created, so sales' renaming survives.
    /// </summary>
    public static string Name(string? planName, long quantity, DateTimeOffset termEnd, string subscriptionId)
    {
        var plan = planName ?? "subscription";
        var seats = quantity > 1 ? $" × {quantity}" : "";
        return Flows.Subscriptions.SubscriptionRecords.Name($"Renewal {plan}{seats} from {SalesforceValues.Date(termEnd)}", subscriptionId);
    }
}
