using System.Text.Json;

namespace StripeSf.Core.Facts;

/// <summary>One subscription item: its price, quantity, discounts and (from 2025-03-31.basil) its period.</summary>
public sealed record SubscriptionItemFacts
{
    /// <summary>Item id (<c>si_…</c>).</summary>
    public string? Id { get; init; }

    /// <summary>Quantity as sent (before <c>transform_quantity</c>); null when absent (metered items).</summary>
    public long? Quantity { get; init; }

    /// <summary>The item's price or legacy plan; null when it has neither.</summary>
    public PriceFacts? Price { get; init; }

    /// <summary>Item-level discounts (applied before subscription-level ones).</summary>
    public IReadOnlyList<DiscountFacts> Discounts { get; init; } = [];

    /// <summary>The item's current period start (item-level from 2025-03-31.basil).</summary>
    public DateTimeOffset? CurrentPeriodStart { get; init; }

    /// <summary>The item's current period end (item-level from 2025-03-31.basil).</summary>
    public DateTimeOffset? CurrentPeriodEnd { get; init; }

    /// <summary>Reads one entry of <c>items.data</c>.</summary>
    public static SubscriptionItemFacts From(StripeJson item) => new()
    {
        Id = item.String("id"),
        Quantity = item.Long("quantity"),
        Price = PriceFacts.Of(item),
        Discounts = DiscountFacts.ListOf(item),
        CurrentPeriodStart = item.Time("current_period_start"),
        CurrentPeriodEnd = item.Time("current_period_end"),
    };
}

/// <summary>
/// What a subscription payload says, the same at every API version from 2020-08-27 on:
/// <list type="bullet">
/// <item><description><c>current_period_*</c> on the subscription before 2025-03-31.basil, on each item since;</description></item>
/// <item><description><c>discount</c> (singular, until basil) and/or <c>discounts</c>, see <see cref="DiscountFacts.ListOf"/>;</description></item>
/// <item><description>items priced by <c>price</c>, or by <c>plan</c> alone in pre-Prices payloads;</description></item>
/// <item><description><c>currency</c> only on newer versions (2020-08-27 has none: the first priced item's is used).</description></item>
/// </list>
/// </summary>
public sealed record SubscriptionFacts
{
    /// <summary>Subscription id.</summary>
    public required string Id { get; init; }

    /// <summary>Customer id (the reference or the expanded customer's id).</summary>
    public required string CustomerId { get; init; }

    /// <summary>Status; <c>unknown</c> when absent.</summary>
    public required string Status { get; init; }

    /// <summary>The event's API version, when known.</summary>
    public StripeApiVersion? ApiVersion { get; init; }

    /// <summary>The subscription's currency: its own, else the first priced item's (lower case, trimmed).</summary>
    public string? Currency { get; init; }

    /// <summary><c>start_date</c>, else <c>created</c>.</summary>
    public DateTimeOffset? StartDate { get; init; }

    /// <summary><c>trial_end</c>.</summary>
    public DateTimeOffset? TrialEnd { get; init; }

    /// <summary><c>ended_at</c>.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary><c>canceled_at</c>.</summary>
    public DateTimeOffset? CanceledAt { get; init; }

    /// <summary><c>cancel_at</c>.</summary>
    public DateTimeOffset? CancelAt { get; init; }

    /// <summary><c>cancel_at_period_end</c>.</summary>
    public bool CancelAtPeriodEnd { get; init; }

    /// <summary>The current period start: the subscription's (before basil), else the first item's that has one.</summary>
    public DateTimeOffset? CurrentPeriodStart { get; init; }

    /// <summary>The current period end, read like <see cref="CurrentPeriodStart"/>.</summary>
    public DateTimeOffset? CurrentPeriodEnd { get; init; }

    /// <summary>True when <c>pause_collection</c> is set.</summary>
    public bool CollectionPaused { get; init; }

    /// <summary><c>pause_collection.behavior</c> (keep_as_draft, mark_uncollectible, void).</summary>
    public string? PauseBehavior { get; init; }

    /// <summary>The items.</summary>
    public IReadOnlyList<SubscriptionItemFacts> Items { get; init; } = [];

    /// <summary>Subscription-level discounts (applied to the items' total).</summary>
    public IReadOnlyList<DiscountFacts> Discounts { get; init; } = [];

    /// <summary>The subscription's own metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>The customer's metadata, only when the customer is expanded in the payload.</summary>
    public IReadOnlyDictionary<string, string> CustomerMetadata { get; init; } = new Dictionary<string, string>();

    /// <summary>The expanded customer's name, when present (for a first-sight Account name).</summary>
    public string? CustomerName { get; init; }

    /// <summary><c>cancellation_details.reason</c> (2022-11-15 on).</summary>
    public string? CancellationReason { get; init; }

    /// <summary><c>cancellation_details.comment</c>, else <c>feedback</c>.</summary>
    public string? CancellationComment { get; init; }

    /// <summary>Reads a subscription object; unmappable without an id or customer.</summary>
    /// <exception cref="Processing.UnmappableEventException">No id, or no customer.</exception>
    public static SubscriptionFacts From(JsonElement subscription, StripeApiVersion? apiVersion = null)
    {
        var json = new StripeJson(subscription, "subscription");
        var id = json.RequiredId("id");
        json = new StripeJson(subscription, $"subscription {id}");
        var customerId = json.Id("customer")
            ?? throw new Processing.UnmappableEventException($"subscription {id} has no customer: there is no Account to write it on");
        var customer = json.Object("customer");
        var items = json.List("items").Select(SubscriptionItemFacts.From).ToList();
        var (periodStart, periodEnd) = Period(json, items);
        return new SubscriptionFacts
        {
            Id = id,
            CustomerId = customerId,
            Status = json.String("status") ?? "unknown",
            ApiVersion = apiVersion,
            Currency = CurrencyOf(json, items),
            StartDate = json.Time("start_date") ?? json.Time("created"),
            TrialEnd = json.Time("trial_end"),
            EndedAt = json.Time("ended_at"),
            CanceledAt = json.Time("canceled_at"),
            CancelAt = json.Time("cancel_at"),
            CancelAtPeriodEnd = json.Bool("cancel_at_period_end") ?? false,
            CurrentPeriodStart = periodStart,
            CurrentPeriodEnd = periodEnd,
            CollectionPaused = json.Get("pause_collection") is not null,
            PauseBehavior = json.String("pause_collection.behavior"),
            Items = items,
            Discounts = DiscountFacts.ListOf(json),
            Metadata = json.Metadata(),
            CustomerMetadata = customer?.Metadata() ?? new Dictionary<string, string>(),
            CustomerName = customer?.String("name"),
            CancellationReason = json.String("cancellation_details.reason"),
            CancellationComment = json.String("cancellation_details.comment") ?? json.String("cancellation_details.feedback"),
        };
    }

    private static string? CurrencyOf(StripeJson subscription, List<SubscriptionItemFacts> items)
    {
        if (subscription.String("currency") is { } own && !string.IsNullOrWhiteSpace(own))
        {
            return own.Trim().ToLowerInvariant();
        }

        return items.Select(i => i.Price?.Currency).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c))?.Trim().ToLowerInvariant();
    }

    /// <summary>
    /// The subscription's own period fields (2020-08-27 … 2025-02-24.acacia), else the items' (basil on;
    /// items of one subscription share a cycle, so the first one with a period speaks for all).
    /// </summary>
    private static (DateTimeOffset? Start, DateTimeOffset? End) Period(StripeJson subscription, List<SubscriptionItemFacts> items)
    {
        var start = subscription.Time("current_period_start");
        var end = subscription.Time("current_period_end");
        if (start is not null || end is not null)
        {
            return (start, end);
        }

        var item = items.FirstOrDefault(i => i.CurrentPeriodStart is not null || i.CurrentPeriodEnd is not null);
        return (item?.CurrentPeriodStart, item?.CurrentPeriodEnd);
    }
}
