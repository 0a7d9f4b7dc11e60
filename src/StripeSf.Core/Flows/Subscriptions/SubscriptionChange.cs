namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>
/// A classified subscription change. <see cref="MrrBefore"/> is the MRR counted before the change,
/// known when <c>previous_attributes</c> carries what MRR depends on (items, plan, quantity, status,
/// discounts); <see cref="MrrAfter"/> the MRR counted now; both in <see cref="Currency"/>.
/// </summary>
public sealed record SubscriptionChange(SubscriptionChangeKind Kind, decimal? MrrBefore, decimal MrrAfter, string? Currency)
{
    /// <summary>The MRR increase (negative for a decrease); null when the MRR before is unknown.</summary>
    public decimal? MrrDelta => MrrBefore is { } before ? MrrAfter - before : null;
}
