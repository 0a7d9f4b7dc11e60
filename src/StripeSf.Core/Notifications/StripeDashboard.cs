namespace StripeSf.Core.Notifications;

/// <summary>Links to the Stripe dashboard: test-mode objects live under <c>/test/</c>.</summary>
public static class StripeDashboard
{
    private const string Base = "https://dashboard.stripe.com/";

    /// <summary>The dashboard page of <paramref name="path"/> (e.g. <c>invoices/in_123</c>) in live or test mode.</summary>
    public static string Url(string path, bool livemode) => Base + (livemode ? string.Empty : "test/") + path;

    /// <summary>A link to the page of a Stripe object, by its id prefix; null for an id with no page.</summary>
    public static NotificationLink? Link(string? id, bool livemode)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var (label, folder) = id.Split('_')[0] switch
        {
            "in" => ("Invoice in Stripe", "invoices"),
            "cus" => ("Customer in Stripe", "customers"),
            "sub" => ("Subscription in Stripe", "subscriptions"),
            "du" or "dp" => ("Dispute in Stripe", "disputes"),
            "ch" or "py" => ("Payment in Stripe", "payments"),
            "evt" => ("Event in Stripe", "events"),
            _ => (null, null),
        };
        return label is null ? null : new NotificationLink(label, Url($"{folder}/{Uri.EscapeDataString(id)}", livemode));
    }
}
