namespace StripeSf.Core.Revenue;

/// <summary>Which Stripe subscription statuses count toward MRR, and why.</summary>
internal static class SubscriptionStatusRule
{
    /// <summary>
    /// active, past_due and unpaid count: the customer is still contracted and billed (dunning is a
    /// collection problem, surfaced as at-risk MRR, not churn). trialing counts 0 until it converts;
    /// incomplete has never been paid; canceled and incomplete_expired are over; paused bills nothing.
    /// An unknown future status counts 0 and is reported, rather than silently inflating revenue.
    /// </summary>
    public static bool? CountsTowardMrr(string? status) => status switch
    {
        "active" or "past_due" or "unpaid" => true,
        "trialing" or "incomplete" or "incomplete_expired" or "canceled" or "paused" => false,
        _ => null,
    };
}
