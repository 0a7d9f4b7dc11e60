namespace StripeSf.Core.Notifications;

/// <summary>
/// One rule: an event class to one or more channels, with filters. Configured as
/// <c>Notifications__Rules__N__Event</c>, <c>__Channels__0</c>, <c>__LiveModeOnly</c>, <c>__MinimumAmount</c>, <c>__Plan</c>.
/// </summary>
public sealed class NotificationRule
{
    /// <summary>The event class the rule matches.</summary>
    public NotificationClass Event { get; set; }

    /// <summary>The channels to notify; empty: every configured channel.</summary>
    public List<NotificationChannelKind> Channels { get; set; } = [];

    /// <summary>Only events from live mode (test-mode events are ignored).</summary>
    public bool LiveModeOnly { get; set; }

    /// <summary>Only when the amount (or, for subscription changes, the MRR at stake) is at least this, in major units of the event's currency.</summary>
    public decimal? MinimumAmount { get; set; }

    /// <summary>Only for this plan: a price id, product id, lookup key or price nickname on the subscription.</summary>
    public string? Plan { get; set; }
}
