using System.Text.Json;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>
/// What a subscription payload says, read the same way at every API version: 2020-08-27 renders
/// <c>current_period_*</c> on the subscription, current versions on each item.
/// </summary>
internal sealed record SubscriptionFacts
{
    public required string Id { get; init; }

    public required string CustomerId { get; init; }

    public required string Status { get; init; }

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? TrialEnd { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public DateTimeOffset? CanceledAt { get; init; }

    public DateTimeOffset? CancelAt { get; init; }

    public bool CancelAtPeriodEnd { get; init; }

    public DateTimeOffset? CurrentPeriodStart { get; init; }

    public DateTimeOffset? CurrentPeriodEnd { get; init; }

    /// <summary>The subscription's own metadata.</summary>
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    /// <summary>The customer's metadata, only when the customer is expanded in the payload.</summary>
    public required IReadOnlyDictionary<string, string> CustomerMetadata { get; init; }

    /// <summary>The expanded customer's name, when present (for a first-sight Account name).</summary>
    public string? CustomerName { get; init; }

    /// <summary><c>cancellation_details.reason</c> (current API only).</summary>
    public string? CancellationReason { get; init; }

    /// <summary><c>cancellation_details.comment</c>, else <c>feedback</c> (current API only).</summary>
    public string? CancellationComment { get; init; }

    /// <summary>Reads the subscription in <paramref name="subscription"/>; unmappable without an id or customer.</summary>
    public static SubscriptionFacts From(JsonElement subscription)
    {
        var id = JsonFields.String(subscription, "id")
            ?? throw new UnmappableEventException("subscription payload has no id");
        var customerId = JsonFields.Id(subscription, "customer")
            ?? throw new UnmappableEventException($"subscription {id} has no customer: there is no Account to write it on");
        var customer = JsonFields.Property(subscription, "customer") is { ValueKind: JsonValueKind.Object } expanded ? expanded : default;
        var cancellation = JsonFields.Property(subscription, "cancellation_details") ?? default;
        var (periodStart, periodEnd) = Period(subscription);

        return new SubscriptionFacts
        {
            Id = id,
            CustomerId = customerId,
            Status = JsonFields.String(subscription, "status") ?? "unknown",
            StartDate = JsonFields.Time(subscription, "start_date") ?? JsonFields.Time(subscription, "created"),
            TrialEnd = JsonFields.Time(subscription, "trial_end"),
            EndedAt = JsonFields.Time(subscription, "ended_at"),
            CanceledAt = JsonFields.Time(subscription, "canceled_at"),
            CancelAt = JsonFields.Time(subscription, "cancel_at"),
            CancelAtPeriodEnd = JsonFields.Bool(subscription, "cancel_at_period_end") ?? false,
            CurrentPeriodStart = periodStart,
            CurrentPeriodEnd = periodEnd,
            Metadata = JsonFields.Metadata(subscription),
            CustomerMetadata = customer.ValueKind == JsonValueKind.Object ? JsonFields.Metadata(customer) : new Dictionary<string, string>(),
            CustomerName = customer.ValueKind == JsonValueKind.Object ? JsonFields.String(customer, "name") : null,
            CancellationReason = JsonFields.String(cancellation, "reason"),
            CancellationComment = JsonFields.String(cancellation, "comment") ?? JsonFields.String(cancellation, "feedback"),
        };
    }

    /// <summary>
    /// The current period: the subscription's own fields (2020-08-27 … 2025-02), else the items'
    /// (Stripe moved them to items; items of one subscription share a cycle, so the first one with a
    /// period speaks for all).
    /// </summary>
    public static (DateTimeOffset? Start, DateTimeOffset? End) Period(JsonElement subscription)
    {
        var start = JsonFields.Time(subscription, "current_period_start");
        var end = JsonFields.Time(subscription, "current_period_end");
        if (start is not null || end is not null)
        {
            return (start, end);
        }

        foreach (var item in JsonFields.Items(subscription))
        {
            var itemStart = JsonFields.Time(item, "current_period_start");
            var itemEnd = JsonFields.Time(item, "current_period_end");
            if (itemStart is not null || itemEnd is not null)
            {
                return (itemStart, itemEnd);
            }
        }

        return (null, null);
    }
}
