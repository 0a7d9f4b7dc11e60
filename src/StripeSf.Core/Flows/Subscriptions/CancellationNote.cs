using StripeSf.Core.Facts;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>The loss reason written on a canceled subscription's Opportunity, from <c>cancellation_details</c> where the API version has it.</summary>
internal static class CancellationNote
{
    public static string For(SubscriptionFacts facts, DateTimeOffset eventCreated)
    {
        var on = Mapping.SalesforceValues.Date(facts.EndedAt ?? facts.CanceledAt ?? eventCreated);
        var reason = facts.CancellationReason switch
        {
            "cancellation_requested" => "cancellation requested",
            "payment_failed" => "payment failed",
            "payment_disputed" => "payment disputed",
            null => null,
            var other => other,
        };
        var text = reason is null ? $"Canceled in Stripe on {on}" : $"Canceled in Stripe on {on}: {reason}";
        return facts.CancellationComment is { Length: > 0 } comment ? $"{text} — {comment}" : $"{text}.";
    }
}
