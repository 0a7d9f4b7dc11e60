namespace StripeSf.Core.Notifications;

/// <summary>
/// What a person is told, channel-neutral: composed once from the event's facts and carried on the
/// notification queue as JSON. Figures are already in major units of their currency; nothing in it
/// comes from card data or settings.
/// </summary>
public sealed record Notification
{
    /// <summary>The Stripe event id (or, for a dead letter, the message's event id).</summary>
    public required string EventId { get; init; }

    /// <summary>What happened.</summary>
    public required NotificationClass Class { get; init; }

    /// <summary>The Stripe event type.</summary>
    public required string EventType { get; init; }

    /// <summary>True for a live-mode event.</summary>
    public bool Livemode { get; init; }

    /// <summary>One line: "Payment failed: Acme Corp, 20.00 USD".</summary>
    public required string Title { get; init; }

    /// <summary>What changed, in a sentence.</summary>
    public required string Summary { get; init; }

    /// <summary>The customer's (Account's) name, or the Stripe customer id when Stripe sent none.</summary>
    public string? Customer { get; init; }

    /// <summary>The amount the rule's <see cref="NotificationRule.MinimumAmount"/> compares: the amount, or the MRR at stake.</summary>
    public decimal? Amount { get; init; }

    /// <summary>Upper-case ISO code of <see cref="Amount"/>.</summary>
    public string? Currency { get; init; }

    /// <summary>Plan identifiers (price id, product id, lookup key, nickname) the rule's <see cref="NotificationRule.Plan"/> matches.</summary>
    public IReadOnlyList<string> Plans { get; init; } = [];

    /// <summary>The figures, in display order.</summary>
    public IReadOnlyList<NotificationField> Fields { get; init; } = [];

    /// <summary>The links, in display order.</summary>
    public IReadOnlyList<NotificationLink> Links { get; init; } = [];

    /// <summary>The Salesforce record the event wrote that a person works (Account, else Opportunity), when Salesforce named it: where a Chatter post goes.</summary>
    public SalesforceRecordRef? SalesforceRecord { get; init; }
}
