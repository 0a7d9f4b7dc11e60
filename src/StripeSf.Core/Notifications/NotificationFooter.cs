namespace StripeSf.Core.Notifications;

/// <summary>The line every message ends with: which event, which mode.</summary>
public static class NotificationFooter
{
    /// <summary>"Stripe event evt_123 (invoice.payment_failed) · test mode · StripeSfFunctions".</summary>
    public static string Of(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return $"Stripe event {notification.EventId} ({notification.EventType}) · {(notification.Livemode ? "live" : "test")} mode · StripeSfFunctions";
    }
}
